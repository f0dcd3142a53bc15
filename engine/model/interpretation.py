"""Interpretation points and readings: where the law leaves room, and how each jurisdiction reads it.

An *InterpretationPoint* is a question on which readings legitimately differ, with its possible
readings and the national default (which may change with the law, so it is dated). A *Reading* is
one jurisdiction's answer to a point, with its source and validity. Points of kind `route_info`
(queues, priority rules) never decide eligibility: their readings are shown beside the route.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import model_validator

from tolka.model.common import Country, Identifier, Model, Text, Validity

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
            raise ValueError("`rests_on` needs `cites` (provision ids) or a `note`")
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
            raise ValueError("a point of `value_type: amount` has a `unit` and a `period`, and only such a point")
        if self.value_type == "amount" and self.values:
            raise ValueError("a point of `value_type: amount` lists no `values`: its readings give an amount")
        if self.value_type != "amount" and not self.values:
            raise ValueError(f"a point of `value_type: {self.value_type}` lists its possible `values`")
        for value in self.values:
            numeric = isinstance(value.id, (int, float))
            if numeric != (self.value_type == "number"):
                raise ValueError(f"value {value.id!r} does not match value_type {self.value_type}")
        if self.kind == "route_info" and not self.supports:
            raise ValueError("a route_info point must list the `supports` whose route it describes")
        return self

    @property
    def value_ids(self) -> tuple[ReadingValue, ...]:
        return tuple(v.id for v in self.values)

    def label(self, value: ReadingValue | None, language: str) -> str:
        for candidate in self.values:
            if candidate.id == value:
                return candidate.label.get(language)
        return "no national position" if value is None else str(value)


# A source older than this on the evaluation date is marked stale in the readings matrix, in compare
# and in every answer: five years is about one municipal term plus the time guidelines usually live.
STALE_AFTER_YEARS = 5


class Source(Model):
    """Where a reading comes from: a published page or document, with its date."""

    url: str | None = None
    document: str | None = None
    title: str | None = None
    published: dt.date | None = None
    date_note: str | None = None
    retrieved: str | None = None
    # When the page was found (harvest date), so a researcher can tell an old find from a new one.
    found: dt.date | None = None
    # Whose page it is: the organisation's own page, a mirror of its document (docplayer, studylib
    # …) or a secondary source reporting on it. Mirrors and secondary sources are weaker evidence.
    origin: Literal["own_page", "mirror", "secondary"] = "own_page"

    def age_years(self, day: dt.date) -> float | None:
        """How old the source is on `day`, in years; None when the page shows no date."""
        if self.published is None:
            return None
        return (day - self.published).days / 365.25

    def is_stale(self, day: dt.date) -> bool:
        """Published more than STALE_AFTER_YEARS before `day` (an undated source is not called stale:
        its age is unknown, and coverage counts it as undated instead)."""
        age = self.age_years(day)
        return age is not None and age > STALE_AFTER_YEARS

    @model_validator(mode="after")
    def _traceable(self) -> Source:
        if not (self.url or self.document):
            raise ValueError("a source needs a `url` or a `document` reference")
        if self.published is None and not self.date_note:
            raise ValueError('a source without `published` needs a `date_note` (e.g. "date not shown")')
        return self


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
