"""The monthly budget a case worker sees: what comes from whom, and what social services top up.

Built from an evaluation's amounts (tolka.amounts): every financial support with an amount, counted
per month (a year is 12 months, 52 weeks or 13 four-week periods), with the body that pays it; the
person's own income (`monthly_income`); and the last-resort support (`last_resort: true`:
försörjningsstöd, økonomisk stønad), whose calculation has already subtracted the rest. A support
that may or may not be granted counts as "0 or its amount"; an unknown income keeps the total a
range and is named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from tolka.amount_calculation import MAY_PAY
from tolka.case import Case, case_from_mapping
from tolka.errors import CaseError
from tolka.expr.money import CURRENCY, INFINITY, PERIODS_PER_YEAR
from tolka.intervals import ZERO, Interval, interval_fields
from tolka.model import outcome as O
from tolka.rulebook import Rulebook

if TYPE_CHECKING:  # the engine imports amounts, which this module builds on
    from tolka.evaluate import Engine

INCOME_FACT = "monthly_income"


class ScenarioError(CaseError):
    """A what-if scenario (`--if`) that is not a list of FACT=VALUE."""


def _interval(value: str | None, low: str | None, high: str | None) -> Interval:
    if value is not None:
        return Interval.exact(Decimal(value))
    return Interval(Decimal(low) if low is not None else -INFINITY, Decimal(high) if high is not None else INFINITY)


def _range(interval: Interval) -> O.MoneyRange:
    return O.MoneyRange(**interval_fields(interval))


def _per_month(interval: Interval, period: str) -> Interval:
    factor = Fraction(PERIODS_PER_YEAR[period], 12)
    scale = Decimal(factor.numerator) / Decimal(factor.denominator)
    return Interval(interval.low * scale, interval.high * scale)


def budget(
    rulebook: Rulebook,
    evaluation: O.Evaluation,
    case: Case,
    changed: Mapping[str, str | int | float | bool | None] | None = None,
) -> O.Budget:
    """The monthly budget of one evaluation (`changed`: the facts a what-if scenario changed)."""
    currency = CURRENCY[evaluation.jurisdiction.country]
    lines: list[O.BudgetLine] = []
    missing: dict[str, None] = {}
    not_monthly: list[str] = []
    total = ZERO
    for outcome in evaluation.outcomes:
        amount = outcome.amount
        if amount is None:
            continue
        if amount.period not in PERIODS_PER_YEAR:
            not_monthly.append(outcome.support)
            continue
        monthly = _per_month(_interval(amount.value, amount.low, amount.high), amount.period)
        if outcome.status in MAY_PAY:
            monthly = monthly.hull(ZERO)
            missing.update(dict.fromkeys(outcome.missing_facts))
        missing.update(dict.fromkeys(amount.missing_facts))
        support = rulebook.supports[outcome.support]
        body = support.providers[0]
        lines.append(
            O.BudgetLine(
                support=outcome.support,
                name=outcome.name,
                body=body,
                body_name=rulebook.bodies[body].name,
                status=outcome.status,
                **interval_fields(monthly),
                unit=amount.unit,
                last_resort=amount.last_resort,
                verified=amount.verified,
            )
        )
        total = Interval(total.low + monthly.low, total.high + monthly.high)
    lines.sort(key=lambda line: line.last_resort)  # the top-up comes last, after what it tops up
    income_value = case.facts.get(INCOME_FACT)
    if income_value is None:
        income = Interval(Decimal(0), INFINITY)
        missing[INCOME_FACT] = None
    else:
        income = Interval.exact(Decimal(str(income_value)))
    total = Interval(total.low + income.low, total.high + income.high)
    return O.Budget(
        changed_facts=dict(changed or {}),
        currency=currency,
        lines=lines,
        income=_range(income),
        total=_range(total),
        missing_facts=list(missing),
        missing_named=[rulebook.facts[name].question for name in missing if name in rulebook.facts],
        not_monthly=not_monthly,
    )


def parse_scenario(text: str) -> dict[str, str]:
    """`fact=value,fact=value` → {fact: value} (values are checked against the vocabulary later)."""
    changes: dict[str, str] = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise ScenarioError(
                f"`{part}` is not FACT=VALUE", hint="write e.g. --if current_activity=higher_education,goal=studies"
            )
        changes[name.strip()] = value.strip()
    return changes


def what_if_budgets(
    engine: Engine,
    case: Case,
    jurisdiction_id: str,
    day: dt.date,
    evaluation: O.Evaluation,
    scenarios: Sequence[str],
    language: str,
) -> list[tuple[str | None, O.Budget]]:
    """The budget of the case as given, then of each scenario (`fact=value,…`; an empty value: unknown)."""
    out: list[tuple[str | None, O.Budget]] = [(None, budget(engine.rulebook, evaluation, case))]
    for text in scenarios:
        changes = parse_scenario(text)
        given = {name: value for name, value in changes.items() if value != ""}
        checked = case_from_mapping(given, engine.rulebook, where="--if", lang=language)
        changed = case
        for name in changes:
            changed = changed.with_fact(name, checked.facts.get(name))
        result = engine.evaluate(changed, jurisdiction_id, day)
        shown = {name: checked.facts.get(name) for name in changes}  # as checked: typed, or None when unknown
        out.append((text, budget(engine.rulebook, result, changed, shown)))
    return out
