"""Amount formulas: the surface tree and its parser.

A formula is a step of an amount calculation (docs/amounts.md): arithmetic over dated parameters,
money facts, readings that set amounts, other supports' amounts and earlier steps, with `min`,
`max`, rounding as the statute words it, explicit period conversions and `if … then … else …`
over a condition. The grammar is the condition language's (engine/expr/grammar.lark, start
`formula`); nothing is ever `eval`-ed. tolka.expr.formula_check types the tree
(tolka.expr.typed_formula) that amounts evaluate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lark import Token, v_args
from lark.exceptions import UnexpectedInput, VisitError

from tolka.errors import ExpressionSyntaxError
from tolka.expr import ast as A
from tolka.expr.parser import ToTree, parse_tree, syntax_error


# duplicates: one frozen dataclass per node kind, so node classes look alike by necessity (as in expr/ast.py).
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
