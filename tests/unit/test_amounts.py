"""Amounts (docs/amounts.md): formulas, the money/period type checker, intervals, subsidiarity.

The calculation in the mini rulebook follows the structure of the Swedish riksnorm
(socialtjänstförordningen: personal costs by age plus household costs, plus reasonable housing
costs) and of subsidiarity (SoL: financial assistance covers what the person cannot meet by own
income or other benefits). The figures are test figures, not the law's.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from decimal import Decimal

import pytest

from tolka import errors as E
from tolka.case import case_from_mapping
from tolka.evaluate import Engine
from tolka.expr.formula import parse_formula
from tolka.load import check_rulebook, load_rulebook

DAY = dt.date(2025, 9, 1)
SOURCE = '{url: "https://example.invalid/norm", published: 2024-12-01}'

FACTS = """
  - name: monthly_income
    type: number
    unit: money
    period: per_month
    minimum: 0
    maximum: 100000000
    question: {en: "Income per month?"}
  - name: monthly_housing_cost
    type: number
    unit: money
    period: per_month
    minimum: 0
    maximum: 100000000
    question: {en: "Housing cost per month?"}
"""

PARAMETERS = f"""
country: SE
parameters:
  - id: se.norm.personal_young
    name: {{sv: Personliga kostnader unga, en: Personal costs young}}
    unit: SEK
    period: per_month
    values: [{{value: 3000, valid_from: 2025-01-01, source: {SOURCE}, cites: [testlaw.1.1], verified: true}}]
  - id: se.norm.personal_adult
    name: {{sv: Personliga kostnader, en: Personal costs}}
    unit: SEK
    period: per_month
    values: [{{value: 3500, valid_from: 2025-01-01, source: {SOURCE}, verified: true}}]
  - id: se.norm.household
    name: {{sv: Hushållskostnader, en: Household costs}}
    unit: SEK
    period: per_month
    values: [{{value: 1200, valid_from: 2025-01-01, source: {SOURCE}, verified: true}}]
  - id: se.base
    name: {{sv: Basbelopp, en: Base amount}}
    unit: SEK
    period: per_year
    values: [{{value: 58800, valid_from: 2025-01-01, source: {SOURCE}, verified: false}}]
  - id: se.grant_share
    name: {{sv: Bidragsandel, en: Grant share}}
    unit: prisbasbelopp
    period: per_week
    values: [{{value: 0.02, valid_from: 2025-01-01, source: {SOURCE}, verified: true}}]
"""

GRANT = """
country: SE
supports:
  - id: grant
    category: financial
    providers: [office]
    name: {en: Grant}
    description: {en: "A study grant."}
rules:
  - id: grant.right
    support: grant
    when: activity == "studying"
    then: {status: eligible_after_application}
    cites: [testlaw.1.1]
  - id: grant.default
    support: grant
    default: true
    then: {status: not_eligible}
    cites: [testlaw.1.1]
amounts:
  - id: grant.amount
    support: grant
    period: per_week
    cites: [testlaw.1.1]
    steps:
      - id: grant
        label: {en: Grant per week, sv: Bidrag per vecka}
        value: round_down(param(se.grant_share) * param(se.base))
        cites: [testlaw.1.1]
"""

MONEY = """
country: SE
amounts:
  - id: money.amount
    support: money
    period: per_month
    last_resort: true
    cites: [testlaw.1.1]
    steps:
      - id: personal
        label: {en: Personal costs, sv: Personliga kostnader}
        value: if age(birth_date) < 25 then param(se.norm.personal_young) else param(se.norm.personal_adult)
        cites: [testlaw.1.1]
      - id: household
        label: {en: Household costs}
        value: param(se.norm.household)
      - id: housing
        label: {en: Housing}
        value: monthly_housing_cost
      - id: income
        label: {en: Own income}
        value: monthly_income
      - id: other
        label: {en: Other benefits}
        value: per_month(amount(grant))
      - id: result
        label: {en: Financial assistance}
        value: round_down(max(0, personal + household + housing - income - other))
