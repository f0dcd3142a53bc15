"""From decisions to answers: outcomes with their reasons, readings, route and unverified marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from typing import Any

from tolka.citations import citations_at
from tolka.decisions import FALSE_TRUTH, SupportDecision, decide_support, field_to_fact, still_possible
from tolka.expr.evaluate import truth as reference_truth
from tolka.expr.logic import Truth
from tolka.jurisdictions import ResolvedReading
from tolka.model import outcome as O
from tolka.model.catalogue import Support
from tolka.model.rule import AS_A_RULE, ASPECTS
from tolka.resolve import Decision, RuleTruths, truth_of
from tolka.rulebook import Rulebook, RuleEntry

LOCAL_UNKNOWN_NOTE = "local reading unknown — national default applied"


def reading_used(rulebook: Rulebook, resolved: ResolvedReading, evaluated: str, day: dt.date) -> O.ReadingUsed:
    """The reading as shown in an answer on `day` (built once per resolved reading, jurisdiction and day)."""
    key = ("reading_used", evaluated, resolved.point, id(resolved), day)
    cached = rulebook._memo.get(key)
    if cached is not None and cached[0] is resolved:  # identity: swapped readings are new objects
        return cached[1]
    used = _reading_used(rulebook, resolved, evaluated, day)
    rulebook._cached(key, lambda: (resolved, used))
    return used


def _reading_used(rulebook: Rulebook, resolved: ResolvedReading, evaluated: str, day: dt.date) -> O.ReadingUsed:
    point = rulebook.points[resolved.point]
    value_label = next((v.label for v in point.values if v.id == resolved.value), None)
    holder = rulebook.jurisdictions.get(resolved.jurisdiction)
    reading = resolved.reading
    default = resolved.default
    dated = reading or default
    below_country = rulebook.jurisdictions[evaluated].kind != "country"
    return O.ReadingUsed.model_construct(
        point=point.id,
        question=point.question,
        value=resolved.value,
        value_label=value_label,
        basis=resolved.basis,
        jurisdiction=resolved.jurisdiction,
        source=reading.source if reading else None,
        summary=reading.summary if reading else None,
        detail=reading.detail if reading else None,
        # a default written under one Act is cited by the provision in force on the day (SoL 2001 ↔ 2025)
        rests_on=citations_at(rulebook, default.rests_on.cites, day) if default and not reading else [],
        rests_on_note=default.rests_on.note if default and not reading else None,
        valid_from=dated.valid_from.isoformat() if dated and dated.valid_from else None,
        valid_to=dated.valid_to.isoformat() if dated and dated.valid_to else None,
        verified=resolved.verified,
        example=bool(holder and holder.example),
        stale=resolved.stale,
        contested=reading.contested.model_dump(mode="json") if reading and reading.contested else None,
        note=LOCAL_UNKNOWN_NOTE if below_country and resolved.local_reading_unknown else None,
    )


def _route(rulebook: Rulebook, route_id: str, day: dt.date) -> O.Route | None:
    return rulebook._cached(("route_out", route_id, day), lambda: _build_route(rulebook, route_id, day))


def _build_route(rulebook: Rulebook, route_id: str, day: dt.date) -> O.Route | None:
    route = rulebook.route(route_id, day)
    if route is None:
        return None
    appeal = None
    if route.appeal:
        appeal = O.Appeal.model_construct(
            appealable=route.appeal.appealable,
            to=route.appeal.to,
            citations=citations_at(rulebook, route.appeal.cites, day),
            note=route.appeal.note,
        )
    cites = citations_at(rulebook, route.cites, day)
    return O.Route.model_construct(
        id=route.id,
        name=route.name,
        kind=route.kind,
        body=route.body,
        body_name=rulebook.bodies[route.body].name,
        decides=route.decides,
        how=route.how,
        appeal=appeal,
        citations=cites,
        verified=route.verified
        and all(c.verified for c in cites)
        and (appeal is None or all(c.verified for c in appeal.citations)),
    )


def _role(entry: RuleEntry, truth: Truth, decisions: dict[str, Decision]) -> tuple[O.Role, list[str]]:
    """The rule's role for the first aspect it sets (status before route before legal status)."""
    aspect = next(a for a in ASPECTS if a in entry.aspects)
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


