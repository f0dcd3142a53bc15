"""Interpretation points and readings: where the law leaves room, and how each jurisdiction reads it.

An *InterpretationPoint* is a question on which readings legitimately differ, with its possible
readings and the national default (which may change with the law, so it is dated). A *Reading* is
one jurisdiction's answer to a point, with its source and validity. Points of kind `route_info`
(queues, priority rules) never decide eligibility: their readings are shown beside the route.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Country, Identifier, Model, Text, Validity
from tolka.model.source import Source

ReadingValue = str | int | float


class PointValue(Model):
    """One possible reading of a point."""

    id: Identifier | int | float
    label: Text
    description: Text | None = None


class RestsOn(Model):
    """What a reading or default rests on: provisions and/or a note (e.g. "no national position")."""

    cites: tuple[Identifier, ...] = ()
    note: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> RestsOn:
        if not self.cites and self.note is None:
            raise InvalidValue(N_("`rests_on` needs `cites` (provision ids) or a `note`"))
        return self


class DefaultReading(Validity):
    """The national default reading of a point during a period; `value: null` = no national position."""

    value: ReadingValue | None
    rests_on: RestsOn
    verified: bool = True


class InterpretationPoint(Model):
    id: Identifier
    country: Country
    question: Text
    kind: Literal["condition", "route_info"] = "condition"
    value_type: Literal["enum", "number", "amount"] = "enum"
    values: tuple[PointValue, ...] = ()
    # For `value_type: amount` (a reading that sets an amount, docs/amounts.md): its currency and period.
    unit: Literal["SEK", "NOK"] | None = None
    period: Literal["per_month", "per_year", "per_4_weeks", "per_week", "none"] | None = None
    provisions: tuple[Identifier, ...] = ()
    supports: tuple[Identifier, ...] = ()
    default: tuple[DefaultReading, ...]
    description: Text | None = None

    @model_validator(mode="after")
    def _values_typed(self) -> InterpretationPoint:
        if (self.value_type == "amount") != (self.unit is not None and self.period is not None):
            raise InvalidValue(N_("a point of `value_type: amount` has a `unit` and a `period`, and only such a point"))
        if self.value_type == "amount" and self.values:
            raise InvalidValue(N_("a point of `value_type: amount` lists no `values`: its readings give an amount"))
        if self.value_type != "amount" and not self.values:
            raise InvalidValue(
                N_("a point of `value_type: {value_type}` lists its possible `values`"), value_type=self.value_type
            )
        for value in self.values:
            numeric = isinstance(value.id, (int, float))
            if numeric != (self.value_type == "number"):
                raise InvalidValue(
                    N_("value {value} does not match value_type {value_type}"),
                    value=repr(value.id),
                    value_type=self.value_type,
                )
        if self.kind == "route_info" and not self.supports:
            raise InvalidValue(N_("a route_info point must list the `supports` whose route it describes"))
        return self

    @property
    def value_ids(self) -> tuple[ReadingValue, ...]:
        return tuple(v.id for v in self.values)

    def label(self, value: ReadingValue | None, language: str) -> str:
        for candidate in self.values:
            if candidate.id == value:
                return candidate.label.get(language)
        return "no national position" if value is None else str(value)


class Contest(Model):
    """A doubt that a reading is compatible with a higher provision."""

    provision: Identifier
    note: Text
    source: str


class Reading(Validity):
    """A jurisdiction's answer to an interpretation point, with provenance."""

    point: Identifier
    value: ReadingValue | None  # None: the value is not known for this period (e.g. a change's date is not given)
    source: Source
    summary: Text
    detail: Text | None = None
    verified: bool
    contested: Contest | None = None
