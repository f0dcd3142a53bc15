"""The money/period type checker of amount formulas: a parsed formula → its typed tree.

The checker refuses what a statute never does: adding a monthly to a yearly amount, money times
money, a multiple of the prisbasbelopp applied to anything but the prisbasbelopp.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from tolka.errors import ExpressionTypeError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.formula import FAmountOf, FCall, FChoice, FName, FNegative, FNumber, Formula, FParam, FReading
from tolka.expr.money import (
    BASE_PARAMETERS,
    BASES,
    CONVERSIONS,
    CURRENCY,
    INFINITY,
    NO_PERIOD,
    NUMBER,
    PERIODS_PER_YEAR,
    ROUNDING,
    MoneyType,
)
from tolka.expr.typecheck import BUILTINS, FUNCTIONS, Vocabulary, lower
from tolka.expr.typed_formula import (
    TAmountOf,
    TArith,
    TChoice,
    TConst,
    TConvert,
    TExtreme,
    TField,
    TNegative,
    TParam,
    TRound,
    TStep,
    Typed,
)
from tolka.i18n import N_


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
    """The hint's message id; it may name `{left_period}` and `{right_period}`."""
    if left.kind == right.kind and left.unit == right.unit and NO_PERIOD not in (left.period, right.period):
        return N_("convert one side first: {left_period}(…) or {right_period}(…) (a year = 12 months = 52 weeks)")
    if NUMBER in (left, right):
        return N_("a plain number can be added only to a number; multiply a share by an amount instead")
    return N_("both sides must be the same currency counted in the same period")


def _unify(what: str, items: list[Typed]) -> MoneyType:
    """The common type of the operands of +, -, min, max or a choice; a literal takes the others' type."""
    typed = [item.type for item in items if not isinstance(item, TConst)]
    target = typed[0] if typed else NUMBER
    for other in typed[1:]:
        if other != target:
            raise ExpressionTypeError(
                N_("{what} combines {target} with {other}"),
                hint=_same_type_hint(target, other),
                what=what,
                target=target,
                other=other,
                left_period=target.period,
                right_period=other.period,
            )
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
            N_("cannot multiply two amounts of money ({a} × {b})"),
            hint=N_("one side must be a share or a count"),
            a=a,
            b=b,
        )
    if kinds == {"multiple"}:
        raise ExpressionTypeError(N_("cannot multiply two multiples of base amounts ({a} × {b})"), a=a, b=b)
    multiple, base = (a, b) if a.kind == "multiple" else (b, a)
    expected = MoneyType("money", BASES[multiple.unit or ""], "per_year")
    if base != expected:
        raise ExpressionTypeError(
            N_("{multiple} applies to the {unit} ({expected}), not to {base}"),
            hint=N_("multiply it by the base amount's parameter, e.g. param({parameter})"),
            multiple=multiple,
            unit=multiple.unit,
            expected=expected,
            base=base,
            parameter=BASE_PARAMETERS[multiple.unit or ""],
        )
    return MoneyType("money", base.unit, multiple.period)


def _divide(left: Typed, right: Typed) -> MoneyType:
    a, b = left.type, right.type
    if b.kind == "number":
        return a
    if a == b:
        return NUMBER  # a share: money over money of the same kind
    raise ExpressionTypeError(
        N_("cannot divide {a} by {b}"),
        hint=N_("divide by a number, or two amounts of the same currency and period"),
        a=a,
        b=b,
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
            N_("`{what}` is a reading with named values, not a number"),
            hint=N_('use it in a condition: `if reading({point}) == "…" then … else …`'),
            what=what,
            point=fld.name,
        )
    if fld.kind == "derived":
        return TField(fld, NUMBER, Decimal(0) if fld.argument else -INFINITY, INFINITY)
    fact = vocab.facts[fld.name]
    if fact.type not in ("integer", "number"):
        raise ExpressionTypeError(
            N_("`{fact}` is {type}, not a number or an amount"),
            hint=N_("use it in a condition: `if {fact} … then … else …`"),
            fact=fact.name,
            type=fact.type,
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
            N_("unknown name `{name}`: neither an earlier step nor a fact"),
            column=node.column,
            hint=N_("a step can use the steps above it, facts of rules/facts.yaml, param(…), amount(…), reading(…)"),
            name=node.name,
        )
    return _field_type(A.Field("fact", node.name), scope, node.name)