"""

COMPLETE = {
    "birth_date": "2003-05-01",
    "lacks_means": True,
    "activity": "working",
    "monthly_income": 1000,
    "monthly_housing_cost": 4000,
}


def _add_facts(mini):
    facts = mini / "rules/facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + textwrap.dedent(FACTS).replace("\n", "\n  ")[:-2])


@pytest.fixture
def book(mini):
    _add_facts(mini)
    (mini / "rules/parameters.yaml").write_text(PARAMETERS, encoding="utf-8")
    (mini / "rules/grant.yaml").write_text(GRANT, encoding="utf-8")
    (mini / "rules/money-amount.yaml").write_text(MONEY, encoding="utf-8")
    return mini


def evaluate(root, facts, jurisdiction="SE-0002"):
    engine = Engine(load_rulebook(root))
    case = case_from_mapping(facts, engine.rulebook)
    return {o.support: o for o in engine.evaluate(case, jurisdiction, DAY).outcomes}


def test_the_norm_plus_housing_minus_income_is_the_amount_step_by_step(book):
    money = evaluate(book, COMPLETE)["money"]
    amount = money.amount
    # 22 years old: the young person's personal costs, 3000 + 1200 + 4000 − 1000, nothing from the grant
    assert (amount.value, amount.unit, amount.period) == ("7200", "SEK", "per_month")
    steps = {step.id: step for step in amount.calculations[0].steps}
    assert steps["personal"].value == "3000"
    assert steps["personal"].inputs[0].id == "se.norm.personal_young"
    assert steps["personal"].inputs[0].source.url == "https://example.invalid/norm"
    assert [c.provision for c in steps["personal"].citations] == ["testlaw.1.1"]
    assert steps["other"].value == "0" and steps["other"].inputs[0].status == "not_eligible"
    assert amount.last_resort and amount.missing_facts == []


def test_an_unknown_income_is_a_range_bounded_by_the_norm_never_zero(book):
    facts = {k: v for k, v in COMPLETE.items() if k != "monthly_income"}
    amount = evaluate(book, facts)["money"].amount
    assert amount.value is None
    assert (amount.low, amount.high) == ("0", "8200")  # between 0 and the whole norm, depending on income
    assert amount.missing_facts == ["monthly_income"]


@pytest.mark.parametrize("fact", ["monthly_income", "monthly_housing_cost", "birth_date"])
def test_a_missing_fact_never_yields_an_exact_amount_or_zero(book, fact):
    facts = {k: v for k, v in COMPLETE.items() if k != fact}
    outcome = evaluate(book, facts)["money"]
    if outcome.amount is None:  # the status itself became unknown and pays nothing for sure: still no 0
        assert outcome.status != "eligible"
        return
    assert outcome.amount.value is None
    assert fact in outcome.amount.missing_facts


def test_subsidiarity_subtracts_the_grant_converted_to_a_month(book):
    facts = {**COMPLETE, "activity": "studying"}  # SE-0002 lets money continue during studies
    outcomes = evaluate(book, facts)
    grant = outcomes["grant"].amount
    assert (grant.value, grant.period) == ("1176", "per_week")  # 0.02 × 58 800, rounded down
    assert not grant.verified  # the base amount's value is unverified
    money = outcomes["money"].amount
    other = {s.id: s for s in money.calculations[0].steps}["other"]
    assert other.value == "5096"  # 1176 × 52 / 12
    assert money.value == "2104"  # 8200 − 1000 − 5096
    assert "amount of money" in outcomes["money"].unverified_items


def test_an_undetermined_other_support_counts_as_zero_or_its_amount(book):
    facts = {k: v for k, v in COMPLETE.items() if k != "activity"}
    outcomes = evaluate(book, facts)
    assert outcomes["grant"].status == "undetermined"
    money = outcomes["money"].amount
    assert (money.low, money.high) == ("2104", "7200")
    assert "activity" in money.missing_facts


def test_a_support_that_is_not_eligible_has_no_amount(book):
    outcomes = evaluate(book, COMPLETE)
    assert outcomes["grant"].status == "not_eligible"
    assert outcomes["grant"].amount is None


def test_a_reading_sets_an_amount(book):
    (book / "rules/points-norm.yaml").write_text(
        textwrap.dedent(
            """
            country: SE
            points:
              - id: local_household_norm
                value_type: amount
                unit: SEK
                period: per_month
                question: {en: "Which household cost does the municipality count?"}
                default: [{value: null, rests_on: {cites: [testlaw.1.1]}}]
            """
        ),
        encoding="utf-8",
    )
    lenient = book / "jurisdictions/lenient.yaml"
    lenient.write_text(
        lenient.read_text(encoding="utf-8")
        + textwrap.indent(
            textwrap.dedent(
                """
                - point: local_household_norm
                  value: 1500
                  source: {url: https://example.invalid/lenient-norm, published: 2025-01-10}
                  summary: {en: "The municipality counts 1500 a month.", sv: "Kommunen räknar 1500 i månaden."}
                  verified: true
                """
            ),
            "  ",
        ),
        encoding="utf-8",
    )
    money = book / "rules/money-amount.yaml"
    money.write_text(
        money.read_text(encoding="utf-8").replace(
            "value: param(se.norm.household)",
            "value: if known(reading(local_household_norm)) then reading(local_household_norm) "
            "else param(se.norm.household)",
        ),
        encoding="utf-8",
    )
    assert evaluate(book, COMPLETE, "SE-0002")["money"].amount.value == "7500"
    strict = {**COMPLETE}
    assert evaluate(book, strict, "SE-0001")["money"].amount.value == "7200"


# --- the type checker: file, line and a hint ------------------------------------------------------


def _error(book, old: str, new: str, kind: type[E.RulebookError]) -> E.RulebookError:
    path = book / "rules/money-amount.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, errors = check_rulebook(book)
    found = [e for e in errors if isinstance(e, kind)]
    assert found, [e.render() for e in errors]
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new.strip() in row)
    assert found[0].file == "rules/money-amount.yaml" and found[0].line == line
    return found[0]


def test_a_monthly_plus_a_yearly_amount_is_refused_with_a_hint(book):
    error = _error(
        book, "value: monthly_housing_cost", "value: monthly_housing_cost + param(se.base)", E.ExpressionTypeError
    )
    assert "SEK per_month with SEK per_year" in error.message
    assert "per_month(" in (error.hint or "")


def test_money_times_money_is_refused(book):
    error = _error(book, "value: monthly_income", "value: monthly_income * monthly_housing_cost", E.ExpressionTypeError)
    assert "two amounts of money" in error.message


def test_a_multiple_of_the_base_amount_applies_only_to_it(book):
    error = _error(
        book, "value: monthly_income", "value: per_month(param(se.grant_share) * monthly_income)", E.ExpressionTypeError
    )
    assert "prisbasbelopp" in error.message and "param(se.prisbasbelopp)" in (error.hint or "")


def test_the_last_step_must_count_in_the_calculations_period(book):
    error = _error(
        book,
        "value: round_down(max(0, personal + household + housing - income - other))",
        "value: per_year(round_down(max(0, personal + household + housing - income - other)))",
        E.ExpressionTypeError,
    )
    assert "per_month" in error.message


def test_an_unknown_parameter_is_named(book):
    error = _error(book, "value: param(se.norm.household)", "value: param(se.norm.householdd)", E.UnknownNameError)
    assert "se.norm.householdd" in error.message


def test_a_step_used_before_it_is_defined_is_refused(book):
    error = _error(book, "value: monthly_income", "value: monthly_income + other", E.UnknownNameError)
    assert "`other`" in error.message


def test_amounts_that_read_each_other_in_a_circle_are_refused(book):
    grant = book / "rules/grant.yaml"
    grant.write_text(
        grant.read_text(encoding="utf-8").replace(
            "value: round_down(param(se.grant_share) * param(se.base))",
            "value: round_down(param(se.grant_share) * param(se.base) + per_week(amount(money)))",
        ),
        encoding="utf-8",
    )
    _, errors = check_rulebook(book)
    assert any(isinstance(e, E.CycleError) and "grant" in e.message and "money" in e.message for e in errors)


def test_a_formula_never_reaches_python_eval():
    with pytest.raises(E.ExpressionSyntaxError):
        parse_formula("__import__('os').system('true')")


# --- arithmetic -----------------------------------------------------------------------------------


def test_rounding_modes_and_conversions_are_exact():
    from tolka.intervals import Interval, round_to

    assert round_to(Decimal("1234.99"), "round_down", Decimal(1)) == Decimal(1234)
    assert round_to(Decimal("1234.01"), "round_up", Decimal(1)) == Decimal(1235)
    assert round_to(Decimal("1234.5"), "round_nearest", Decimal(1)) == Decimal(1235)
    assert round_to(Decimal("1299"), "round_down", Decimal(100)) == Decimal(1200)
    assert not Interval(Decimal(0), Decimal("Infinity")).is_exact


# --- the monthly budget ---------------------------------------------------------------------------


def _cli(book, *args):
    import json

    from click.testing import CliRunner

    from tolka.cli import cli

    case = book / "case.yaml"
    case.write_text("\n".join(f"{k}: {v}" for k, v in COMPLETE.items() if k != "activity") + "\nactivity: working\n")
    result = CliRunner().invoke(
        cli, ["--rulebook", str(book), "evaluate", str(case), "-j", "SE-0002", "--date", DAY.isoformat(), *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output) if "json" in args else result.output


def test_the_budget_says_what_comes_from_whom_and_what_is_topped_up(book):
    data = _cli(book, "--budget", "--if", "activity=studying", "--format", "json")
    given, studying = data["budget"]
    assert given["changed_facts"] == {}
    assert [(line["support"], line["body"], line["value"]) for line in given["lines"]] == [("money", "office", "7200")]
    assert given["income"]["value"] == "1000" and given["total"]["value"] == "8200"
    assert studying["changed_facts"] == {"activity": "studying"}
    lines = {line["support"]: line for line in studying["lines"]}
    assert lines["grant"]["value"] == "5096"  # 1176 a week, counted per month
    assert lines["money"]["value"] == "2104" and lines["money"]["last_resort"]
    assert [line["support"] for line in studying["lines"]][-1] == "money"  # the top-up comes last
    assert studying["total"]["value"] == "8200"  # the norm plus housing is met either way


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ["Månadsbudget", "Alternativ 1", "Alternativ 1: ”Activity?” studying.", "7 200 kr per månad"]),
        ("nb", ["Månedsbudsjett", "Alternativ 1", "Alternativ 1: «Activity?» studying.", "7 200 SEK per måned"]),
        (
            "en",
            ["Monthly budget", "Scenario 1: “Activity?” studying.", "7,200 SEK", "Personal costs: 3,000 SEK per month"],
        ),
    ],
)
def test_the_budget_and_the_steps_read_in_each_language(book, language, words):
    text = " ".join(_cli(book, "--budget", "--if", "activity=studying", "--lang", language).split())
    for expected in words:
        assert expected in text, text
    assert "activity=studying" not in text  # a scenario reads as the question and its answer, not as typed


def test_an_unknown_income_keeps_the_budget_a_range_and_names_it(book):
    case = {k: v for k, v in COMPLETE.items() if k != "monthly_income"}
    from tolka.budget import budget

    engine = Engine(load_rulebook(book))
    checked = case_from_mapping(case, engine.rulebook)
    result = budget(engine.rulebook, engine.evaluate(checked, "SE-0002", DAY), checked)
    # sound, not tight: the top-up and the income it depends on are added as independent ranges
    assert result.total.value is None and result.total.high is None
    assert result.missing_facts == ["monthly_income"]


def test_a_malformed_scenario_is_a_user_error(book):
    from click.testing import CliRunner

    from tolka.cli import cli

    case = book / "case.yaml"
    case.write_text("lacks_means: true\n")
    result = CliRunner().invoke(
        cli, ["--rulebook", str(book), "evaluate", str(case), "-j", "SE-0002", "--budget", "--if", "activity"]
    )
    assert result.exit_code != 0 and "FACT=VALUE" in result.output and "Traceback" not in result.output


def test_an_amount_that_starts_later_says_from_when(book):
    grant = book / "rules/grant.yaml"
    grant.write_text(
        grant.read_text(encoding="utf-8").replace(
            "    period: per_week\n", "    period: per_week\n    starts: start_of_month_after(turns(birth_date, 23))\n"
        ),
        encoding="utf-8",
    )
    studying = {**COMPLETE, "activity": "studying"}
    assert evaluate(book, studying)["grant"].amount.from_date == "2026-06-01"  # turns 23 on 2026-05-01
    assert evaluate(book, {**studying, "birth_date": "2001-05-01"})["grant"].amount.from_date is None  # started
    unknown = evaluate(book, {k: v for k, v in studying.items() if k != "birth_date"})["grant"].amount
    assert unknown.from_date is None and "birth_date" in unknown.missing_facts


def test_the_web_api_gives_the_budget_with_what_if_columns(book):
    from fastapi.testclient import TestClient

    from tolka.server.app import create_app

    engine = Engine(load_rulebook(book))
    body = {"case": COMPLETE, "jurisdiction": "SE-0002", "date": DAY.isoformat(), "budget_if": ["activity=studying"]}
    with TestClient(create_app(engine)) as client:
        answer = client.post("/api/evaluate", json=body)
        assert answer.status_code == 200, answer.text
        given, studying = answer.json()["budget"]
        assert given["total"]["value"] == "8200" and studying["changed_facts"] == {"activity": "studying"}
        money = next(o for o in answer.json()["outcomes"] if o["support"] == "money")
        assert money["amount"]["value"] == "7200"
        bad = client.post("/api/evaluate", json={**body, "budget_if": ["activity"]})
        assert bad.status_code in (400, 422) and "FACT=VALUE" in bad.text


def test_compare_shows_the_amount_each_jurisdiction_gives(book):
    from tolka.compare import compare
    from tolka.render.compare_view import comparison_blocks
    from tolka.render.draw import to_markdown

    engine = Engine(load_rulebook(book))
    case = case_from_mapping({**COMPLETE, "activity": "studying"}, engine.rulebook)
    text = to_markdown(comparison_blocks(engine.rulebook, compare(engine, case, ["SE-0001", "SE-0002"], DAY), "en"))
    money = next(line for line in text.splitlines() if line.startswith("| Money"))
    assert "not eligible" in money and "2,104 SEK per month" in money  # SE-0002 pays money during studies


def test_a_money_fact_without_a_bound_is_refused_and_a_huge_income_is_a_case_error(book):
    """Exact amounts need bounded inputs: the vocabulary must bound money, and a case beyond it is refused."""
    facts = book / "rules/facts.yaml"
    text = facts.read_text(encoding="utf-8")
    with pytest.raises(E.FactValueError, match="must be between 0 and 100,000,000, not 1.79769313486232e\\+308"):
        evaluate(book, {"monthly_income": 1.7976931348623157e308})
    facts.write_text(re.sub(r"\n *maximum: 100000000", "", text, count=1), encoding="utf-8")
    with pytest.raises(E.RulebookInvalid) as refused:
        load_rulebook(book)
    assert any("needs a `maximum`" in str(error) for error in refused.value.errors)


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        ("7200", "SEK", "sv", "7 200 kr"),  # a Swede writes her own currency as kr
        ("7200", "SEK", "nb", "7 200 SEK"),  # and a Norwegian reader sees whose currency it is
        ("7200", "NOK", "nb", "7 200 kr"),
        ("7200", "NOK", "sv", "7 200 NOK"),
        ("7200", "SEK", "en", "7,200 SEK"),
        ("0.647", "share", "sv", "64,7 %"),  # SFB 34 kap. 12 §: "64,7 procent"
        ("0.66", "share", "nb", "66 %"),  # ftrl. § 11-19: "66 prosent"
        ("0.647", "share", "en", "64.7%"),
    ],
)
def test_money_and_rates_read_as_each_language_writes_them(value, unit, language, expected):
    from tolka.render.amounts_view import money_text

    assert money_text(value, unit, language) == expected


def test_a_table_cell_counts_the_open_questions_and_never_says_at_least_nothing():
    from tolka.model import outcome as O
    from tolka.model.common import Text
    from tolka.render.amounts_view import amount_text

    questions = [Text(sv=f"Fråga {i}?", en=f"Question {i}?", nb=f"Spørsmål {i}?") for i in range(3)]
    amount = O.Amount(
        value=None,
        low="0",
        high=None,
        unit="SEK",
        period="per_month",
        missing_facts=["a", "b", "c"],
        missing_readings=[],
        missing_parameters=[],
        missing_named=questions,
        last_resort=True,
        calculations=[],
        verified=True,
    )
    cell = amount_text(amount, "sv", brief=True)
    assert cell == "okänt per månad, beroende på 3 öppna frågor"
    assert "minst 0" not in amount_text(amount, "sv")
    assert "”Fråga 2?”" in amount_text(amount, "sv")  # in full, the questions are named
