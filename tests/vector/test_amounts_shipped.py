"""The shipped rulebook's amount calculations: the vectorised amounts equal the explaining path's.

Synthetic persons (`tolka synth`'s default distributions) with random monthly income and housing
costs — sometimes unknown — are evaluated in Swedish and Norwegian jurisdictions, including ones
with their own readings, once by `Engine.evaluate` and once as a population; for every support
with a calculation, whether an amount applies and its lowest and highest value must agree. The
test runs over whatever calculations the shipped rulebook has (none is a skip, not a pass).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pyarrow.parquet as pq
import pytest

from tolka.backends.vector.amounts import AmountSession, amount_situation
from tolka.backends.vector.backend import VectorBackend
from tolka.backends.vector.columns import Frame
from tolka.case import case_from_mapping
from tolka.population.synth import DEFAULT_CONFIG, write_population

DAY = dt.date(2026, 3, 1)  # the riksnorm and the other 2026 parameters are in force
PERSONS = 120
MONEY_FACTS = ("monthly_income", "monthly_housing_cost")


@pytest.fixture(scope="module")
def cases(shipped_engine, tmp_path_factory):
    rulebook = shipped_engine.rulebook
    path = tmp_path_factory.mktemp("synth") / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, PERSONS, 14, DAY, path)
    rng = np.random.default_rng(14)
    out = []
    for row in pq.read_table(path).to_pylist():
        facts = {name: value for name, value in row.items() if value is not None and name in rulebook.facts}
        for name in MONEY_FACTS:
            if name in rulebook.facts and rng.random() < 0.8:
                facts[name] = round(float(rng.uniform(0, 16_000)), 2 if rng.random() < 0.3 else 0)
        out.append(case_from_mapping(facts, rulebook))
    return out


def _jurisdictions(rulebook) -> list[str]:
    """The countries, and the jurisdictions with readings of their own (where amounts can differ)."""
    local = sorted(j for j in rulebook.readings if j in rulebook.jurisdictions)
    return ["SE", "NO", *local[:4], *[j for j in local if j.startswith("NO-")][:3]]


def _bound(text: str | None, default: float) -> float:
    return float(Decimal(text)) if text is not None else default  # the contract shows öre: ±0.005


def test_shipped_amounts_agree(shipped_engine, cases):
    rulebook = shipped_engine.rulebook
    if not rulebook.amounts:
        pytest.skip("the shipped rulebook has no amount calculations yet")
    checked = 0
    for jurisdiction in _jurisdictions(rulebook):
        country = rulebook.jurisdictions[jurisdiction].country
        supports = [s.id for s in rulebook.supports_of(country) if s.id in rulebook.amounts_in_force(jurisdiction, DAY)]
        if not supports:
            continue
        frame = Frame.from_facts(rulebook, [c.facts for c in cases], DAY)
        amounts = AmountSession(VectorBackend(rulebook, DAY).session(frame), rulebook, DAY)
        evaluations = [shipped_engine.evaluate(case, jurisdiction, DAY) for case in cases]
        for support in supports:
            vector = amounts.amounts(amount_situation(rulebook, jurisdiction, support, DAY))
            for index, evaluation in enumerate(evaluations):
                outcome = next(o for o in evaluation.outcomes if o.support == support)
                where = (jurisdiction, support, cases[index].facts)
                assert bool(vector.applies[index]) == (outcome.amount is not None), where
                if outcome.amount is None:
                    continue
                low, high = _bound(outcome.amount.low, -np.inf), _bound(outcome.amount.high, np.inf)
                assert vector.low[index] == pytest.approx(low, abs=0.006), (*where, outcome.amount)
                assert vector.high[index] == pytest.approx(high, abs=0.006), (*where, outcome.amount)
                checked += 1
    assert checked > 0