def _call(node: FCall, scope: FormulaScope) -> Typed:
    name, args = node.function, node.arguments
    if name in FUNCTIONS:
        if len(args) != 1 or not isinstance(args[0], FName):
            raise ExpressionTypeError(
                N_("`{name}` takes one date fact, e.g. `{name}(birth_date)`"), column=node.column, name=name
            )
        fld, _ = _lowered_operand(A.Call(name, args[0].name, column=node.column), scope)
        return _field_type(fld, scope, f"{name}({args[0].name})")
    typed = [check(arg, scope) for arg in args]
    if name in ("min", "max"):
        if len(typed) < 2:
            raise ExpressionTypeError(N_("`{name}` takes two or more values"), column=node.column, name=name)
        target = _unify(f"`{name}(…)`", typed)
        extreme: Literal["min", "max"] = "min" if name == "min" else "max"
        return TExtreme(extreme, tuple(_retype(t, target) for t in typed), target)
    if name in ROUNDING:
        if len(typed) not in (1, 2) or (len(typed) == 2 and not isinstance(typed[1], TConst)):
            raise ExpressionTypeError(
                N_("`{name}` takes a value and optionally a step: `{name}(x)` (whole units) or `{name}(x, 100)`"),
                column=node.column,
                name=name,
            )
        step = typed[1].value if len(typed) == 2 and isinstance(typed[1], TConst) else Decimal(1)
        if step <= 0:
            raise ExpressionTypeError(N_("`{name}`'s step must be positive"), column=node.column, name=name)
        return TRound(name, typed[0], step, typed[0].type)
    if name in CONVERSIONS:
        if len(typed) != 1:
            raise ExpressionTypeError(N_("`{name}` takes one amount"), column=node.column, name=name)
        source = typed[0].type
        if source.kind == "number" or source.period == NO_PERIOD:
            raise ExpressionTypeError(
                N_("`{name}` converts an amount counted per period, not {source}"),
                column=node.column,
                hint=N_("lump sums and base amounts have no period to convert"),
                name=name,
                source=source,
            )
        factor = Fraction(PERIODS_PER_YEAR[source.period], PERIODS_PER_YEAR[name])
        return TConvert(typed[0], factor, MoneyType(source.kind, source.unit, name))
    raise UnknownNameError(
        N_("unknown function `{function}`"),
        column=node.column,
        hint=N_("functions: {functions}"),
        function=name,
        functions=", ".join(["min", "max", *ROUNDING, *CONVERSIONS, *sorted(FUNCTIONS)]),
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
    # duplicates: parameters and amounts are looked up alike; each has its own message and hint.
    if isinstance(node, FParam):
        ptype = scope.parameter_type(node.parameter)
        if ptype is None:
            raise UnknownNameError(
                N_("unknown parameter `{parameter}` of {country}"),
                column=node.column,
                hint=N_("`tolka parameters` lists the parameters; docs/parameters.md the format"),
                parameter=node.parameter,
                country=scope.country,
            )
        return TParam(node.parameter, ptype)
    if isinstance(node, FAmountOf):
        atype = scope.amount_type(node.support)
        if atype is None:
            raise UnknownNameError(
                N_("`amount({support})`: no amount calculation for support `{support}` of {country}"),
                column=node.column,
                hint=N_("write an `amounts:` entry for that support first (docs/amounts.md)"),
                support=node.support,
                country=scope.country,
            )
        return TAmountOf(node.support, atype)
    if isinstance(node, FReading):
        if node.point not in scope.vocabulary.points:
            raise UnknownNameError(N_("unknown interpretation point `{point}`"), column=node.column, point=node.point)
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
