"""A population as typed columns: the array form of `tolka.document`.

Each fact is one `Column`: a mask of the persons for whom it is known, plus their values — codes
into a tuple of categories for booleans, enums and codes, numbers for integers and numbers, day
ordinals for dates. Values derived from a date at the evaluation date (`age__birth_date`, …) are
computed on demand with calendar arithmetic on arrays that gives exactly what
`tolka.document.derived_values` gives for one person (a property test holds them equal).
Values that are the same for every person — readings, `evaluation_year` — are `Scalar`s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tolka.expr import ast as A
from tolka.periods import FIXED_DATES, DateTerm, is_term_field, period_shape
from tolka.rulebook import Rulebook

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
CATEGORICAL_TYPES = ("bool", "enum", "code")
BOOL_CATEGORIES: tuple[bool, ...] = (False, True)


@dataclass(frozen=True)
class Column:
    """One field over a population. Where `known` is False, `values` holds an arbitrary filler."""

    known: np.ndarray  # bool, one per person
    values: np.ndarray  # codes into `categories` (int), or numbers / day ordinals
    categories: tuple[Any, ...] | None = None  # the value of each code; None for numeric columns


@dataclass(frozen=True)
class Scalar:
    """A value shared by every person (a reading, a date built-in); None is unknown."""

    value: Any


Value = Column | Scalar
UNKNOWN = Scalar(None)


def categories_of(rulebook: Rulebook, fact_name: str) -> tuple[Any, ...] | None:
    """The fixed categories of a boolean or enum fact (codes have per-population categories)."""
    fact = rulebook.facts[fact_name]
    if fact.type == "bool":
        return BOOL_CATEGORIES
    if fact.type == "enum":
        return fact.value_ids
    return None


def column_from_values(rulebook: Rulebook, fact_name: str, values: list[Any]) -> Value:
    """A column from typed per-person values (None = unknown), as `tolka.case.coerce_fact` returns them."""
    fact = rulebook.facts[fact_name]
    known = np.array([v is not None for v in values], dtype=bool)
    if not known.any():
        return UNKNOWN
    if fact.type in CATEGORICAL_TYPES:
        categories = categories_of(rulebook, fact_name) or tuple(sorted({v for v in values if v is not None}))
        index = {c: i for i, c in enumerate(categories)}
        codes = np.array([index[v] if v is not None else 0 for v in values], dtype=np.int32)
        return Column(known, codes, categories)
    if fact.type == "date":
        return Column(
            known, np.array([v.toordinal() if v is not None else EPOCH_ORDINAL for v in values], dtype=np.int64)
        )
    dtype = np.int64 if fact.type == "integer" else np.float64
    return Column(known, np.array([v if v is not None else 0 for v in values], dtype=dtype))


# --- values derived from a date at the evaluation date ------------------------------------------


def _calendar(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of month of day ordinals (`date.toordinal()`)."""
    days = (ordinals - EPOCH_ORDINAL).astype("datetime64[D]")
    month_start = days.astype("datetime64[M]")
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    month = month_start.astype(np.int64) % 12 + 1
    day_of_month = (days - month_start).astype(np.int64) + 1
    return year, month, day_of_month


def _month_starts(year: np.ndarray, month_index: np.ndarray) -> np.ndarray:
    """Day ordinals of the first day of month `month_index` (0-based, may leave 0..11) of `year`."""
    months = (year - 1970) * 12 + month_index
    return months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64) + EPOCH_ORDINAL


def _apply_period(function: str, ordinals: np.ndarray) -> np.ndarray:
    """`tolka.periods.apply` on arrays of day ordinals."""
    year, month, _ = _calendar(ordinals)
    if function in FIXED_DATES:
        years, month_index, days = FIXED_DATES[function]
        return _month_starts(year + years, np.full_like(month, month_index)) + days
    edge, length, shift = period_shape(function)
    first = (month - 1) // length * length + shift * length
    if edge == "start":
        return _month_starts(year, first)
    return _month_starts(year, first + length) - 1


def term_dates(term: DateTerm, ordinals: np.ndarray) -> np.ndarray:
    """`DateTerm.date` for every person: day ordinals of the term's date."""
    if term.years is not None:
        year, month, day_of_month = _calendar(ordinals)
        ordinals = _month_starts(year + term.years, month - 1) + day_of_month - 1
    for function in reversed(term.functions):
        ordinals = _apply_period(function, ordinals)
    return ordinals


def derive(function: str, ordinals: np.ndarray, day: dt.date, fact: str = "") -> np.ndarray:
    """The built-in `function` of a date (see tolka.expr.typecheck.FUNCTIONS, tolka.periods) for every person."""
    if is_term_field(function):
        return day.toordinal() - term_dates(DateTerm.from_field(function, fact), ordinals)
    if function == "days_since":
        return day.toordinal() - ordinals
    year, month, day_of_month = _calendar(ordinals)
    if function == "age_this_year":
        return day.year - year
    if function in ("age", "years_since"):
        before_birthday = (day.month < month) | ((day.month == month) & (day.day < day_of_month))
        return day.year - year - before_birthday
    if function == "months_since":
        return (day.year - year) * 12 + day.month - month - (day.day < day_of_month)
    raise KeyError(f"no vectorised form of the built-in function `{function}`")


def date_scalars(day: dt.date) -> dict[str, int]:
    """The built-in values of the evaluation date (`tolka.document.date_values`)."""
    return {"evaluation_half_year": 1 if day.month <= 6 else 2, "evaluation_year": day.year}


class Frame:
    """A chunk of a population at an evaluation date: fact columns plus derived values on demand."""

    def __init__(self, size: int, facts: Mapping[str, Value], day: dt.date) -> None:
        self.size = size
        self.day = day
        self._facts = dict(facts)
        self._derived: dict[str, Value] = {}
        self._scalars = date_scalars(day)

    def value(self, fld: A.Field) -> Value:
        """The column (or shared value) of a fact or derived field; readings are not the frame's."""
        if fld.kind == "fact":
            return self._facts.get(fld.name, UNKNOWN)
        if fld.kind != "derived":
            raise KeyError(f"a frame holds facts and derived values, not {fld.kind} `{fld.name}`")
        if fld.argument is None:
            return Scalar(self._scalars[fld.name])
        key = fld.key
        if key not in self._derived:
            source = self._facts.get(fld.argument, UNKNOWN)
            self._derived[key] = (
                source
                if isinstance(source, Scalar)
                else Column(source.known, derive(fld.name, source.values, self.day, fld.argument))
            )
        return self._derived[key]

    def take(self, rows: np.ndarray) -> Frame:
        """The persons at `rows` (positions), as a new frame."""
        facts = {
            name: column
            if isinstance(column, Scalar)
            else Column(column.known[rows], column.values[rows], column.categories)
            for name, column in self._facts.items()
        }
        return Frame(len(rows), facts, self.day)

    @classmethod
    def from_facts(cls, rulebook: Rulebook, people: Iterable[Mapping[str, Any]], day: dt.date) -> Frame:
        """A frame from validated fact mappings (e.g. `Case.facts`): absent facts are unknown."""
        people = list(people)
        names = dict.fromkeys(name for person in people for name in person)
        columns = {name: column_from_values(rulebook, name, [p.get(name) for p in people]) for name in names}
        return cls(len(people), columns, day)


Source = Callable[[A.Field], Value]
