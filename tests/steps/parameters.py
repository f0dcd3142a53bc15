"""Step definitions for dated parameters: list the values in force on a day, check one of them."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_bdd import parsers, then, when

from tolka.model.contract import ParameterRowOut
from tolka.render.parameters import parameter_rows


@pytest.fixture
def listing() -> dict[str, ParameterRowOut]:
    """The parameter rows of the last listing, by id."""
    return {}


def _row(listing: dict[str, ParameterRowOut], parameter: str) -> ParameterRowOut:
    assert listing, "no listing yet: add a When step"
    assert parameter in listing, f"no parameter {parameter}; listed: {sorted(listing)}"
    return listing[parameter]


@when(parsers.parse("the parameters in force on {day} are listed"))
def list_parameters(shipped_engine, listing: dict, day: str) -> None:
    listing.clear()
    rows = parameter_rows(shipped_engine.rulebook, None, dt.date.fromisoformat(day), "en")
    listing.update({row.id: row for row in rows})


@then(parsers.parse("the parameter {parameter} has value {value} {unit} {period}"))
def has_value(listing: dict, parameter: str, value: str, unit: str, period: str) -> None:
    row = _row(listing, parameter)
    assert (row.value, row.unit, row.period) == (value, unit, period)


@then(parsers.parse("the parameter {parameter} has no sourced value"))
def has_no_value(listing: dict, parameter: str) -> None:
    row = _row(listing, parameter)
    assert row.value is None and row.source is None


@then(parsers.parse("the value of {parameter} is marked unverified"))
def marked_unverified(listing: dict, parameter: str) -> None:
    assert _row(listing, parameter).verified is False


@then(parsers.parse("the value of {parameter} is not marked unverified"))
def not_marked_unverified(listing: dict, parameter: str) -> None:
    assert _row(listing, parameter).verified is True


@then(parsers.parse('the value of {parameter} cites "{citation}"'))
def cites(shipped_engine, listing: dict, parameter: str, citation: str) -> None:
    cited = [c.text for c in _row(listing, parameter).citations]
    assert citation in cited, cited
