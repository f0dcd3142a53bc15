"""Every age and date limit flips exactly where the law's wording puts its edge.

Generated from the `limits:` entries of the shipped rulebook (the rows of docs/limits.md). For each
limit and a set of birth dates chosen where calendar mistakes hide (mid-quarter, 29 February, the
first and last days of quarters, half-years and years), the test computes the limit's date from
the convention named in the term with its own arithmetic — walking day by day to a period's edge,
not calling tolka.periods — and asserts that the rule's comparison is false/true on the day before,
on and after that date exactly as the bound says (from: on and after; until: up to and including;
before; after).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from tests.conftest import REPO
from tolka.case import Case
from tolka.document import build_document
from tolka.expr import ast as A
from tolka.expr.evaluate import truth
from tolka.expr.logic import Truth
from tolka.limits import limit_rows, limits_blocks
from tolka.load import load_rulebook
from tolka.render.draw import to_markdown

RULEBOOK = load_rulebook(REPO)
ROWS = limit_rows(RULEBOOK)
BIRTHS = [
    dt.date(2006, 5, 15),  # mid-quarter, the review's example
    dt.date(2008, 2, 29),  # leap day
    dt.date(2005, 1, 1),
    dt.date(2005, 12, 31),
    dt.date(2007, 6, 30),
    dt.date(2007, 7, 1),
    dt.date(2004, 3, 31),
    dt.date(2006, 10, 1),
]
ONE_DAY = dt.timedelta(days=1)
MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}


def _same_period(a: dt.date, b: dt.date, months: int) -> bool:
    return a.year == b.year and (a.month - 1) // months == (b.month - 1) // months


def _first_day(day: dt.date, months: int) -> dt.date:
    while _same_period(day - ONE_DAY, day, months):
        day -= ONE_DAY
    return day


def _last_day(day: dt.date, months: int) -> dt.date:
    while _same_period(day + ONE_DAY, day, months):
        day += ONE_DAY
    return day


def _apply(function: str, day: dt.date) -> dt.date:
    special = {
        "end_of_first_half_year": lambda d: dt.date(d.year, 6, 30),
        "start_of_second_half_year": lambda d: dt.date(d.year, 7, 1),
        "end_of_school_year_starting": lambda d: dt.date(d.year + 1, 7, 31),
    }
    if function in special:
        return special[function](day)
    edge, period, shift = re.fullmatch(
        r"(start|end)_of_(month|quarter|half_year|year)(_after|_before)?", function
    ).groups()
    months = MONTHS[period]
    if shift == "_after":
        day = _last_day(day, months) + ONE_DAY
    elif shift == "_before":
        day = _first_day(day, months) - ONE_DAY
    return _first_day(day, months) if edge == "start" else _last_day(day, months)


def expected_date(term: str, birth: dt.date) -> dt.date:
    """The date a term names, for one birth date, from the convention's words alone."""
    match = re.fullmatch(r"(\w+)\((.*)\)", term)
    function, inner = match.groups()
    if function == "turns":
        _, years = inner.split(",")
        year = birth.year + int(years)
        if (birth.month, birth.day) == (2, 29) and not calendar.isleap(year):
            return dt.date(year, 3, 1)  # a leap-day child turns N on 1 March in a common year (as `age` counts)
        return dt.date(year, birth.month, birth.day)
    return _apply(function, expected_date(inner, birth))


OPS = {"from": ">=", "until": "<=", "before": "<", "after": ">"}


def _field_term(atom: A.Cmp) -> str:
    """The rule text of the term behind a lowered comparison (its field name read back)."""
    parts = atom.field.name.split("__")[1:]
    inner = atom.field.argument
    if parts and parts[-1].startswith("turns_"):
        inner = f"turns({inner},{parts.pop()[len('turns_') :]})"
    for function in reversed(parts):
        inner = f"{function}({inner})"
    return inner


def _atom(row) -> A.Cmp:
    """The rule's own lowered comparison for the limit (check guarantees the condition contains it)."""
    owners = [e for e in RULEBOOK.rules if e.key == row.owner] or RULEBOOK.rules  # definitions are inlined
    for entry in owners:
        for atom in A.atoms(entry.condition):
            if (
                isinstance(atom, A.Cmp)
                and atom.field.name.startswith("cal__")
                and _field_term(atom) == row.limit.term.replace(" ", "")
                and atom.op == OPS[row.limit.bound]
            ):
                return atom
    raise AssertionError(f"no comparison for {row.limit.condition} in {row.owner}")


def test_every_limit_is_in_the_table():
    assert len(ROWS) >= 30
    assert {row.country for row in ROWS} == {"SE", "NO"}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.owner}:{r.limit.bound}:{r.limit.term}")
def test_limit_flips_exactly_at_the_laws_edge(row):
    atom = _atom(row)
    fact = atom.field.argument
    for birth in BIRTHS:
        edge = expected_date(row.limit.term.replace(" ", ""), birth)
        for day in (edge - ONE_DAY, edge, edge + ONE_DAY):
            document = build_document(Case({fact: birth}), day, {}, RULEBOOK)
            meant = {"from": day >= edge, "until": day <= edge, "before": day < edge, "after": day > edge}[
                row.limit.bound
            ]
            assert truth(atom, document) is Truth.of(meant), (row.owner, row.limit.condition, birth, day, edge)


def test_docs_limits_table_is_current():
    """docs/limits.md is `tolka limits --format markdown`; regenerate it when a limit changes."""
    assert (REPO / "docs" / "limits.md").read_text(encoding="utf-8") == to_markdown(limits_blocks(RULEBOOK))


@pytest.mark.parametrize(
    ("term", "birth", "edge"),
    [
        ("start_of_quarter_after(turns(birth_date,16))", dt.date(2006, 5, 15), dt.date(2022, 7, 1)),
        ("end_of_month_before(turns(birth_date,30))", dt.date(1996, 5, 20), dt.date(2026, 4, 30)),
        ("start_of_second_half_year(turns(birth_date,19))", dt.date(2007, 2, 1), dt.date(2026, 7, 1)),
        ("end_of_school_year_starting(turns(birth_date,24))", dt.date(2001, 11, 2), dt.date(2026, 7, 31)),
        ("turns(birth_date,17)", dt.date(2008, 2, 29), dt.date(2025, 3, 1)),
    ],
)
def test_the_independent_arithmetic_itself(term, birth, edge):
    assert expected_date(term, birth) == edge
