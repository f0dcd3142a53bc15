"""The manager view's answers for other jurisdictions equal each jurisdiction evaluated on its own.

`mandate` decides the legal status once per distinct situation, from decisions alone, with every
combination of missing facts and readings tried together; here each listed jurisdiction's legal
status is read off its own full evaluation (Rete path), and each variant off an evaluation with
those facts given and those readings swapped in.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tolka.case import Case
from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.mandate import mandate

DAY = dt.date(2025, 9, 1)


def legal_status_alone(engine, support: str, place: str) -> tuple[str | None, set[str | None], set[str]]:
    """(legal status, the values it can take, what they depend on) from full evaluations of `place`."""
    outcome = engine.evaluate(Case({}), place, DAY, supports=(support,)).outcomes[0]
    if outcome.legal_status is not None:
        return outcome.legal_status, {outcome.legal_status}, set()
    rulebook = engine.rulebook
    # facts with a small domain (others stay unknown: a legal status with variants does not wait for them)
    facts = [f for f in outcome.missing_facts if rulebook.facts[f].type in ("bool", "enum")]
    points = outcome.missing_readings
    domains = [[True, False] if rulebook.facts[f].type == "bool" else list(rulebook.facts[f].value_ids) for f in facts]
    domains += [list(rulebook.points[p].value_ids) for p in points]
    values = set()
    for combination in itertools.product(*domains):
        case = Case(dict(zip(facts, combination[: len(facts)], strict=True)))
        readings = resolve_readings(rulebook, place, DAY)
        for point, value in zip(points, combination[len(facts) :], strict=True):
            readings[point] = ResolvedReading(point, value, "local", place)
        values.add(engine.evaluate(case, place, DAY, readings=readings, supports=(support,)).outcomes[0].legal_status)
    return None, values, set(facts) | set(points)


@pytest.mark.parametrize(("support", "place"), [("ips", "SE-0180"), ("supported_education", "SE-EX-A")])
def test_other_jurisdictions_answer_as_when_evaluated_alone(shipped_engine, support, place):
    view = mandate(shipped_engine, support, place, DAY)
    assert view.others  # the shipped rulebook has readings of these points
    for summary, ids in view.others.items():
        answer = view.other_answers[summary]
        for other in ids[:: max(1, len(ids) // 4)]:
            legal_status, values, depends_on = legal_status_alone(shipped_engine, support, other)
            assert answer.legal_status == legal_status, other
            if legal_status is None and answer.variants:
                assert set(answer.possible_values) == values, other
                assert set(answer.depends_on) <= depends_on, other  # what the legal status waits for
