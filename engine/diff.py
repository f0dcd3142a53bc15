"""Structural differences: between two dates, and between two jurisdictions' rule sets.

Neither needs a case. `date_diff` lists what changes in the rulebook from one day to another (laws,
provisions, rule versions, citations, routes, national defaults, readings, parameter values); `jurisdiction_diff`
lists, point by point, where two jurisdictions' readings differ and which local rules each adds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tolka.jurisdictions import ResolvedReading, jurisdiction, resolve_readings
from tolka.model.interpretation import DefaultReading, Reading
from tolka.rulebook import Rulebook, RuleEntry


@dataclass(frozen=True)
class Change:
    kind: str  # law | provision | rule | citation | route | default | reading | parameter
    subject: str
    change: str  # entered | ended | changed
    before: str | None  # as stored (the JSON contract's text)
    after: str | None
    # What before and after describe (a parameter's value, a reading, a route), for views that word them
    # in the reader's language; None where the text says it all.
    was: object = field(default=None, compare=False, repr=False)
    now: object = field(default=None, compare=False, repr=False)


def _law_changes(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    out = []
    for law in rulebook.laws.values():
        before, after = _law_in_force(law, a), _law_in_force(law, b)
        if before != after:
            title = f"{law.title.en}" + (f" ({law.number})" if law.number else "")
            out.append(
                Change(
                    "law", law.id, "entered" if after else "ended", None if after else title, title if after else None
                )
            )
        for provision in law.provisions:
            if provision.in_force_from is None and provision.in_force_to is None:
                continue
            was = before and rulebook.provision_period(provision.id).in_force(a)
            now = after and rulebook.provision_period(provision.id).in_force(b)
            if was != now:
                text = rulebook.citation(provision.id)
                out.append(
                    Change(
                        "provision",
                        provision.id,
                        "entered" if now else "ended",
                        None if now else text,
                        text if now else None,
                    )
                )
    return out


def _law_in_force(law, day: dt.date) -> bool:
    return (law.in_force_from is None or law.in_force_from <= day) and (
        law.in_force_to is None or day <= law.in_force_to
    )


def _rule_text(entry: RuleEntry) -> str:
    conclusion = ", ".join(f"{k}={v}" for k, v in entry.rule.then.aspects().items())
    return f"{entry.rule.support}: {entry.rule.when or 'default'} → {conclusion} [{entry.validity.period}]"


def _rule_changes(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    out = []
    by_id: dict[str, list[RuleEntry]] = {}
    for entry in rulebook.rules:
        by_id.setdefault(entry.rule.id, []).append(entry)
    for rule_id, versions in by_id.items():
        before = next((v for v in versions if v.validity.in_force(a)), None)
        after = next((v for v in versions if v.validity.in_force(b)), None)
        if before is None and after is None:
            continue
        if before is None or after is None:
            out.append(
                Change(
                    "rule",
                    rule_id,
                    "entered" if after else "ended",
                    _rule_text(before) if before else None,
                    _rule_text(after) if after else None,
                )
            )
        elif before.key != after.key:
            out.append(Change("rule", rule_id, "changed", _rule_text(before), _rule_text(after)))
        else:
            cited_a = [rulebook.citation(rulebook.provision_at(p, a)) for p in before.rule.cites]
            cited_b = [rulebook.citation(rulebook.provision_at(p, b)) for p in after.rule.cites]
            if cited_a != cited_b:
                out.append(Change("citation", rule_id, "changed", "; ".join(cited_a), "; ".join(cited_b)))
    return out


def _route_changes(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    out = []
    for route_id in rulebook.routes:
        before, after = rulebook.route(route_id, a), rulebook.route(route_id, b)
        if before is after:
            continue
        describe = lambda r: None if r is None else f"{r.name.en} [{r.period}]"  # noqa: E731
        change = "entered" if before is None else "ended" if after is None else "changed"
        out.append(Change("route", route_id, change, describe(before), describe(after), before, after))
    return out


def _default_and_reading_changes(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    out = []
    for point in rulebook.points.values():
        before, after = rulebook.point_default(point.id, a), rulebook.point_default(point.id, b)
        if before is not after:
            out.append(Change("default", point.id, "changed", _dated(before), _dated(after), before, after))
    for scope, entries in rulebook.readings.items():
        for point_id in sorted({e.item.point for e in entries}):
            versions = [e.item for e in entries if e.item.point == point_id]
            was = next((r for r in versions if r.in_force(a)), None)
            now = next((r for r in versions if r.in_force(b)), None)
            if was is now:
                continue
            change = "entered" if was is None else "ended" if now is None else "changed"
            out.append(Change("reading", f"{scope}: {point_id}", change, _dated(was), _dated(now), was, now))
    return out


def _parameter_changes(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    out = []
    for parameter in rulebook.parameters.values():
        before, after = parameter.value_at(a), parameter.value_at(b)
        if before is after:
            continue
        unit = f"{parameter.unit} {parameter.period}"
        old, new = (None if v is None else f"{v.value} {unit} [{v.period}]" for v in (before, after))
        change = "entered" if before is None else "ended" if after is None else "changed"
        out.append(Change("parameter", parameter.id, change, old, new, before, after))
    return out


def _dated(reading: DefaultReading | Reading | None) -> str | None:
    """`value [period]` of a reading or default, for a change's before and after."""
    return None if reading is None else f"{reading.value} [{reading.period}]"


def date_diff(rulebook: Rulebook, a: dt.date, b: dt.date) -> list[Change]:
    """Everything in the rulebook that is different on day `b` from day `a`."""
    changes = _law_changes(rulebook, a, b) + _rule_changes(rulebook, a, b) + _route_changes(rulebook, a, b)
    changes += _default_and_reading_changes(rulebook, a, b) + _parameter_changes(rulebook, a, b)
    order = {"law": 0, "provision": 1, "rule": 2, "citation": 3, "route": 4, "default": 5, "reading": 6, "parameter": 7}
    return sorted(changes, key=lambda c: (order[c.kind], c.subject))


@dataclass
class JurisdictionDiff:
    first: str
    second: str
    evaluation_date: str
    # points read differently (None where a jurisdiction has no reading of the point)
    readings: list[tuple[str, ResolvedReading | None, ResolvedReading | None]]
    same: list[str]  # points read the same way
    local_rules: dict[str, list[RuleEntry]]  # jurisdiction → its (and its ancestors') local rules in force


def jurisdiction_diff(rulebook: Rulebook, first: str, second: str, day: dt.date) -> JurisdictionDiff:
    """Point by point, how two jurisdictions' readings differ, and which local rules each has."""
    a, b = jurisdiction(rulebook, first), jurisdiction(rulebook, second)
    ra, rb = resolve_readings(rulebook, a.id, day), resolve_readings(rulebook, b.id, day)
    differing, same = [], []
    for point in sorted(set(ra) | set(rb)):
        x, y = ra.get(point), rb.get(point)
        if x is None or y is None or x.value != y.value or x.basis != y.basis:
            differing.append((point, x, y))
        else:
            same.append(point)
    local = {j.id: [r for r in rulebook.rules_in_force(j.id, day) if "-" in r.scope] for j in (a, b)}
    return JurisdictionDiff(a.id, b.id, day.isoformat(), differing, same, local)
