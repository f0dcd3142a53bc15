"""The IPS team brief: what each member of the team needs to know and do for this person.

Structured by the agenda of IPS collaboration meetings — work, treatment, economy, open concerns —
it turns one evaluation into person-specific lines: which support is open by which route (with its
citation), when a benefit period runs out (computed from the case's dates), what a change the team
discusses (more work, a gradual return, studies) would do to each benefit (evaluated, not guessed),
and what is still unknown. Each role of the country's team (rules/<country>/team.yaml) gets the
lines for the supports its tasks concern, its tasks, and the questions only it can help answer.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tolka.case import Case
from tolka.citations import citations_at
from tolka.evaluate import Engine
from tolka.explain import explain_outcome, reading_sentence
from tolka.i18n import translator
from tolka.model.catalogue import BenefitPeriod
from tolka.model.common import Text
from tolka.model.outcome import Evaluation, Outcome
from tolka.plan import OPEN
from tolka.questions import answers
from tolka.render.labels import STATUS, as_language, fact_value_label, word
from tolka.render.report import citation_text

AGENDA = ("work", "treatment", "economy", "concerns")
SECTION_OF_CATEGORY = {"vocational": "work", "educational": "work", "financial": "economy"}


@dataclass
class Line:
    text: str
    citations: list[str]
    supports: tuple[str, ...] = ()
    fact: str | None = None  # set on a "still unknown" line: the fact it asks about


@dataclass
class RoleBrief:
    role: str
    name: Text
    know: dict[str, list[Line]] = field(default_factory=dict)  # agenda section → lines
    do: dict[str, list[Line]] = field(default_factory=dict)  # agenda section → tasks
    ask: list[str] = field(default_factory=list)


@dataclass
class Brief:
    evaluation: Evaluation
    agenda: dict[str, list[Line]]
    roles: list[RoleBrief]


def last_day(period: BenefitPeriod, start: dt.date) -> dt.date:
    """The last day a benefit period covers, counted from its start date."""
    total = start.year * 12 + start.month - 1 + period.years * 12 + period.months
    year, month = divmod(total, 12)
    month += 1
    if period.last_day == "end_of_previous_month":
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    days_in_month = calendar.monthrange(year, month)[1]
    if start.day > days_in_month:  # no 31 February: the anniversary falls on 1 March, so the period ends with February
        return dt.date(year, month, days_in_month)
    return dt.date(year, month, start.day) - dt.timedelta(days=1)


def _cites(outcome: Outcome, language: str) -> list[str]:
    return list(
        dict.fromkeys(
            citation_text(c, language)
            for r in outcome.reasons.rules
            if r.role in ("decisive", "default")
            for c in r.citations
        )
    )


def _status_line(engine: Engine, outcome: Outcome, language: str) -> Line:
    name = engine.rulebook.supports[outcome.support].name.get(language)
    text = f"{name}: {word(STATUS, outcome.status, language)}"
    if outcome.route is not None:
        text += f" — {outcome.route.name.get(language)} ({outcome.route.body_name.get(language)})"
    explanation = explain_outcome(engine, outcome, language)
    detail = next((s.text for s in explanation.why[1:]), None)
    if detail:
        text += f". {detail}"
    return Line(text, _cites(outcome, language) or ["—"], (outcome.support,))


def _periods(engine: Engine, case: Case, outcome: Outcome, day: dt.date, language: str) -> list[Line]:
    _ = translator(as_language(language))
    rulebook = engine.rulebook
    lines = []
    for period in rulebook.supports[outcome.support].periods:
        start = case.facts.get(period.start)
        if start is None or not period.in_force(start):
            continue
        end = last_day(period, start)
        cites = [citation_text(c, language) for c in citations_at(rulebook, period.cites, day)]
        text = _(
            "{support}: {label} — last day {end} (counted from {start})",
            support=rulebook.supports[outcome.support].name.get(language),
            label=period.label.get(language),
            start=start.isoformat(),
            end=end.isoformat(),
        )
        lines.append(Line(text, cites, (outcome.support,)))
    return lines


def _nearest_first(now: float, values: Sequence[object]) -> list[float]:
    """The numeric answers, the nearest to `now` first (the smallest change is the most telling)."""
    numbers: list[float] = [v for v in values if isinstance(v, int | float)]
    return sorted(numbers, key=lambda v: abs(v - now))


def _what_ifs(
    engine: Engine, case: Case, evaluation: Evaluation, facts: tuple[str, ...], supports: tuple[str, ...], language: str
) -> list[Line]:
    """For the facts a role explores: the nearest change that gives one of its supports another status."""
    _ = translator(as_language(language))
    rulebook = engine.rulebook
    place, day = evaluation.jurisdiction.id, dt.date.fromisoformat(evaluation.evaluation_date)
    current = {o.support: o.status for o in evaluation.outcomes}
    lines: list[Line] = []
    seen: set[tuple[str, str, str]] = set()  # (support, fact, new status): the first (nearest) value is enough
    memo: dict = {}
    for name in facts:
        fact = rulebook.facts[name]
        if evaluation.jurisdiction.country not in fact.countries:
            continue
        now = case.facts.get(name)
        values = answers(fact, day, rulebook)
        if isinstance(now, (int, float)) and not isinstance(now, bool):
            values = _nearest_first(now, values)
        for value in values:
            if now == value:
                continue
            decided = engine.decide(case.with_fact(name, value), place, day, memo)
            for support in supports:
                changed = decided.get(support)
                if changed is None or changed.status == current.get(support) or (support, name, changed.status) in seen:
                    continue
                seen.add((support, name, changed.status))
                cites = [
                    citation_text(c, language)
                    for rule in changed.decisions["status"].deciding
                    for c in citations_at(rulebook, rule.rule.cites, day)
                ]
                text = _(
                    "{support}: if the answer to “{fact}” were {value}, it would be: {status}",
                    support=rulebook.supports[support].name.get(language),
                    fact=fact.question.get(language).rstrip("?"),
                    value=fact_value_label(engine.rulebook, name, value, language),
                    status=word(STATUS, changed.status, language),
                )
                if changed.status == "undetermined":
                    # the change opens a question rather than settling one: say which
                    facts_then, points_then = changed.missing_by_aspect.get(
                        "status", (changed.missing_facts, changed.missing_readings)
                    )
                    waiting = [rulebook.facts[f].question.get(language) for f in facts_then] + [
                        rulebook.points[p].question.get(language) for p in points_then
                    ]
                    text += " — " + _("it would then depend on: {questions}", questions=" ".join(waiting))
                    cites = cites or [
                        citation_text(c, language)
                        for rule in rulebook.rules_by_support(place, day).get(support, [])
                        if set(rule.facts()) & set(facts_then)
                        for c in citations_at(rulebook, rule.rule.cites, day)
                    ]
                lines.append(Line(text, list(dict.fromkeys(cites)) or ["—"], (support,)))
    return lines


def brief(engine: Engine, case: Case, jurisdiction_id: str, day: dt.date, language: str) -> Brief:
    """The team brief for one person in one jurisdiction on one day."""
    _ = translator(as_language(language))
    rulebook = engine.rulebook
    evaluation = engine.evaluate(case, jurisdiction_id, day)
    agenda: dict[str, list[Line]] = {section: [] for section in AGENDA}
    for outcome in evaluation.outcomes:
        if outcome.status not in OPEN + ("undetermined",):
            continue
        referred_to_care = (
            outcome.route is not None
            and outcome.route.kind == "referral"
            and rulebook.bodies[outcome.route.body].health_care
        )
        section = "treatment" if referred_to_care else SECTION_OF_CATEGORY[outcome.category]
        agenda[section].append(_status_line(engine, outcome, language))
        # A period's end (AAP's maximum, KVP's two years) goes with its support's own agenda section.
        agenda[SECTION_OF_CATEGORY[outcome.category]] += _periods(engine, case, outcome, day, language)
    questions: dict[str, set[str]] = {}
    for outcome in evaluation.outcomes:
        for name in outcome.missing_facts:
            questions.setdefault(name, set()).add(outcome.support)
        for point in outcome.missing_readings:
            agenda["concerns"].append(
                Line(
                    _("Local practice unknown: {question}", question=rulebook.points[point].question.get(language)),
                    [_default_basis(rulebook, point, day, language)],
                    (outcome.support,),
                )
            )
        agenda["concerns"] += _marks(rulebook, outcome, language)
    for name, supports in sorted(questions.items(), key=lambda item: -len(item[1])):
        agenda["concerns"].append(
            Line(
                _("Still unknown: {question}", question=rulebook.facts[name].question.get(language)),
                [", ".join(sorted(rulebook.supports[s].name.get(language) for s in supports))],
                tuple(sorted(supports)),
                name,
            )
        )
    agenda["concerns"] = _unique(agenda["concerns"])
    status = {o.support: o.status for o in evaluation.outcomes}
    category = {o.support: o.category for o in evaluation.outcomes}
    team = [role for role in rulebook.team.values() if role.country == evaluation.jurisdiction.country]
    claimed = {name for role in team for name in role.finds_out}
    roles = []
    for role in team:
        brief_of_role = RoleBrief(role.id, role.name)
        mine: set[str] = set()
        explores: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        for task in role.tasks:
            concerned = tuple(s for s in task.supports if status.get(s) in task.statuses)
            if not concerned:
                continue
            mine.update(concerned)
            outcomes = [o for o in evaluation.outcomes if o.support in concerned]
            cites = list(dict.fromkeys(c for o in outcomes for c in _cites(o, language)))
            section = task.agenda or SECTION_OF_CATEGORY[category[concerned[0]]]
            brief_of_role.do.setdefault(section, []).append(Line(task.task.get(language), cites or ["—"], concerned))
            if task.explores:
                explores.append((task.explores, concerned))
        if not mine:
            continue
        for section in AGENDA:
            # a role's own questions are listed under `ask`, filtered to what it can find out
            lines = [line for line in agenda[section] if set(line.supports) & mine and line.fact is None]
            if lines:
                brief_of_role.know[section] = lines
        for explored, explored_for in explores:
            brief_of_role.know.setdefault("economy", []).extend(
                _what_ifs(engine, case, evaluation, explored, explored_for, language)
            )
        brief_of_role.ask = [
            rulebook.facts[name].question.get(language)
            for name, supports in questions.items()
            if supports & mine and (name in role.finds_out or name not in claimed)
        ]
        roles.append(brief_of_role)
    return Brief(evaluation, agenda, roles)


def _marks(rulebook, outcome: Outcome, language: str) -> list[Line]:
    """What the team should not take at face value: unverified rules, readings and routes, contested readings."""
    _ = translator(as_language(language))
    name = rulebook.supports[outcome.support].name.get(language)
    lines = []
    for reason in outcome.reasons.rules:
        if reason.role in ("decisive", "default") and not reason.verified:
            cites = [citation_text(c, language) for c in reason.citations] or ["—"]
            lines.append(
                Line(
                    _("{support}: not verified — {what}", support=name, what="; ".join(cites)),
                    cites,
                    (outcome.support,),
                )
            )
    for used in outcome.reasons.readings + outcome.route_info:
        holder = rulebook.jurisdictions.get(used.jurisdiction)
        source = reading_sentence(used, holder.name if holder else used.jurisdiction, language).citations
        if not used.verified:
            lines.append(
                Line(
                    _("{support}: not verified — {what}", support=name, what=used.question.get(language)),
                    source,
                    (outcome.support,),
                )
            )
        if used.contested:
            note = used.contested["note"]
            lines.append(
                Line(
                    _("{support}: contested — {what}", support=name, what=note.get(language) or note["en"]),
                    source,
                    (outcome.support,),
                )
            )
    if outcome.route is not None and not outcome.route.verified:
        lines.append(
            Line(
                _("{support}: not verified — {what}", support=name, what=outcome.route.name.get(language)),
                ["—"],
                (outcome.support,),
            )
        )
    return lines


def _default_basis(rulebook, point: str, day: dt.date, language: str) -> str:
    default = rulebook.point_default(point, day)
    if default is None:
        return "—"
    if default.rests_on.cites:
        ids = dict.fromkeys(q for p in default.rests_on.cites for q in rulebook.provisions_at(p, day))
        return "; ".join(rulebook.citation(q) for q in ids)
    return default.rests_on.note.get(language) if default.rests_on.note else "—"


def _unique(lines: list[Line]) -> list[Line]:
    seen: dict[str, Line] = {}
    for line in lines:
        seen.setdefault(line.text, line)
    return list(seen.values())
