"""Calendar conventions: the dates on which the law's age and period limits fall.

Statutes rarely say "under 30". They say "from the quarter after the quarter in which the pupil
turns 16", "up to and including the month before the month in which one turns 30", "until the end
of the first calendar half-year of the year one turns 20". The condition language writes such a
limit as a *date term* compared with the evaluation date:

    evaluation_date >= start_of_quarter_after(turns(birth_date, 16))
    evaluation_date <= end_of_month_before(turns(birth_date, 30))

A date term is a date fact, optionally `turns(fact, N)` (the N-th birthday), wrapped in any number
of period functions (each maps a date to a date). This module is the one definition of that
arithmetic for single dates; the vectorised back end has an array form that a property test holds
equal to it (tests/vector/test_derived.py).

Conventions chosen where the law is silent, used the same way everywhere:

* A person born on 29 February turns N on 1 March in a year that is not a leap year (as `age`
  counts: the birthday has not come on 28 February).
* The Norwegian school year (skoleåret) runs from 1 August to 31 July.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Calendar periods by their length in months; each year starts a new one (quarters: Jan–Mar, …).
PERIOD_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
SCHOOL_YEAR_START_MONTH = 8  # Norway: skoleåret 1 August – 31 July

# Functions that give a fixed date of the argument's year: (years ahead, 0-based month, days added
# to that month's first day).
FIXED_DATES: dict[str, tuple[int, int, int]] = {
    "end_of_first_half_year": (0, 6, -1),
    "start_of_second_half_year": (0, 6, 0),
    "end_of_school_year_starting": (1, SCHOOL_YEAR_START_MONTH - 1, -1),
}


def _period_functions() -> dict[str, str]:
    """Every period function of the condition language, with what it means (docs/rule-format.md)."""
    out: dict[str, str] = {}
    for period in PERIOD_MONTHS:
        words = period.replace("_", "-")
        out[f"start_of_{period}"] = f"the first day of the {words} the date falls in"
        out[f"end_of_{period}"] = f"the last day of the {words} the date falls in"
        out[f"start_of_{period}_after"] = f"the first day of the {words} after the one the date falls in"
        out[f"end_of_{period}_before"] = f"the last day of the {words} before the one the date falls in"
    out["end_of_first_half_year"] = "30 June of the date's calendar year (the end of its first calendar half-year)"
    out["start_of_second_half_year"] = "1 July of the date's calendar year (the start of its second calendar half-year)"
    out["end_of_school_year_starting"] = (
        "31 July of the year after the date's year: the end of the (Norwegian) school year that starts in the "
        "date's calendar year"
    )
    return out


PERIOD_FUNCTIONS: dict[str, str] = _period_functions()
TURNS = "turns"
TERM_PREFIX = "cal"  # derived field names: cal__<outermost function>__…__turns_<N>


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday(birth: dt.date, years: int) -> dt.date:
    """The day one turns `years` (29 February → 1 March in a common year)."""
    return dt.date(birth.year + years, birth.month, 1) + dt.timedelta(days=birth.day - 1)


def _month_start(year: int, month_index: int) -> dt.date:
    """The first day of month `month_index` (0-based, may run past 11 or below 0) of `year`."""
    years, month = divmod(month_index, 12)
    return dt.date(year + years, month + 1, 1)


def period_shape(function: str) -> tuple[str, int, int]:
    """`start`/`end`, the period's length in months and its shift (-1 before, 0, 1 after) of a function.

    Raises KeyError for a function that is not a period function (see FIXED_DATES for the others).
    """
    edge, _, rest = function.partition("_of_")
    shift = 0
    if rest.endswith("_after"):
        rest, shift = rest[: -len("_after")], 1
    elif rest.endswith("_before"):
        rest, shift = rest[: -len("_before")], -1
    if function not in PERIOD_FUNCTIONS or function in FIXED_DATES or rest not in PERIOD_MONTHS:
        raise KeyError(f"no period function `{function}`")
    return edge, PERIOD_MONTHS[rest], shift


def apply(function: str, day: dt.date) -> dt.date:
    """One period function of one date."""
    if function in FIXED_DATES:
        years, month_index, days = FIXED_DATES[function]
        return _month_start(day.year + years, month_index) + dt.timedelta(days=days)
    edge, length, shift = period_shape(function)
    first = (day.month - 1) // length * length + shift * length  # the period's first month, 0-based
    if edge == "start":
        return _month_start(day.year, first)
    return _month_start(day.year, first + length) - dt.timedelta(days=1)


@dataclass(frozen=True)
class DateTerm:
    """`f1(f2(…turns(fact, N)…))`: `functions` outermost first; `years` None for the fact itself."""

    fact: str
    years: int | None = None
    functions: tuple[str, ...] = ()

    @property
    def field_name(self) -> str:
        """The name of the derived value "days from this date to the evaluation date"."""
        parts = [TERM_PREFIX, *self.functions]
        if self.years is not None:
            parts.append(f"{TURNS}_{self.years}")
        return "__".join(parts)

    def text(self) -> str:
        inner = f"{TURNS}({self.fact}, {self.years})" if self.years is not None else self.fact
        for function in reversed(self.functions):
            inner = f"{function}({inner})"
        return inner

    def date(self, value: dt.date) -> dt.date:
        """The term's date for one value of its fact."""
        day = birthday(value, self.years) if self.years is not None else value
        for function in reversed(self.functions):
            day = apply(function, day)
        return day

    @classmethod
    def from_field(cls, name: str, fact: str) -> DateTerm:
        """The term behind a derived field name (`field_name`), for the back ends."""
        parts = name.split("__")
        if parts[0] != TERM_PREFIX:
            raise KeyError(f"`{name}` is not a calendar term")
        years = None
        if parts[-1].startswith(f"{TURNS}_"):
            years = int(parts.pop()[len(TURNS) + 1 :])
        return cls(fact, years, tuple(parts[1:]))


