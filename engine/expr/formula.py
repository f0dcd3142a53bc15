"""Amount formulas: parsing, the money/period type checker, and the typed tree amounts evaluate.

A formula is a step of an amount calculation (docs/amounts.md): arithmetic over dated parameters,
money facts, readings that set amounts, other supports' amounts and earlier steps, with `min`,
`max`, rounding as the statute words it, explicit period conversions and `if … then … else …`
over a condition. The grammar is the condition language's (engine/expr/grammar.lark, start
`formula`); nothing is ever `eval`-ed.

Every node of the checked tree carries its `MoneyType`. The checker refuses what a statute never
does: adding a monthly to a yearly amount, money times money, a multiple of the prisbasbelopp
applied to anything but the prisbasbelopp.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from lark import Token, v_args
from lark.exceptions import UnexpectedInput, VisitError

from tolka.errors import ExpressionSyntaxError, ExpressionTypeError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.parser import ToTree, parse_tree, syntax_error
from tolka.expr.typecheck import BUILTINS, FUNCTIONS, Vocabulary, lower

# How many of each period a year has: a year is 12 months, 52 weeks or 13 four-week periods.
PERIODS_PER_YEAR: dict[str, int] = {"per_year": 1, "per_month": 12, "per_week": 52, "per_4_weeks": 13}
NO_PERIOD = "none"
CURRENCY = {"SE": "SEK", "NO": "NOK"}
BASES = {"prisbasbelopp": "SEK", "G": "NOK"}  # a multiple of a base amount, and the base's currency
BASE_PARAMETERS = {"prisbasbelopp": "se.prisbasbelopp", "G": "no.grunnbelop"}
ROUNDING = ("round_down", "round_up", "round_nearest")
CONVERSIONS = tuple(PERIODS_PER_YEAR)


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


# --- surface tree ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FNumber:
    value: Decimal


@dataclass(frozen=True)
class FName:
    """A step, a numeric or money fact, or a built-in value."""

    name: str
    column: int = 0


@dataclass(frozen=True)
class FParam:
    parameter: str
    column: int = 0


@dataclass(frozen=True)
class FAmountOf:
    support: str
    column: int = 0


@dataclass(frozen=True)
class FReading:
    point: str
    column: int = 0


@dataclass(frozen=True)
class FCall:
    function: str
    arguments: tuple[Formula, ...]
    column: int = 0


@dataclass(frozen=True)
class FBinary:
    op: str  # + - * /
    left: Formula
    right: Formula


@dataclass(frozen=True)
class FNegative:
    item: Formula


@dataclass(frozen=True)
class FChoice:
    condition: A.Expr  # surface condition
    then: Formula
    otherwise: Formula


Formula = FNumber | FName | FParam | FAmountOf | FReading | FCall | FBinary | FNegative | FChoice


@v_args(inline=True)
class _ToFormula(ToTree):
    def formula(self, item: Formula) -> Formula:
        return item

    def choice(self, condition: A.Expr, then: Formula, otherwise: Formula) -> Formula:
        return FChoice(condition, then, otherwise)

    def add(self, left: Formula, right: Formula) -> Formula:
        return FBinary("+", left, right)

    def sub(self, left: Formula, right: Formula) -> Formula:
        return FBinary("-", left, right)

    def mul(self, left: Formula, right: Formula) -> Formula:
        return FBinary("*", left, right)

    def div(self, left: Formula, right: Formula) -> Formula:
        return FBinary("/", left, right)

    def negative(self, item: Formula) -> Formula:
        return FNegative(item)

    def fnumber(self, token: Token) -> Formula:
        return FNumber(Decimal(str(token)))

    def param(self, token: Token) -> Formula:
        return FParam(str(token), token.column or 0)

    def amount_of(self, token: Token) -> Formula:
        return FAmountOf(str(token), token.column or 0)

    def freading(self, token: Token) -> Formula:
        return FReading(str(token), token.column or 0)

    def fcall(self, function: Token, *arguments: Formula) -> Formula:
        return FCall(str(function), tuple(arguments), function.column or 0)

    def fname(self, token: Token) -> Formula:
        return FName(str(token), token.column or 0)


def parse_formula(text: str) -> Formula:
    """Parse one amount formula. Raises `ExpressionSyntaxError` naming the column and what was expected."""
    try:
        return _ToFormula().transform(parse_tree(text, "formula"))
    except VisitError as exc:
        if isinstance(exc.orig_exc, ExpressionSyntaxError):
            raise exc.orig_exc from None
        raise
    except UnexpectedInput as exc:
        raise syntax_error(exc, text, "formula") from None


# --- typed tree -----------------------------------------------------------------------------------


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

INFINITY = Decimal("Infinity")


@dataclass
class FormulaScope:
    """What names mean in one calculation: the vocabulary, parameters, supports' amount types, steps."""

    vocabulary: Vocabulary
    country: str
    parameter_type: Callable[[str], MoneyType | None]  # None: no such parameter of this country
    amount_type: Callable[[str], MoneyType | None]  # None: no amount calculation for that support
    steps: Mapping[str, MoneyType]

    @property
    def currency(self) -> str:
        return CURRENCY[self.country]


