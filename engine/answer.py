"""From decisions to answers: outcomes with their reasons, readings, route and unverified marks."""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from engine.expr.logic import Truth
from engine.jurisdictions import ResolvedReading
from engine.model import outcome as O
from engine.model.catalogue import Support
from engine.model.rule import ASPECTS
from engine.resolve import Decision, RuleTruths, decide, truth_of
from engine.rulebook import RuleEntry, Rulebook

LOCAL_UNKNOWN_NOTE = "local reading unknown — national default applied"


def citation(rulebook: Rulebook, provision_id: str) -> O.Citation:
    law, provision = rulebook.provisions[provision_id]
    return O.Citation(
        provision=provision_id,
        text=rulebook.citation(provision_id),
        law=law.title.en,
        law_kind=law.kind,
        url=provision.source_url or law.source_url,
        verified=provision.verified and law.verified,
    )


def field_to_fact(key: str) -> tuple[str, str]:
    """("fact", name) or ("reading", point) for a document key reported missing."""
    if key.startswith("reading__"):
        return "reading", key[len("reading__") :]
    return "fact", key.split("__", 1)[1] if "__" in key else key


def reading_used(rulebook: Rulebook, resolved: ResolvedReading, evaluated: str) -> O.ReadingUsed:
    point = rulebook.points[resolved.point]
    value_label = next((v.label for v in point.values if v.id == resolved.value), None)
    holder = rulebook.jurisdictions.get(resolved.jurisdiction)
    reading = resolved.reading
    default = resolved.default
    dated = reading or default
    below_country = rulebook.jurisdictions[evaluated].kind != "country"
    return O.ReadingUsed(
        point=point.id,
        question=point.question,
        value=resolved.value,
        value_label=value_label,
        basis=resolved.basis,
        jurisdiction=resolved.jurisdiction,
        source=reading.source if reading else None,
        summary=reading.summary if reading else None,
        detail=reading.detail if reading else None,
        rests_on=[citation(rulebook, p) for p in default.rests_on.cites] if default and not reading else [],
        rests_on_note=default.rests_on.note if default and not reading else None,
        valid_from=dated.valid_from.isoformat() if dated and dated.valid_from else None,
        valid_to=dated.valid_to.isoformat() if dated and dated.valid_to else None,
        verified=resolved.verified,
        example=bool(holder and holder.example),
        contested=reading.contested.model_dump(mode="json") if reading and reading.contested else None,
        note=LOCAL_UNKNOWN_NOTE if below_country and resolved.local_reading_unknown else None,
    )


def _route(rulebook: Rulebook, route_id: str, day: dt.date) -> O.Route | None:
    route = rulebook.route(route_id, day)
    if route is None:
        return None
    appeal = None
    if route.appeal:
        appeal = O.Appeal(
            appealable=route.appeal.appealable,
            to=route.appeal.to,
            citations=[citation(rulebook, rulebook.provision_at(p, day)) for p in route.appeal.cites],
            note=route.appeal.note,
        )
    cites = [citation(rulebook, rulebook.provision_at(p, day)) for p in route.cites]
    return O.Route(
        id=route.id,
        name=route.name,
        kind=route.kind,
        body=route.body,
        body_name=rulebook.bodies[route.body].name,
        decides=route.decides,
        how=route.how,
        appeal=appeal,
        citations=cites,
        verified=route.verified and all(c.verified for c in cites) and (appeal is None or all(c.verified for c in appeal.citations)),
    )


def _role(entry: RuleEntry, truth: Truth, decisions: dict[str, Decision]) -> tuple[str, list[str]]:
    """The rule's role for the first aspect it sets (status before route before legal status)."""
    aspect = next(a for a in ASPECTS if a in entry.rule.then.aspects())
    decision = decisions[aspect]
    if entry in decision.conflicting:
        return "conflicting", []
    if any(entry is d for d in decision.deciding):
        return ("default" if entry.rule.default else "decisive"), []
    if entry.rule.id in decision.defeated:
        return "defeated", sorted(decision.defeated[entry.rule.id])
    if truth is Truth.UNKNOWN or (truth is Truth.TRUE and decision.kind == "undetermined"):
        return "unknown", []  # its own condition, or an exception to it, is not settled yet
    return "not_applicable", []


