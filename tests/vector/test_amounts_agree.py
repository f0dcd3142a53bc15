"""The vectorised amounts equal the explaining path's, person by person (docs/amounts.md).

Random cases — every fact possibly unknown, incomes and housing costs of any size, both
jurisdictions of the mini rulebook with its amount calculations (tests/unit/test_amounts.py) —
are evaluated once by `Engine.evaluate` (decimal intervals, the answer contract) and once as a
population by `tolka.backends.vector.amounts` (float arrays); lowest and highest amount, and
whether an amount applies at all, must be the same for every person.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI_FILES, write_rulebook
from tests.unit.test_amounts import GRANT, MONEY, PARAMETERS, _add_facts
from tolka.backends.vector.amounts import AmountSession, amount_situation
from tolka.backends.vector.backend import VectorBackend
from tolka.backends.vector.columns import Frame
from tolka.case import case_from_mapping
from tolka.evaluate import Engine
from tolka.load import load_rulebook

DAY = dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    mini = write_rulebook(tmp_path_factory.mktemp("amounts") / "mini", MINI_FILES)
    _add_facts(mini)
    (mini / "rules/parameters.yaml").write_text(PARAMETERS, encoding="utf-8")
    (mini / "rules/grant.yaml").write_text(
        GRANT.replace(
            "round_down(param(se.grant_share) * param(se.base))",
            "round_nearest(param(se.grant_share) * param(se.base) + per_week(monthly_housing_cost) / 3)",
        )
        + DIVIDED,
        encoding="utf-8",
    )
    (mini / "rules/money-amount.yaml").write_text(MONEY, encoding="utf-8")
    return Engine(load_rulebook(mini))


# a second calculation of the grant, chosen by a condition, with a division: exercises `when`,
# exception_to and division on both paths
DIVIDED = """
  - id: grant.amount_low_income
    support: grant
    period: per_week
    when: monthly_income < 2000
    exception_to: [grant.amount]
    cites: [testlaw.1.1]
    steps:
      - id: grant
        label: {en: Grant per week}
        value: round_down(param(se.grant_share) * param(se.base) + per_week(monthly_income) / 10)
