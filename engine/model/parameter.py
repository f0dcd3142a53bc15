"""Dated parameters: the figures the law sets by date (prisbasbelopp, grunnbeløpet, norms, rates).

A *Parameter* is one named figure of a country — a base amount, a norm, a share — with its unit,
the period it is counted in, and its *values*: each valid for a period, with the source that
publishes it (an ordinance, an official page), the provisions it rests on, and whether it was
checked. Versions of one parameter never overlap, so on any day at most one value is in force.
Formulas (a later step) look values up by id at the evaluation date; nothing here computes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Country, Identifier, Model, Text, Validity
from tolka.model.source import Source

Unit = Literal["SEK", "NOK", "share", "G", "prisbasbelopp"]
# The period an amount is counted in; `none` for a figure that is not a flow (a share, a multiple).
Period = Literal["per_month", "per_year", "per_4_weeks", "per_week", "none"]


class ParameterValue(Validity):
    """One value of a parameter during a period, with where it is published and what it rests on."""

    value: Decimal
    source: Source
    cites: tuple[Identifier, ...] = ()
    verified: bool
    note: Text | None = None

    @model_validator(mode="after")
    def _dated(self) -> ParameterValue:
        if self.valid_from is None:
            raise InvalidValue(N_("a parameter value needs `valid_from`: every figure is set from a date"))
        return self


class Parameter(Model):
    """A named figure with dated values; `name` is given in the country's language and English."""

    id: Identifier
    country: Country
    name: Text
    unit: Unit
    period: Period
    values: tuple[ParameterValue, ...]
    description: Text | None = None

    def value_at(self, day: dt.date) -> ParameterValue | None:
        """The value in force on `day`, if any (versions never overlap: `tolka check` refuses that)."""
        return next((value for value in self.values if value.in_force(day)), None)