def build_outcome(
    rulebook: Rulebook,
    support: Support,
    rules: list[RuleEntry],
    truths: RuleTruths,
    readings: Mapping[str, ResolvedReading],
    jurisdiction_id: str,
    day: dt.date,
) -> O.Outcome:
    """The outcome for one support in one jurisdiction on one day."""
    mine = [r for r in rules if r.rule.support == support.id]
    decisions: dict[str, Decision] = {}
    for aspect in ASPECTS:
        setting = [r for r in mine if aspect in r.rule.then.aspects()]
        decisions[aspect] = decide(
            [r for r in setting if not r.rule.default], [r for r in setting if r.rule.default], aspect, truths
        )
    status_decision = decisions["status"]
    if status_decision.kind == "decided":
        status = status_decision.value
    elif status_decision.kind == "conflict":
        status = "conflict"
    else:
        status = "undetermined"
    route = _route(rulebook, decisions["route"].value, day) if decisions["route"].kind == "decided" else None
    legal_status = decisions["legal_status"].value if decisions["legal_status"].kind == "decided" else None

    reasons: list[O.RuleReason] = []
    shown_points: dict[str, None] = {}
    for entry in mine:
        truth = truth_of(truths, entry)
        role, defeated_by = _role(entry, truth, decisions)
        if entry.rule.default and role not in ("default", "conflicting"):
            continue
        missing = [field_to_fact(k)[1] for k in truths.get(entry.key, (Truth.FALSE, ()))[1]]
        shown_points.update(dict.fromkeys(entry.points()))  # a reading can be why a rule does not apply
        cites = [citation(rulebook, rulebook.provision_at(p, day)) for p in entry.rule.cites]
        reasons.append(
            O.RuleReason(
                rule=entry.rule.id,
                role=role,
                truth=truth.value,
                sets=entry.rule.then.aspects(),
                condition=entry.rule.when,
                citations=cites,
                verified=entry.rule.verified and all(c.verified for c in cites),
                defeated_by=defeated_by,
                missing_facts=missing if truth is Truth.UNKNOWN else [],
                explanation=entry.rule.explanation,
            )
        )

    missing_facts: dict[str, None] = {}
    missing_readings: dict[str, None] = {}
    for decision in decisions.values():
        if decision.kind != "undetermined":
            continue
        for entry in decision.undecided:
            for key in truths.get(entry.key, (Truth.FALSE, ()))[1]:
                kind, name = field_to_fact(key)
                (missing_readings if kind == "reading" else missing_facts).setdefault(name, None)
    vocabulary_order = {name: i for i, name in enumerate(rulebook.facts)}
    used = [reading_used(rulebook, readings[p], jurisdiction_id) for p in shown_points if p in readings]
    route_info = [
        reading_used(rulebook, readings[p.id], jurisdiction_id)
        for p in rulebook.points_of(support.country)
        if p.kind == "route_info" and support.id in p.supports and p.id in readings and readings[p.id].value is not None
    ]
    unverified_items = [f"rule {r.rule}" for r in reasons if r.role in ("decisive", "default") and not r.verified]
    unverified_items += [f"reading of {u.point} ({u.jurisdiction})" for u in used + route_info if not u.verified]
    if route is not None and not route.verified:
        unverified_items.append(f"route {route.id}")
    contested = [
        f"{u.point} ({u.jurisdiction}): {u.contested['note']['en']}" for u in used if u.contested
    ]
    conflicts = [
        {"aspect": aspect, "rules": [r.rule.id for r in d.conflicting]}
        for aspect, d in decisions.items()
        if d.kind == "conflict"
    ]
    return O.Outcome(
        support=support.id,
        name=support.name,
        category=support.category,
        status=status,
        route=route,
        legal_status=legal_status,
        reasons=O.Reasons(rules=reasons, readings=used),
        missing_facts=sorted(missing_facts, key=lambda n: vocabulary_order.get(n, len(vocabulary_order))),
        missing_readings=list(missing_readings),
        route_info=route_info,
        conflicts=conflicts,
        contested=contested,
        unverified=bool(unverified_items),
        unverified_items=unverified_items,
    )
