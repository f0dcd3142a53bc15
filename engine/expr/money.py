"""What a value of an amount formula is: money of a currency per period, a multiple of a base amount,
or a plain number — and the tables of periods, currencies and base amounts the checker and the
evaluators share (docs/amounts.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

# How many of each period a year has: a year is 12 months, 52 weeks or 13 four-week periods.
PERIODS_PER_YEAR: dict[str, int] = {"per_year": 1, "per_month": 12, "per_week": 52, "per_4_weeks": 13}
NO_PERIOD = "none"
CURRENCY = {"SE": "SEK", "NO": "NOK"}
BASES = {"prisbasbelopp": "SEK", "G": "NOK"}  # a multiple of a base amount, and the base's currency
BASE_PARAMETERS = {"prisbasbelopp": "se.prisbasbelopp", "G": "no.grunnbelop"}
ROUNDING = ("round_down", "round_up", "round_nearest")
CONVERSIONS = tuple(PERIODS_PER_YEAR)
INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class MoneyType:
    """What a value is: money (a currency per period), a multiple of a base amount, or a number."""

    kind: Literal["money", "multiple", "number"]
    unit: str | None = None  # SEK | NOK for money; prisbasbelopp | G for a multiple
    period: str = NO_PERIOD

    def __str__(self) -> str:
        if self.kind == "number":
            return "a number"
        period = "" if self.period == NO_PERIOD else f" {self.period}"
        return f"{self.unit}{period}" if self.kind == "money" else f"a multiple of the {self.unit}{period}"


NUMBER = MoneyType("number")