def _same_type_hint(left: MoneyType, right: MoneyType) -> str:
    if left.kind == right.kind and left.unit == right.unit and NO_PERIOD not in (left.period, right.period):
        return f"convert one side first: {left.period}(…) or {right.period}(…) (a year = 12 months = 52 weeks)"
    if NUMBER in (left, right):
        return "a plain number can be added only to a number; multiply a share by an amount instead"
    return "both sides must be the same currency counted in the same period"


def _unify(what: str, items: list[Typed]) -> MoneyType:
    """The common type of the operands of +, -, min, max or a choice; a literal takes the others' type."""
    typed = [item.type for item in items if not isinstance(item, TConst)]
    target = typed[0] if typed else NUMBER
    for other in typed[1:]:
        if other != target:
            raise ExpressionTypeError(f"{what} combines {target} with {other}", hint=_same_type_hint(target, other))
    return target


def _retype(item: Typed, target: MoneyType) -> Typed:
    return TConst(item.value, target) if isinstance(item, TConst) else item


def _multiply(left: Typed, right: Typed) -> MoneyType:
    a, b = left.type, right.type
    if a.kind == "number":
        return b
    if b.kind == "number":
        return a
    kinds = {a.kind, b.kind}
    if kinds == {"money"}:
        raise ExpressionTypeError(
            f"cannot multiply two amounts of money ({a} × {b})", hint="one side must be a share or a count"
        )
    if kinds == {"multiple"}:
        raise ExpressionTypeError(f"cannot multiply two multiples of base amounts ({a} × {b})")
    multiple, base = (a, b) if a.kind == "multiple" else (b, a)
    expected = MoneyType("money", BASES[multiple.unit or ""], "per_year")
    if base != expected:
        raise ExpressionTypeError(
            f"{multiple} applies to the {multiple.unit} ({expected}), not to {base}",
            hint=f"multiply it by the base amount's parameter, e.g. param({BASE_PARAMETERS[multiple.unit or '']})",
        )
    return MoneyType("money", base.unit, multiple.period)


def _divide(left: Typed, right: Typed) -> MoneyType:
    a, b = left.type, right.type
    if b.kind == "number":
        return a
    if a == b:
        return NUMBER  # a share: money over money of the same kind
    raise ExpressionTypeError(
        f"cannot divide {a} by {b}", hint="divide by a number, or two amounts of the same currency and period"
    )


def _field_type(fld: A.Field, scope: FormulaScope, what: str) -> TField:
    vocab = scope.vocabulary
    if fld.kind == "reading":
        point = vocab.points[fld.name]
        if point.value_type == "amount":
            return TField(fld, MoneyType("money", point.unit, point.period or NO_PERIOD), Decimal(0), INFINITY)
        if point.value_type == "number":
            values = [Decimal(str(v)) for v in point.value_ids]
            return TField(fld, NUMBER, min(values, default=-INFINITY), max(values, default=INFINITY))
        raise ExpressionTypeError(
            f"`{what}` is a reading with named values, not a number",
            hint=f'use it in a condition: `if reading({fld.name}) == "…" then … else …`',
        )
    if fld.kind == "derived":
        return TField(fld, NUMBER, Decimal(0) if fld.argument else -INFINITY, INFINITY)
    fact = vocab.facts[fld.name]
    if fact.type not in ("integer", "number"):
        raise ExpressionTypeError(
            f"`{fact.name}` is {fact.type}, not a number or an amount",
            hint=f"use it in a condition: `if {fact.name} … then … else …`",
        )
    low = Decimal(str(fact.minimum)) if fact.minimum is not None else -INFINITY
    high = Decimal(str(fact.maximum)) if fact.maximum is not None else INFINITY
    if fact.unit == "money":
        # A money fact's `maximum` only refuses absurd input; an unknown amount has no upper bound in law.
        return TField(fld, MoneyType("money", scope.currency, fact.period or NO_PERIOD), max(low, Decimal(0)), INFINITY)
    return TField(fld, NUMBER, low, high)


def _name(node: FName, scope: FormulaScope) -> Typed:
    if node.name in scope.steps:
        return TStep(node.name, scope.steps[node.name])
    if node.name in BUILTINS:
        return _field_type(A.Field("derived", node.name), scope, node.name)
    if node.name not in scope.vocabulary.facts:
        raise UnknownNameError(
            f"unknown name `{node.name}`: neither an earlier step nor a fact",
            column=node.column,
            hint="a step can use the steps above it, facts of rules/facts.yaml, param(…), amount(…), reading(…)",
        )
    return _field_type(A.Field("fact", node.name), scope, node.name)


