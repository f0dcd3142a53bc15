"""The evaluation document: a case, plus readings and derived values at an evaluation date.

Every back end evaluates lowered conditions over this flat mapping of field keys to known values
(`tolka.expr.ast.Field.key`). An unknown value has no key. Values that depend on the evaluation
date (ages, the half-year) are computed here, once, because neither durable_rules nor a column
engine should do calendar arithmetic inside rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tolka.backends.rete.compile import DAY_KEY
from tolka.case import Case
from tolka.expr import ast as A
from tolka.periods import DateTerm, days_from
from tolka.rulebook import Rulebook


def full_years(start: dt.date, day: dt.date) -> int:
    years = day.year - start.year
    return years - 1 if (day.month, day.day) < (start.month, start.day) else years


def full_months(start: dt.date, day: dt.date) -> int:
    months = (day.year - start.year) * 12 + day.month - start.month
    return months - 1 if day.day < start.day else months


def derived_values(name: str, value: dt.date, day: dt.date) -> dict[str, int]:
    """The built-in functions of one date fact (see tolka.expr.typecheck.FUNCTIONS)."""
    return {
        f"age__{name}": full_years(value, day),
        f"age_this_year__{name}": day.year - value.year,
        f"years_since__{name}": full_years(value, day),
        f"months_since__{name}": full_months(value, day),
        f"days_since__{name}": (day - value).days,
    }


def term_value(fld: A.Field, value: dt.date, day: dt.date) -> int:
    """A calendar term's derived value: days from the term's date to the evaluation date."""
    return days_from(DateTerm.from_field(fld.name, fld.argument or ""), value, day)


def date_values(day: dt.date) -> dict[str, int]:
    return {"evaluation_half_year": 1 if day.month <= 6 else 2, "evaluation_year": day.year, DAY_KEY: day.toordinal()}


def build_document(
    case: Case,
    day: dt.date,
    readings: Mapping[str, Any],
    rulebook: Rulebook,
) -> dict[str, Any]:
    """The document for one case, date and set of reading values (point id → value, known only)."""
    document: dict[str, Any] = date_values(day)
    for fld in rulebook.term_fields():
        value = case.facts.get(fld.argument or "")
        if value is not None:
            document[fld.key] = term_value(fld, value, day)
    for name, value in case.facts.items():
        if rulebook.facts[name].type == "date":
            document[name] = value.toordinal()
            document.update(derived_values(name, value, day))
        else:
            document[name] = value
    for point, value in readings.items():
        if value is not None:
            document[f"reading__{point}"] = value
    return document
