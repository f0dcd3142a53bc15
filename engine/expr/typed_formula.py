"""The typed tree of an amount formula: every node carries its `MoneyType` (tolka.expr.money).

tolka.expr.formula_check builds it from a parsed formula; tolka.amount_calculation evaluates it on
intervals for one case and tolka.backends.vector.amounts on arrays for a population.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from tolka.expr import ast as A
from tolka.expr.money import MoneyType


# duplicates: one frozen dataclass per node kind, so node classes look alike by necessity.
@dataclass(frozen=True)
class TConst:
    value: Decimal
    type: MoneyType


@dataclass(frozen=True)
class TField:
    """A value of the evaluation document: a fact, a reading or a derived value (an age)."""

    field: A.Field
    type: MoneyType
    low: Decimal  # the bounds an unknown value lies within (a money fact: 0 to no limit)
    high: Decimal


@dataclass(frozen=True)
class TParam:
    parameter: str
    type: MoneyType


@dataclass(frozen=True)
class TAmountOf:
    support: str
    type: MoneyType


@dataclass(frozen=True)
class TStep:
    step: str
    type: MoneyType


@dataclass(frozen=True)
class TArith:
    op: str
    left: Typed
    right: Typed
    type: MoneyType


@dataclass(frozen=True)
class TNegative:
    item: Typed
    type: MoneyType


@dataclass(frozen=True)
class TExtreme:
    function: Literal["min", "max"]
    items: tuple[Typed, ...]
    type: MoneyType


@dataclass(frozen=True)
class TRound:
    mode: str  # round_down | round_up | round_nearest
    item: Typed
    step: Decimal
    type: MoneyType


@dataclass(frozen=True)
class TConvert:
    item: Typed
    factor: Fraction  # periods-per-year of the source over those of the target
    type: MoneyType


@dataclass(frozen=True)
class TChoice:
    condition: A.Expr  # lowered
    then: Typed
    otherwise: Typed
    type: MoneyType


Typed = TConst | TField | TParam | TAmountOf | TStep | TArith | TNegative | TExtreme | TRound | TConvert | TChoice


def reads(node: Typed) -> list[Typed]:
    """The leaves of a checked formula that read something (parameters, fields, amounts, steps)."""
    if isinstance(node, (TParam, TField, TAmountOf, TStep)):
        return [node]
    if isinstance(node, TConst):
        return []
    if isinstance(node, TArith):
        return reads(node.left) + reads(node.right)
    if isinstance(node, (TNegative, TRound, TConvert)):
        return reads(node.item)
    if isinstance(node, TExtreme):
        return [leaf for item in node.items for leaf in reads(item)]
    return reads(node.then) + reads(node.otherwise)


def condition_fields(node: Typed) -> list[A.Field]:
    """The fields the conditions of a formula's choices read."""
    if isinstance(node, TChoice):
        return A.fields(node.condition) + condition_fields(node.then) + condition_fields(node.otherwise)
    if isinstance(node, TArith):
        return condition_fields(node.left) + condition_fields(node.right)
    if isinstance(node, (TNegative, TRound, TConvert)):
        return condition_fields(node.item)
    if isinstance(node, TExtreme):
        return [f for item in node.items for f in condition_fields(item)]
    return []
