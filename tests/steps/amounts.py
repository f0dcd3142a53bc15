"""Step definitions for amounts: what a financial outcome is worth, and each step of its calculation.

A scenario asserts the figure the statute's wording gives, and the parameter, value and citation of
the step that produced it, so a wrong share, base amount, rounding or date fails the scenario.
"""

from __future__ import annotations

from pytest_bdd import parsers, then

from tests.steps.evaluation import Scene, _outcome
from tolka.model.outcome import Amount, AmountStep


def _amount(scene: Scene, support: str) -> Amount:
    outcome = _outcome(scene, support)
    assert outcome.amount is not None, f"{support} has no amount (status {outcome.status})"
    return outcome.amount


def _step(scene: Scene, step: str, support: str) -> AmountStep:
    amount = _amount(scene, support)
    steps = {s.id: s for calculation in amount.calculations for s in calculation.steps}
    assert step in steps, f"no step {step} in the amount of {support}: {sorted(steps)}"
    return steps[step]


@then(parsers.parse("the amount of {support} is exactly {value} {unit} {period}"))
def amount_is(scene: Scene, support: str, value: str, unit: str, period: str) -> None:
    amount = _amount(scene, support)
    got = (amount.value, amount.unit, amount.period)
    assert got == (value, unit, period), f"{support}: {got}, range {amount.low}–{amount.high}"


@then(parsers.parse("the amount of {support} is between {low} and {high} {unit} {period}"))
def amount_between(scene: Scene, support: str, low: str, high: str, unit: str, period: str) -> None:
    amount = _amount(scene, support)
    assert amount.value is None, f"{support} is exactly {amount.value}"
    assert (amount.low, amount.high, amount.unit, amount.period) == (low, high, unit, period)


@then(parsers.parse("the amount of {support} is not known, for want of {what}"))
def amount_unknown(scene: Scene, support: str, what: str) -> None:
    amount = _amount(scene, support)
    assert amount.value is None, f"{support} is exactly {amount.value}"
    missing = amount.missing_facts + amount.missing_readings + amount.missing_parameters
    assert what in missing, f"{support} lacks {missing}"


@then(parsers.parse("the amount of {support} is marked unverified"))
def amount_unverified(scene: Scene, support: str) -> None:
    assert _amount(scene, support).verified is False


@then(parsers.parse("the amount of {support} is not marked unverified"))
def amount_verified(scene: Scene, support: str) -> None:
    assert _amount(scene, support).verified is True


@then(parsers.parse("{support} has no amount"))
def no_amount(scene: Scene, support: str) -> None:
    outcome = _outcome(scene, support)
    assert outcome.amount is None, f"{support}: {outcome.amount}"


@then(parsers.parse("the step {step} of {support} is exactly {value}"))
def step_is(scene: Scene, step: str, support: str, value: str) -> None:
    found = _step(scene, step, support)
    assert found.value == value, f"{step}: {found.value} (range {found.low}–{found.high})"


@then(parsers.parse("the step {step} of {support} reads {parameter} = {value}"))
def step_reads(scene: Scene, step: str, support: str, parameter: str, value: str) -> None:
    inputs = {i.id: i for i in _step(scene, step, support).inputs}
    assert parameter in inputs, f"{step} reads {sorted(inputs)}"
    assert inputs[parameter].value == value, f"{parameter}: {inputs[parameter].value}"


@then(parsers.parse('the step {step} of {support} cites "{citation}"'))
def step_cites(scene: Scene, step: str, support: str, citation: str) -> None:
    cited = [c.text for c in _step(scene, step, support).citations]
    assert citation in cited, cited