def _fact_value(rulebook: Rulebook, name: str, document: Mapping[str, Any]) -> str | int | float | bool | None:
    value = document.get(name)
    if value is not None and rulebook.facts[name].type == "date":
        return dt.date.fromordinal(int(value)).isoformat()
    return value


def discretion(
    rulebook: Rulebook, decided: SupportDecision, document: Mapping[str, Any], day: dt.date
) -> list[O.Discretion]:
    """For an outcome `not_eligible_as_a_rule`: each deciding rule's assessment, with the facts given."""
    if decided.status != AS_A_RULE:
        return []
    out = []
    for entry in decided.decisions["status"].deciding:
        assessment = entry.rule.assessment
        if assessment is None or entry.assessment_condition is None:
            continue
        cites = citations_at(rulebook, assessment.cites, day)
        out.append(
            O.Discretion.model_construct(
                rule=entry.rule.id,
                when=assessment.when,
                citations=cites,
                supporting_facts=[
                    O.SupportingFact.model_construct(
                        fact=name, question=rulebook.facts[name].question, value=_fact_value(rulebook, name, document)
                    )
                    for name in entry.supporting_facts
                ],
                supported=reference_truth(entry.assessment_condition, document).value,
                verified=assessment.verified and entry.rule.verified and all(c.verified for c in cites),
            )
        )
    return out


def _reason(
    rulebook: Rulebook,
    entry: RuleEntry,
    role: O.Role,
    truth: Truth,
    defeated_by: list[str],
    missing: tuple[str, ...],
    day: dt.date,
) -> O.RuleReason:
    cites = citations_at(rulebook, entry.rule.cites, day)
    return O.RuleReason.model_construct(
        rule=entry.rule.id,
        role=role,
        truth=truth.value,
        sets=entry.aspects,
        condition=entry.rule.when,
        citations=cites,
        verified=entry.rule.verified and all(c.verified for c in cites),
        defeated_by=defeated_by,
        missing_facts=[field_to_fact(k)[1] for k in missing],
        explanation=entry.rule.explanation,
    )


def _points_bearing(rulebook: Rulebook, entry: RuleEntry, truth: Truth, document: Mapping[str, Any]) -> list[str]:
    """The readings a rule reads that bear on the answer.

    All of them if the rule holds or is undecided. For a rule that does not hold, only those that
    are part of why: without that reading the rule would no longer be plainly false (so a reading
    that switched an exception off counts; one beside a fact that already rules it out does not).
    That depends only on the values of the fields the rule reads, so it is found once per rule and
    combination of those values.
    """
    points = entry.points()
    if truth is not Truth.FALSE or not points:
        return points
    values = tuple(document.get(key, _ABSENT) for key in entry._field_keys)
    return rulebook._cached(("points_bearing", entry.key, values), lambda: _bearing(entry, points, document))


def _bearing(entry: RuleEntry, points: list[str], document: Mapping[str, Any]) -> list[str]:
    read = {f.key: document[f.key] for f in entry._fields if f.key in document}  # all the condition reads
    bearing = []
    for point in points:
        without = {k: v for k, v in read.items() if k != f"reading__{point}"}
        if reference_truth(entry.condition, without) is not Truth.FALSE:
            bearing.append(point)
    return bearing


_ABSENT = object()  # a field the document does not hold (unknown), inside memo keys
OUTCOME_MEMO_LIMIT = 4_096  # outcomes remembered per engine (each shares its reasons and readings)


def remembered_outcome(
    rulebook: Rulebook,
    support: Support,
    rules: list[RuleEntry],
    truths: RuleTruths,
    readings: Mapping[str, ResolvedReading],
    jurisdiction_id: str,
    day: dt.date,
    document: Mapping[str, Any],
    memo: dict[tuple, O.Outcome],
) -> O.Outcome:
    """`build_outcome`, built once per distinct answer and shared (outcomes are frozen).

    Besides the support, the jurisdiction's own readings and the day, an outcome depends on its
    rules' truth pattern (as its decision does, `decide_pattern`) and, through the document, only
    on which readings bear on each rule that does not hold — and, for `not_eligible_as_a_rule`, on
    the facts an assessment would weigh: those outcomes are built every time. The caller must pass
    the jurisdiction's own resolved readings (an answer under swapped readings is not remembered).
    """
    pattern = tuple(truths.get(entry.key, FALSE_TRUTH) for entry in rules)
    bearing = tuple(
        _points_bearing(rulebook, entry, truth[0], document)
        for entry, truth in zip(rules, pattern, strict=True)
        if truth[0] is Truth.FALSE and entry._points
    )
    key = (support.id, jurisdiction_id, day, pattern, tuple(map(tuple, bearing)))
    found = memo.get(key)
    if found is None:
        found = build_outcome(rulebook, support, rules, truths, readings, jurisdiction_id, day, document)
        if found.status == AS_A_RULE:
            return found  # its assessments show the case's own facts
        if len(memo) >= OUTCOME_MEMO_LIMIT:
            memo.clear()
        memo[key] = found
    return found


