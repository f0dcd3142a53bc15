"""Interval arithmetic on decimals, the way amounts are computed (docs/amounts.md).

A known value is an interval of one point, an unknown fact the interval its declaration allows (a
money fact: 0 to no limit), an `if` whose condition is unknown the hull of both branches. So an
unknown input keeps an amount unknown — or bounds it, as the law does ("between 0 and the norm,
depending on income") — and never turns into 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TypedDict

from tolka.expr.money import INFINITY

_ROUNDING = {"round_down": ROUND_FLOOR, "round_up": ROUND_CEILING, "round_nearest": ROUND_HALF_UP}


class AmountArithmeticError(ArithmeticError):
    """A calculation that cannot be carried out for this case (a division by zero)."""


@dataclass(frozen=True)
class Interval:
    """A closed range of decimals; ±Infinity for no bound. `low == high` is an exact value."""

    low: Decimal
    high: Decimal

    @staticmethod
    def exact(value: Decimal) -> Interval:
        return Interval(value, value)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high and self.low.is_finite()

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))


UNBOUNDED = Interval(-INFINITY, INFINITY)
ZERO = Interval.exact(Decimal(0))


def _times(x: Decimal, y: Decimal) -> Decimal:
    return Decimal(0) if x == 0 or y == 0 else x * y  # a bound times 0 is 0, also for an unbounded one


def arith(op: str, a: Interval, b: Interval) -> Interval:
    if op == "+":
        return Interval(a.low + b.low, a.high + b.high)
    if op == "-":
        return Interval(a.low - b.high, a.high - b.low)
    if op == "/":
        if b.is_exact and b.low == 0:
            raise AmountArithmeticError("division by zero")
        if b.low <= 0 <= b.high:
            return UNBOUNDED
        b = Interval(Decimal(1) / b.high, Decimal(1) / b.low)
    corners = [_times(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    return Interval(min(corners), max(corners))


def round_to(value: Decimal, mode: str, step: Decimal) -> Decimal:
    if not value.is_finite():
        return value
    return (value / step).quantize(Decimal(1), rounding=_ROUNDING[mode]) * step


def decimal_text(value: Decimal) -> str | None:
    """A bound as decimal text (whole numbers without decimals, else two); None when unbounded."""
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class IntervalFields(TypedDict):
    """An interval as every contract model with a value writes it: `value` only when exact."""

    value: str | None
    low: str | None
    high: str | None


def interval_fields(interval: Interval) -> IntervalFields:
    """The contract's `value`, `low` and `high` of an interval, to spread into a model: `**interval_fields(x)`."""
    low, high = decimal_text(interval.low), decimal_text(interval.high)
    return IntervalFields(value=low if interval.is_exact else None, low=low, high=high)
