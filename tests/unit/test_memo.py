"""Memoised decisions give the same answers as deciding every jurisdiction on its own."""

from __future__ import annotations

import datetime as dt

from tolka.case import Case
from tolka.compare import compare, signature

DAY = dt.date(2025, 9, 1)
CASES = [
    Case({}),
    Case({"psychiatric_contact": True}),
    Case({"psychiatric_contact": True, "lasting_psychiatric_diagnosis": False}),
]


def _places(engine) -> list[str]:
    swedish = [j.id for j in engine.rulebook.jurisdictions.values() if j.country == "SE"]
    # both countries, regions, förbund and example units, and one jurisdiction twice
    return swedish[::7] + ["NO", "SE-0180", "SE-EX-A", swedish[0]]


def _seen(decision) -> tuple:
    return (decision.status, decision.route, decision.legal_status, decision.missing_facts, decision.missing_readings)


def test_decide_many_equals_each_jurisdiction_decided_alone(shipped_engine):
    engine = shipped_engine
    places = _places(engine)
    for case in CASES:
        together = engine.decide_many(case, places, DAY)
        for place in places:
            alone = engine.decide(case, place, DAY)
            assert list(together[place]) == list(alone), place  # same supports, catalogue order
            assert {s: _seen(d) for s, d in together[place].items()} == {s: _seen(d) for s, d in alone.items()}


def test_decide_many_on_some_supports_equals_the_full_decisions(shipped_engine):
    engine = shipped_engine
    places = _places(engine)
    wanted = {"ips", "forsorjningsstod", "no_youth_guarantee"}
    full = engine.decide_many(CASES[1], places, DAY)
    some = engine.decide_many(CASES[1], places, DAY, supports=wanted)
    for place in places:
        assert set(some[place]) == wanted & set(full[place])
        assert all(_seen(some[place][s]) == _seen(full[place][s]) for s in some[place])


def test_compare_groups_equal_the_full_evaluations(shipped_engine):
    engine = shipped_engine
    places = [j.id for j in engine.rulebook.jurisdictions.values() if j.country == "SE"][::5]
    for case in CASES:
        comparison = compare(engine, case, places, DAY)
        expected: dict[str, dict[tuple, list[str]]] = {}
        for evaluation in engine.evaluate_many(case, places, DAY):
            for outcome in evaluation.outcomes:
                expected.setdefault(outcome.support, {}).setdefault(signature(outcome), []).append(
                    evaluation.jurisdiction.id
                )
        for support in comparison.supports:
            got = {(g.status, g.route, g.legal_status): g.jurisdictions for g in support.groups}
            assert got == expected[support.support]
            for group in support.groups:  # the representative outcome is the first member's own
                assert signature(group.outcome) == (group.status, group.route, group.legal_status)