def build_outcome(
    rulebook: Rulebook,
    support: Support,
    rules: list[RuleEntry],  # the support's rules in force
    truths: RuleTruths,
    readings: Mapping[str, ResolvedReading],
    jurisdiction_id: str,
    day: dt.date,
    document: Mapping[str, Any],
) -> O.Outcome:
    """The outcome for one support in one jurisdiction on one day, with its reasons.

    Reasons list the rules that bear on the answer — decisive, default, defeated, unknown or in
    conflict — with their citations as in force on `day`; rules that simply do not apply are left
    out (`tolka.explain` says what would change the answer).
    """
    decided = decide_support(rulebook, support.id, rules, truths)
    decisions = decided.decisions
    status = decided.status
    route = _route(rulebook, decided.route, day) if decided.route else None
    legal_status = decided.legal_status

    reasons: list[O.RuleReason] = []
    shown_points: dict[str, None] = {}
    for entry in rules:
        shown_points.update(dict.fromkeys(_points_bearing(rulebook, entry, truth_of(truths, entry), document)))
        truth = truth_of(truths, entry)
        role, defeated_by = _role(entry, truth, decisions)
        if role == "not_applicable" or (entry.rule.default and role not in ("default", "conflicting")):
            continue
        missing = tuple(truths.get(entry.key, (Truth.FALSE, ()))[1]) if truth is Truth.UNKNOWN else ()
        key = ("reason", entry.key, role, truth, tuple(defeated_by), missing, day)
        reasons.append(rulebook._cached(key, partial(_reason, rulebook, entry, role, truth, defeated_by, missing, day)))

    used = [reading_used(rulebook, readings[p], jurisdiction_id, day) for p in shown_points if p in readings]
    info_points = rulebook._cached(
        ("route_info_points", support.id),
        lambda: [
            p.id for p in rulebook.points_of(support.country) if p.kind == "route_info" and support.id in p.supports
        ],
    )
    route_info = [
        reading_used(rulebook, readings[p], jurisdiction_id, day)
        for p in info_points
        if p in readings and readings[p].value is not None
    ]
    unverified_items = [f"rule {r.rule}" for r in reasons if r.role in ("decisive", "default") and not r.verified]
    unverified_items += [f"reading of {u.point} ({u.jurisdiction})" for u in used + route_info if not u.verified]
    if route is not None and not route.verified:
        unverified_items.append(f"route {route.id}")
    assessments = discretion(rulebook, decided, document, day)
    unverified_items += [f"assessment of rule {d.rule}" for d in assessments if not d.verified]
    contested = [f"{u.point} ({u.jurisdiction}): {u.contested['note']['en']}" for u in used if u.contested]
    conflicts = [
        {"aspect": aspect, "rules": [r.rule.id for r in d.conflicting]}
        for aspect, d in decisions.items()
        if d.kind == "conflict"
    ]
    return O.Outcome.model_construct(
        support=support.id,
        name=support.name,
        category=support.category,
        status=status,
        route=route,
        legal_status=legal_status,
        status_possible=still_possible(rulebook, support.id, rules, truths, decided, "status"),
        legal_status_possible=still_possible(rulebook, support.id, rules, truths, decided, "legal_status"),
        discretion=assessments,
        reasons=O.Reasons.model_construct(rules=reasons, readings=used),
        missing_facts=decided.missing_facts,
        missing_readings=decided.missing_readings,
        route_info=route_info,
        conflicts=conflicts,
        contested=contested,
        unverified=bool(unverified_items),
        unverified_items=unverified_items,
    )
