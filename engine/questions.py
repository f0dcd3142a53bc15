"""Which question to ask next: the unknown fact whose answer settles the most open outcomes.

For every unknown fact that an undetermined outcome is waiting for, each possible answer is tried
(all values of a yes/no or choice fact; for a date, a spread of birth dates or start dates that
covers every age and duration the rules distinguish) and the outcomes it settles are counted. A
fact's score is the average number of undetermined outcomes settled per answer, summed over the
jurisdictions in view; ties go to the vocabulary's order. By Kleene monotonicity an answer never
turns a settled outcome back into an undetermined one (a property test checks this).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engine.case import Case
from engine.evaluate import Engine
from engine.model.outcome import Evaluation
from engine.model.vocabulary import Fact


@dataclass(frozen=True)
class Question:
    fact: str
    score: float  # average number of undetermined outcomes one answer settles
    settles_in: int  # jurisdictions in which some answer settles at least one outcome
    jurisdictions: int  # jurisdictions in view
    waiting: tuple[str, ...]  # supports whose outcome is waiting for this fact (first jurisdiction)


def _date_answers(day: dt.date) -> list[dt.date]:
    """Birth or start dates covering ages/durations 0–40 years, at both halves of the year, and
    the days, months and years just around the evaluation date."""
    answers = []
    for years in range(0, 41):
        for month in (1, 7):
            try:
                answers.append(dt.date(day.year - years, month, 1))
            except ValueError:
                continue
    answers += [day - dt.timedelta(days=d) for d in (30, 89, 90, 91, 180, 365, 366)]
    return sorted(set(answers))


def answers(fact: Fact, day: dt.date) -> list[object]:
    if fact.type == "bool":
        return [True, False]
    if fact.type == "enum":
        return list(fact.value_ids)
    if fact.type == "date":
        return _date_answers(day)
    return []  # numbers and codes are asked, but not ranked by trying values


def _undetermined(evaluation: Evaluation) -> set[str]:
    return {o.support for o in evaluation.outcomes if o.status == "undetermined"}


def next_questions(engine: Engine, case: Case, jurisdiction_ids: list[str], day: dt.date, limit: int = 5) -> list[Question]:
    """The unknown facts ranked by how many undetermined outcomes an answer settles."""
    rulebook = engine.rulebook
    baseline = engine.evaluate_many(case, jurisdiction_ids, day)
    open_by_place = {e.jurisdiction.id: _undetermined(e) for e in baseline}
    waiting: dict[str, dict[str, None]] = {}
    for evaluation in baseline:
        for outcome in evaluation.outcomes:
            if outcome.status == "undetermined":
                for name in outcome.missing_facts:
                    waiting.setdefault(name, {})[outcome.support] = None
    order = {name: index for index, name in enumerate(rulebook.facts)}
    ranked: list[Question] = []
    for name in sorted(waiting, key=lambda n: order.get(n, len(order))):
        values = answers(rulebook.facts[name], day)
        if not values:
            ranked.append(Question(name, 0.0, 0, len(jurisdiction_ids), tuple(waiting[name])))
            continue
        settled_total = 0
        places_settled: set[str] = set()
        for value in values:
            for evaluation in engine.evaluate_many(case.with_fact(name, value), jurisdiction_ids, day):
                place = evaluation.jurisdiction.id
                settled = len(open_by_place[place] - _undetermined(evaluation))
                settled_total += settled
                if settled:
                    places_settled.add(place)
        ranked.append(
            Question(name, settled_total / len(values), len(places_settled), len(jurisdiction_ids), tuple(waiting[name]))
        )
    ranked.sort(key=lambda q: (-q.score, order.get(q.fact, len(order))))
    return ranked[:limit]
