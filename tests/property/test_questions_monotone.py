"""Answering the suggested question never increases the number of undetermined outcomes."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolka.case import Case
from tolka.questions import answers, next_questions

DAY = dt.date(2025, 9, 1)
PLACES = ["SE", "SE-EX-A", "SE-EX-D", "SE-0380"]


@st.composite
def partial_cases(draw, engine):
    facts = {}
    for fact in engine.rulebook.facts.values():
        if "SE" not in fact.countries or fact.type in ("code", "integer", "number") or not draw(st.booleans()):
            continue
        options = answers(fact, DAY, engine.rulebook) or [None]
        value = draw(st.sampled_from(options))
        if value is not None:
            facts[fact.name] = value
    return Case(facts)


def undetermined(engine, case, place):
    return sum(1 for d in engine.decide(case, place, DAY).values() if d.status == "undetermined")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_answering_the_suggested_question_never_adds_open_outcomes(shipped_engine, data):
    place = data.draw(st.sampled_from(PLACES))
    case = data.draw(partial_cases(shipped_engine))
    questions = next_questions(shipped_engine, case, [place], DAY, limit=1)
    if not questions:
        return
    fact = shipped_engine.rulebook.facts[questions[0].fact]
    before = undetermined(shipped_engine, case, place)
    for value in answers(fact, DAY, shipped_engine.rulebook):
        assert undetermined(shipped_engine, case.with_fact(fact.name, value), place) <= before
