"""Invariants of the shipped rulebook and engine, on random partial cases.

* an unknown fact never yields `not_eligible` by itself: if a support is not_eligible while a fact
  its rules read is unknown, it stays not_eligible whatever that fact turns out to be;
* every decided outcome rests on at least one cited provision;
* no answer changes when a fact that none of the support's rules read changes;
* jurisdictions with identical readings give identical outcomes, and changing one reading changes
  only the outcomes of supports whose rules read that point.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolka.case import Case
from tolka.compare import signature
from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.questions import answers

DAY = dt.date(2025, 9, 1)
PLACES = ["SE", "SE-EX-A", "SE-EX-B", "SE-EX-D", "SE-EX-F", "SE-0380", "SE-1082", "SE-0139"]
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@st.composite
def partial_cases(draw, engine):
    facts = {}
    for fact in engine.rulebook.facts.values():
        if "SE" not in fact.countries or fact.type in ("code", "integer", "number"):
            continue
        if draw(st.integers(0, 2)) == 0:  # about a third of the facts stay unknown
            continue
        options = answers(fact, DAY, engine.rulebook)
        if options:
            facts[fact.name] = draw(st.sampled_from(options))
    return Case(facts)


def facts_read(engine, support, place):
    rules = engine.rulebook.rules_by_support(place, DAY).get(support, [])
    return {name for rule in rules for name in rule.facts()}


@SETTINGS
@given(data=st.data())
def test_an_unknown_fact_never_yields_not_eligible_by_itself(shipped_engine, data):
    place = data.draw(st.sampled_from(PLACES))
    case = data.draw(partial_cases(shipped_engine))
    decided = shipped_engine.decide(case, place, DAY)
    for support, decision in decided.items():
        if decision.status != "not_eligible":
            continue
        unknown = sorted(facts_read(shipped_engine, support, place) - set(case.facts))
        if not unknown:
            continue
        name = data.draw(st.sampled_from(unknown))
        for value in answers(shipped_engine.rulebook.facts[name], DAY, shipped_engine.rulebook):
            completed = shipped_engine.decide(case.with_fact(name, value), place, DAY)[support]
            assert completed.status == "not_eligible", (support, name, value)


@SETTINGS
@given(data=st.data())
def test_every_decided_outcome_cites_a_provision(shipped_engine, data):
    place = data.draw(st.sampled_from(PLACES))
    evaluation = shipped_engine.evaluate(data.draw(partial_cases(shipped_engine)), place, DAY)
    for outcome in evaluation.outcomes:
        if outcome.status in ("undetermined", "conflict"):
            continue
        cited = [c for r in outcome.reasons.rules if r.role in ("decisive", "default") for c in r.citations]
        assert cited, outcome.support


@SETTINGS
@given(data=st.data())
def test_no_answer_changes_when_an_unrelated_fact_changes(shipped_engine, data):
    place = data.draw(st.sampled_from(PLACES))
    case = data.draw(partial_cases(shipped_engine))
    before = shipped_engine.evaluate(case, place, DAY)
    name = data.draw(
        st.sampled_from(
            sorted(
                f.name
                for f in shipped_engine.rulebook.facts.values()
                if "SE" in f.countries and f.type in ("bool", "enum")
            )
        )
    )
    value = data.draw(st.sampled_from(answers(shipped_engine.rulebook.facts[name], DAY, shipped_engine.rulebook)))
    after = shipped_engine.evaluate(case.with_fact(name, value), place, DAY)
    for old, new in zip(before.outcomes, after.outcomes):
        if name not in facts_read(shipped_engine, old.support, place):
            assert signature(old) == signature(new) and old.missing_facts == new.missing_facts, (old.support, name)


@SETTINGS
@given(data=st.data())
def test_identical_readings_give_identical_outcomes_and_one_reading_moves_only_its_supports(shipped_engine, data):
    rulebook = shipped_engine.rulebook
    case = data.draw(partial_cases(shipped_engine))
    place = data.draw(st.sampled_from(PLACES))
    readings = resolve_readings(rulebook, place, DAY)
    # a municipality without readings of its own, given exactly this place's readings, answers the same
    twin = shipped_engine.evaluate(case, "SE-0114", DAY, readings=dict(readings))
    original = shipped_engine.evaluate(case, place, DAY)
    local_rules = any("-" in r.scope for r in rulebook.rules_in_force(place, DAY))
    if not local_rules:
        assert [signature(o) for o in twin.outcomes] == [signature(o) for o in original.outcomes]
    point_id = data.draw(st.sampled_from(sorted(p for p in readings if rulebook.points[p].kind == "condition")))
    value = data.draw(st.sampled_from(rulebook.points[point_id].value_ids))
    changed = dict(readings)
    changed[point_id] = ResolvedReading(point_id, value, "local", place)
    moved = shipped_engine.evaluate(case, place, DAY, readings=changed)
    readers = {r.rule.support for r in rulebook.rules_in_force(place, DAY) if point_id in r.points()}
    for old, new in zip(original.outcomes, moved.outcomes):
        if old.support not in readers:
            assert signature(old) == signature(new), (old.support, point_id, value)