def _call(node: FCall, scope: FormulaScope) -> Typed:
    name, args = node.function, node.arguments
    if name in FUNCTIONS:
        if len(args) != 1 or not isinstance(args[0], FName):
            raise ExpressionTypeError(f"`{name}` takes one date fact, e.g. `{name}(birth_date)`", column=node.column)
        fld, _ = _lowered_operand(A.Call(name, args[0].name, column=node.column), scope)
        return _field_type(fld, scope, f"{name}({args[0].name})")
    typed = [check(arg, scope) for arg in args]
    if name in ("min", "max"):
        if len(typed) < 2:
            raise ExpressionTypeError(f"`{name}` takes two or more values", column=node.column)
        target = _unify(f"`{name}(…)`", typed)
        extreme: Literal["min", "max"] = "min" if name == "min" else "max"
        return TExtreme(extreme, tuple(_retype(t, target) for t in typed), target)
    if name in ROUNDING:
        if len(typed) not in (1, 2) or (len(typed) == 2 and not isinstance(typed[1], TConst)):
            raise ExpressionTypeError(
                f"`{name}` takes a value and optionally a step: `{name}(x)` (whole units) or `{name}(x, 100)`",
                column=node.column,
            )
        step = typed[1].value if len(typed) == 2 and isinstance(typed[1], TConst) else Decimal(1)
        if step <= 0:
            raise ExpressionTypeError(f"`{name}`'s step must be positive", column=node.column)
        return TRound(name, typed[0], step, typed[0].type)
    if name in CONVERSIONS:
        if len(typed) != 1:
            raise ExpressionTypeError(f"`{name}` takes one amount", column=node.column)
        source = typed[0].type
        if source.kind == "number" or source.period == NO_PERIOD:
            raise ExpressionTypeError(
                f"`{name}` converts an amount counted per period, not {source}",
                column=node.column,
                hint="lump sums and base amounts have no period to convert",
            )
        factor = Fraction(PERIODS_PER_YEAR[source.period], PERIODS_PER_YEAR[name])
        return TConvert(typed[0], factor, MoneyType(source.kind, source.unit, name))
    raise UnknownNameError(
        f"unknown function `{name}`",
        column=node.column,
        hint=f"functions: min, max, {', '.join(ROUNDING)}, {', '.join(CONVERSIONS)}, {', '.join(sorted(FUNCTIONS))}",
    )


def _lowered_operand(operand: A.Operand, scope: FormulaScope) -> tuple[A.Field, None]:
    """The field of a fact function or reading, checked by the condition language's own checker."""
    lowered = lower(A.Known(operand), scope.vocabulary)
    assert isinstance(lowered, A.IsKnown)
    return lowered.field, None


def check(node: Formula, scope: FormulaScope) -> Typed:
    """Type-check a parsed formula; raises `ExpressionTypeError` / `UnknownNameError` with a hint."""
    if isinstance(node, FNumber):
        return TConst(node.value, NUMBER)
    if isinstance(node, FName):
        return _name(node, scope)
    if isinstance(node, FParam):
        ptype = scope.parameter_type(node.parameter)
        if ptype is None:
            raise UnknownNameError(
                f"unknown parameter `{node.parameter}` of {scope.country}",
                column=node.column,
                hint="`tolka parameters` lists the parameters; docs/parameters.md the format",
            )
        return TParam(node.parameter, ptype)
    if isinstance(node, FAmountOf):
        atype = scope.amount_type(node.support)
        if atype is None:
            raise UnknownNameError(
                f"`amount({node.support})`: no amount calculation for support `{node.support}` of {scope.country}",
                column=node.column,
                hint="write an `amounts:` entry for that support first (docs/amounts.md)",
            )
        return TAmountOf(node.support, atype)
    if isinstance(node, FReading):
        if node.point not in scope.vocabulary.points:
            raise UnknownNameError(f"unknown interpretation point `{node.point}`", column=node.column)
        fld, _ = _lowered_operand(A.ReadingRef(node.point, node.column), scope)
        return _field_type(fld, scope, f"reading({node.point})")
    if isinstance(node, FCall):
        return _call(node, scope)
    if isinstance(node, FNegative):
        item = check(node.item, scope)
        return TNegative(item, item.type)
    if isinstance(node, FChoice):
        condition = lower(node.condition, scope.vocabulary)
        then, otherwise = check(node.then, scope), check(node.otherwise, scope)
        target = _unify("`if … then … else …`", [then, otherwise])
        return TChoice(condition, _retype(then, target), _retype(otherwise, target), target)
    left, right = check(node.left, scope), check(node.right, scope)
    if node.op in "+-":
        target = _unify(f"`{node.op}`", [left, right])
        return TArith(node.op, _retype(left, target), _retype(right, target), target)
    if node.op == "*":
        return TArith("*", left, right, _multiply(left, right))
    return TArith("/", left, right, _divide(left, right))


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