def is_term_field(name: str) -> bool:
    return name.startswith(f"{TERM_PREFIX}__")


def days_from(term: DateTerm, value: dt.date, day: dt.date) -> int:
    """Days from the term's date to `day`: ≥ 0 on and after it (what `evaluation_date >= term` tests)."""
    return day.toordinal() - term.date(value).toordinal()


def term_edges(term: DateTerm, day: dt.date, offset: int) -> set[dt.date]:
    """The values of the term's fact on either side of where `days from the term to day` reaches `offset`.

    A term's date never decreases as its fact's value grows, so a binary search finds the edge.
    """
    target = day.toordinal() - offset
    years = term.years or 0
    low, high = dt.date(day.year - years - 3, 1, 1).toordinal(), dt.date(day.year - years + 3, 12, 31).toordinal()
    while low < high:  # the first value whose term date is on or after the target
        middle = (low + high) // 2
        if term.date(dt.date.fromordinal(middle)).toordinal() >= target:
            high = middle
        else:
            low = middle + 1
    return {dt.date.fromordinal(low - 1), dt.date.fromordinal(low)}


def terms_can_hold(constraints: list[tuple[DateTerm, str, int]], day: dt.date) -> bool:
    """Whether one value of a date fact satisfies every `days from term to day OP constant` at `day`.

    Terms of the same fact move together (whoever has turned 19 has turned 16), which a decision tree
    over separate fields cannot know. Each constraint holds on one side of an edge, so trying the
    values at every edge decides it.
    """
    candidates: set[dt.date] = set()
    for term, _, constant in constraints:
        candidates |= term_edges(term, day, constant) | term_edges(term, day, constant + 1)
    return any(
        all(_holds(days_from(term, value, day), op, constant) for term, op, constant in constraints)
        for value in candidates
    )


def _holds(value: int, op: str, constant: int) -> bool:
    return {
        "==": value == constant,
        "!=": value != constant,
        "<": value < constant,
        "<=": value <= constant,
        ">": value > constant,
        ">=": value >= constant,
    }[op]
