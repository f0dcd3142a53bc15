"""Which question to ask next: the unknown fact whose answer settles the most open outcomes.

For every unknown fact that an undetermined outcome is waiting for, each possible answer is tried
(all values of a yes/no or choice fact; for a date, the dates just below, at and above every age or
duration the rules compare it with) and the outcomes it settles are counted. A
fact's score is the average number of undetermined outcomes settled per answer, summed over the
jurisdictions in view; ties go to the vocabulary's order. By Kleene monotonicity an answer never
turns a settled outcome back into an undetermined one (a property test checks this).

An outcome `not_eligible_as_a_rule` is not settled while a fact that would support the exception
is unknown: those facts are asked too (`for_assessment` names the supports), after every question
that settles an outcome — their answer never changes a status (the assessment is the deciding
body's), but the case worker needs it to ask for the assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tolka.case import Case
from tolka.evaluate import Engine
from tolka.expr import ast as A
from tolka.model.rule import AS_A_RULE
from tolka.model.vocabulary import Fact
from tolka.periods import DateTerm, is_term_field, term_edges
from tolka.rulebook import Rulebook


@dataclass(frozen=True)
class Question:
    fact: str
    score: float  # average number of undetermined outcomes one answer settles
    settles_in: int  # jurisdictions in which some answer settles at least one outcome
    jurisdictions: int  # jurisdictions in view
    waiting: tuple[str, ...]  # supports whose outcome is waiting for this fact (first jurisdiction)
    for_assessment: tuple[str, ...] = ()  # supports refused as a rule whose exception this fact bears on


def _shift_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    year = day.year + month // 12
    return dt.date(year, month % 12 + 1, min(day.day, 28))


def _thresholds(rulebook: Rulebook, fact: str) -> dict[str, set[float]]:
    """Per date function (age, age_this_year, months_since, …): the constants rules compare it with."""

    def compute() -> dict[str, set[float]]:
        found: dict[str, set[float]] = {}
        for entry in rulebook.rules:
            for atom in A.atoms(entry.condition):
                if not (isinstance(atom, A.Cmp) and isinstance(atom.value, int | float)):
                    continue
                if atom.field.kind == "derived" and atom.field.argument == fact:
                    found.setdefault(atom.field.name, set()).add(atom.value)
        return found

    return rulebook._cached(("date_thresholds", fact), compute)


def _date_answers(rulebook: Rulebook, fact: str, day: dt.date) -> list[dt.date]:
    """Dates just below, at and above every age or duration the rules distinguish for `fact`."""
    dates: set[dt.date] = set()
    for function, constants in _thresholds(rulebook, fact).items():
        for constant in constants:
            for value in {int(constant) - 1, int(constant), int(constant) + 1}:
                if value < 0:
                    continue
                if function in ("age", "years_since"):
                    base = dt.date(day.year - value, day.month, min(day.day, 28))
                    dates.update({base, base + dt.timedelta(days=1)})
                elif function == "age_this_year":
                    dates.update({dt.date(day.year - value, 1, 1), dt.date(day.year - value, 7, 1)})
                elif function == "months_since":
                    dates.add(_shift_months(day, value))
                elif function == "days_since":
                    dates.add(day - dt.timedelta(days=value))
                elif is_term_field(function):
                    dates.update(term_edges(DateTerm.from_field(function, fact), day, value))
    return sorted(d for d in dates if d <= day)


def _number_answers(rulebook: Rulebook, fact: Fact) -> list[float]:
    """Whole numbers just below, at and above every constant the rules compare the fact with."""

    def compute() -> list[float]:
        constants = set()
        for entry in rulebook.rules:
            for atom in A.atoms(entry.condition):
                if atom.field.kind == "fact" and atom.field.name == fact.name and isinstance(atom, A.Cmp):
                    constants.add(atom.value)
                elif atom.field.kind == "fact" and atom.field.name == fact.name and isinstance(atom, A.Member):
                    constants.update(atom.values)
        values = {v for c in constants for v in (int(c) - 1, int(c), int(c) + 1)}
        low = fact.minimum if fact.minimum is not None else float("-inf")
        high = fact.maximum if fact.maximum is not None else float("inf")
        return sorted(v for v in values if low <= v <= high)

    return rulebook._cached(("number_answers", fact.name), compute)


def answers(fact: Fact, day: dt.date, rulebook: Rulebook | None = None) -> Sequence[object]:
    """The answers worth trying for a fact: every value; for dates and numbers every threshold the rules use."""
    if fact.type == "bool":
        return [True, False]
    if fact.type == "enum":
        return list(fact.value_ids)
    if fact.type == "date" and rulebook is not None:
        return _date_answers(rulebook, fact.name, day)
    if fact.type in ("integer", "number") and rulebook is not None:
        return _number_answers(rulebook, fact)
    return []  # codes are asked, but not ranked by trying values


def next_questions(
    engine: Engine,
    case: Case,
    jurisdiction_ids: list[str],
    day: dt.date,
    limit: int = 5,
    skip: frozenset[str] = frozenset(),
) -> list[Question]:
    """The unknown facts ranked by how many undetermined outcomes an answer settles.

    `skip` names facts already asked and answered "don't know": they stay unknown and are not asked again.
    """
    rulebook = engine.rulebook
    memo: dict = {}
    groups = engine.situation_groups(jurisdiction_ids, day)
    baseline = engine.decide_situations(case, groups, day, memo)
    # Only situations undetermined now can be settled by an answer: the trials decide those alone.
    open_groups = {
        support: [group for group, d in zip(groups[support], decisions, strict=True) if d.status == "undetermined"]
        for support, decisions in baseline.items()
    }
    waiting: dict[str, dict[str, None]] = {}
    situation_of = {
        (member, support): position
        for support, situations in groups.items()
        for position, (_, members) in enumerate(situations)
        for member in members
    }
    assessing: dict[str, dict[str, None]] = {}
    places = dict.fromkeys(engine.rulebook.jurisdictions[j].id for j in jurisdiction_ids)
    for place in places:  # first jurisdiction first, as the answer lists them
        for support in (s.id for s in rulebook.supports_of(engine.rulebook.jurisdictions[place].country)):
            decided = baseline[support][situation_of[place, support]]
            if decided.status == "undetermined":
                for name in decided.missing_facts:
                    if name not in skip:
                        waiting.setdefault(name, {})[support] = None
    for place in places:
        for support in (s.id for s in rulebook.supports_of(engine.rulebook.jurisdictions[place].country)):
            decided = baseline[support][situation_of[place, support]]
            if decided.status == AS_A_RULE:
                for entry in decided.decisions["status"].deciding:
                    for name in entry.supporting_facts:
                        if name not in case.facts and name not in skip:
                            assessing.setdefault(name, {})[support] = None
    order = {name: index for index, name in enumerate(rulebook.facts)}
    ranked: list[Question] = [
        Question(name, 0.0, 0, len(jurisdiction_ids), (), tuple(assessing[name]))
        for name in sorted(assessing, key=lambda n: order.get(n, len(order)))
        if name not in waiting
    ]
    asked = sorted(waiting, key=lambda n: order.get(n, len(order)))
    # Every answer worth trying, as one hypothetical case each; rows[name] = their positions.
    trials: list[Case] = []
    rows: dict[str, range] = {}
    for name in asked:
        values = answers(rulebook.facts[name], day, rulebook)
        rows[name] = range(len(trials), len(trials) + len(values))
        trials += [case.with_fact(name, value) for value in values]
    settled_total = dict.fromkeys(asked, 0)
    places_settled: dict[str, set[str]] = {name: set() for name in asked}
    # Only an open situation of a support waiting for a fact can be settled by its answers: those
    # situations are decided for all the trials at once, each distinct truth pattern once.
    wanted = [(support, plan, members) for support, group in open_groups.items() for plan, members in group]
    wanted = [w for w in wanted if any(w[0] in waiting[name] for name in asked)]
    if trials and wanted:
        import numpy as np  # here, not at the top: `evaluate` imports this module for `answers` only

        results = engine.decide_hypotheticals(trials, [plan for _, plan, _ in wanted], day)
        for (support, _, members), (inverse, _, decisions) in zip(wanted, results, strict=True):
            settles = np.array([d.status != "undetermined" for d in decisions], dtype=bool)[inverse]
            for name in asked:
                if support not in waiting[name]:
                    continue
                count = int(settles[rows[name].start : rows[name].stop].sum())
                if count:
                    settled_total[name] += count * len(members)
                    places_settled[name].update(members)
    for name in asked:
        tried = len(rows[name])
        ranked.append(
            Question(
                name,
                settled_total[name] / tried if tried else 0.0,
                len(places_settled[name]),
                len(jurisdiction_ids),
                tuple(waiting[name]),
                tuple(assessing.get(name, ())),
            )
        )
    # settling questions first; then those an assessment needs; then the rest
    ranked.sort(key=lambda q: (-q.score, not q.for_assessment, order.get(q.fact, len(order))))
    return ranked[:limit]