"""

maybe = st.one_of
person = st.fixed_dictionaries(
    {},
    optional={
        "birth_date": st.dates(dt.date(1995, 1, 1), dt.date(2008, 12, 31)),
        "lacks_means": st.booleans(),
        "activity": st.sampled_from(["studying", "working", "none"]),
        "monthly_income": maybe(
            st.integers(0, 20_000), st.floats(0, 20_000, allow_nan=False).map(lambda x: round(x, 2))
        ),
        "monthly_housing_cost": st.integers(0, 12_000),
    },
)


def _bound(text: str | None, default: float) -> float:
    return float(Decimal(text)) if text is not None else default


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(people=st.lists(person, min_size=1, max_size=25), jurisdiction=st.sampled_from(["SE-0001", "SE-0002"]))
def test_vector_amounts_equal_the_explaining_path(engine, people, jurisdiction):
    rulebook = engine.rulebook
    cases = [case_from_mapping(p, rulebook) for p in people]
    session = VectorBackend(rulebook, DAY).session(Frame.from_facts(rulebook, [c.facts for c in cases], DAY))
    amounts = AmountSession(session, rulebook, DAY)
    for support in ("money", "grant"):
        situation = amount_situation(rulebook, jurisdiction, support, DAY)
        vector = amounts.amounts(situation)
        for index, case in enumerate(cases):
            outcome = next(o for o in engine.evaluate(case, jurisdiction, DAY).outcomes if o.support == support)
            amount = outcome.amount
            assert bool(vector.applies[index]) == (amount is not None), (support, case.facts, amount)
            if amount is None:
                continue
            assert vector.status[index] == outcome.status
            low, high = _bound(amount.low, -np.inf), _bound(amount.high, np.inf)
            assert np.isclose(vector.low[index], low, rtol=0, atol=0.005) or vector.low[index] == low, (
                support,
                case.facts,
                amount.low,
                vector.low[index],
            )
            assert np.isclose(vector.high[index], high, rtol=0, atol=0.005) or vector.high[index] == high, (
                support,
                case.facts,
                amount.high,
                vector.high[index],
            )


def test_population_summary_totals_medians_and_what_a_reading_costs(engine, tmp_path):
    """Per jurisdiction: totals and medians of the explaining path's exact amounts; the cost of a reading."""
    from tolka.population.run import run_population
    from tolka.population.summary import read_summary

    people = [
        {
            "birth_date": "2003-05-01",
            "lacks_means": "true",
            "activity": "working",
            "monthly_income": "1000",
            "monthly_housing_cost": "4000",
        },
        {
            "birth_date": "1998-01-10",
            "lacks_means": "true",
            "activity": "studying",
            "monthly_income": "0",
            "monthly_housing_cost": "3000",
        },
        {
            "birth_date": "2004-02-02",
            "lacks_means": "true",
            "activity": "studying",
            "monthly_income": "500",
            "monthly_housing_cost": "5000",
        },
        {"birth_date": "2002-03-03", "lacks_means": "true", "activity": "working", "monthly_housing_cost": "2000"},
    ]
    columns = list(people[0])
    path = tmp_path / "people.csv"
    path.write_text(
        ",".join(columns) + "\n" + "\n".join(",".join(p.get(c, "") for c in columns) for p in people) + "\n",
        encoding="utf-8",
    )
    summary = tmp_path / "summary.csv"
    run_population(engine.rulebook, path, ["SE-0001", "SE-0002"], DAY, summary=summary, chunk_size=2)
    rows = read_summary(summary)
    cases = [case_from_mapping({k: v for k, v in p.items()}, engine.rulebook) for p in people]
    for jurisdiction in ("SE-0001", "SE-0002"):
        expected = []
        inexact = 0
        for case in cases:
            outcome = next(o for o in engine.evaluate(case, jurisdiction, DAY).outcomes if o.support == "money")
            if outcome.amount is None or not outcome.status.startswith("eligible"):
                continue
            if outcome.amount.value is None:
                inexact += 1
            else:
                expected.append(Decimal(outcome.amount.value))
        row = next(
            r
            for r in rows
            if r["section"] == "amounts" and (r["jurisdiction"], r["support"]) == (jurisdiction, "money")
        )
        assert int(row["count"]) == len(expected) and int(row["amount_inexact"]) == inexact == 1  # the unknown income
        assert Decimal(row["amount_total_per_month"]) == sum(expected)
        assert Decimal(row["amount_median_per_month"]) == Decimal(str(np.median([float(x) for x in expected])))
        assert row["currency"] == "SEK"
    # SE-0002 lets money continue during studies; against the national default ("no") that reading
    # pays the two students' assistance
    cause = next(
        r
        for r in rows
        if r["section"] == "amount_causes" and r["jurisdiction"] == "SE-0002" and r["support"] == "money"
    )
    assert cause["point"] == "studies_allowed" and cause["count"] == "2"
    lenient = next(
        r for r in rows if r["section"] == "amounts" and (r["jurisdiction"], r["support"]) == ("SE-0002", "money")
    )
    strict = next(
        r for r in rows if r["section"] == "amounts" and (r["jurisdiction"], r["support"]) == ("SE-0001", "money")
    )
    assert Decimal(cause["amount_total_per_month"]) == Decimal(lenient["amount_total_per_month"]) - Decimal(
        strict["amount_total_per_month"]
    )
    # `tolka plot` draws the amounts: one median per jurisdiction, and the reading's cost
    from tolka.population.plot import amount_medians, plot_summary, reading_costs

    (name, medians, total, currency), *_ = amount_medians(rows)
    assert name == "Money" and len(medians) == 2 and currency == "SEK"
    assert total == float(lenient["amount_total_per_month"]) + float(strict["amount_total_per_month"])
    assert reading_costs(rows, 5) == [("studies_allowed · Money", float(cause["amount_total_per_month"]), "SEK")]
    picture = tmp_path / "summary.png"
    plot_summary(summary, picture)
    assert picture.stat().st_size > 10_000
