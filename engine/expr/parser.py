"""Rule text → surface expression tree, with Lark. Nothing is ever `eval`-ed."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from tolka.errors import ExpressionSyntaxError, Phrase
from tolka.expr.ast import (
    And,
    Call,
    Compare,
    Const,
    Expr,
    InList,
    InRange,
    Known,
    Lit,
    Name,
    Not,
    Or,
    Period,
    ReadingRef,
    Truthy,
    Turns,
)
from tolka.expr.logic import Truth
from tolka.i18n import N_
from tolka.periods import PERIOD_FUNCTIONS, TURNS

_GRAMMAR = Path(__file__).with_name("grammar.lark")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        _GRAMMAR.read_text(encoding="utf-8"), parser="lalr", propagate_positions=True, start=["start", "formula"]
    )


def parse_tree(text: str, start: str = "start"):
    """The Lark parse tree of a condition (`start`) or an amount formula (`formula`)."""
    return _parser().parse(text, start=start)


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


@v_args(inline=True)
class ToTree(Transformer):
    """Parse tree → surface condition tree (amount formulas extend it: tolka.expr.formula)."""

    # connectives -------------------------------------------------------------------------------
    def disjunction(self, *items: Expr) -> Expr:
        return Or(tuple(items))

    def conjunction(self, *items: Expr) -> Expr:
        return And(tuple(items))

    def negate(self, item: Expr) -> Expr:
        return Not(item)

    def true(self, _token: Token) -> Expr:
        return Const(Truth.TRUE)

    def false(self, _token: Token) -> Expr:
        return Const(Truth.FALSE)

    # atoms -------------------------------------------------------------------------------------
    def compare(self, left, op: Token, right) -> Expr:
        return Compare(left, str(op), right)

    def in_list(self, operand, *values) -> Expr:
        return InList(operand, tuple(v for v in values if v is not None))

    def not_in_list(self, operand, *values) -> Expr:
        return InList(operand, tuple(v for v in values if v is not None), negated=True)

    def in_range(self, operand, low: Token, high: Token) -> Expr:
        if "." in low or "." in high:
            raise ExpressionSyntaxError(
                N_("a range's bounds must be whole numbers"), column=low.column, hint=N_("write e.g. `19..29`")
            )
        return InRange(operand, int(low), int(high))

    def known(self, operand) -> Expr:
        return Known(operand)

    def truthy(self, operand) -> Expr:
        return Truthy(operand)

    # operands ----------------------------------------------------------------------------------
    def reading(self, point: Token):
        return ReadingRef(str(point), column=point.column or 0)

    def call(self, function: Token, argument):
        name = str(function)
        if name in PERIOD_FUNCTIONS:
            if not isinstance(argument, (Name, Turns, Period)):
                raise ExpressionSyntaxError(
                    N_("`{name}` takes a date: a date fact, `turns(fact, N)` or another calendar function"),
                    column=function.column,
                    name=name,
                )
            return Period(name, argument, column=function.column or 0)
        if not isinstance(argument, Name):
            raise ExpressionSyntaxError(
                N_("`{name}` takes a fact name, e.g. `{name}(birth_date)`"),
                column=function.column,
                hint=N_("calendar functions that take a date term: {functions}"),
                name=name,
                functions=", ".join(sorted(PERIOD_FUNCTIONS)),
            )
        return Call(name, argument.name, column=function.column or 0)

    def turns(self, function: Token, fact: Token, years: Token):
        if str(function) != TURNS or "." in years or years.startswith("-"):
            raise ExpressionSyntaxError(
                N_("`{function}(…, {years})` is not a function of the condition language"),
                column=function.column,
                hint=N_("write `turns(birth_date, 16)`: the date on which one turns 16 (a whole number of years)"),
                function=function,
                years=years,
            )
        return Turns(str(fact), int(years), column=function.column or 0)

    def name(self, token: Token):
        return Name(str(token), column=token.column or 0)

    # literals ----------------------------------------------------------------------------------
    def string(self, token: Token) -> Lit:
        return Lit(str(token)[1:-1])

    def number(self, token: Token) -> Lit:
        return Lit(_number(str(token)))

    def date(self, token: Token) -> Lit:
        try:
            return Lit(dt.date.fromisoformat(str(token)))
        except ValueError as exc:
            raise ExpressionSyntaxError(
                N_("{token} is not a valid date"), column=token.column or 0, token=token
            ) from exc

    def true_literal(self, _token: Token) -> Lit:
        return Lit(True)

    def false_literal(self, _token: Token) -> Lit:
        return Lit(False)

    def start(self, expr: Expr) -> Expr:
        return expr


_EXPECTED_WORDS: dict[str, Phrase | str] = {
    "COMPARATOR": Phrase(N_("a comparison (==, !=, <, <=, >, >=)")),
    "NAME": Phrase(N_("a fact name")),
    "STRING": Phrase(N_('a quoted value like "higher_education"')),
    "NUMBER": Phrase(N_("a number")),
    "DATE": Phrase(N_("a date YYYY-MM-DD")),
    "RPAR": "`)`",
    "LPAR": "`(`",
    "RSQB": "`]`",
}


def _describe_expected(expected: set[str]) -> tuple[Phrase | str, ...]:
    """What the grammar expected, as words of the reader's language or tokens as written (at most six)."""
    words = {_EXPECTED_WORDS.get(name, name.strip("_").lower()) for name in expected}
    return tuple(sorted(words, key=str)[:6])


def parse(text: str) -> Expr:
    """Parse one condition. Raises `ExpressionSyntaxError` naming the column and what was expected."""
    try:
        return ToTree().transform(parse_tree(text))
    except VisitError as exc:
        if isinstance(exc.orig_exc, ExpressionSyntaxError):
            raise exc.orig_exc from None
        raise
    except UnexpectedInput as exc:
        raise syntax_error(exc, text) from None


# What ends too early, per kind of text: (at the end of the input, at the end of a token stream).
_TOO_EARLY = {
    "condition": (N_("condition ends too early: `{text}`"), N_("the condition ends too early at the end in `{text}`")),
    "formula": (N_("formula ends too early: `{text}`"), N_("the formula ends too early at the end in `{text}`")),
}


def syntax_error(
    exc: UnexpectedInput, text: str, what: Literal["condition", "formula"] = "condition"
) -> ExpressionSyntaxError:
    """Lark's input error as an `ExpressionSyntaxError` naming the column and what was expected."""
    expected = N_("expected {expected}")
    if isinstance(exc, UnexpectedEOF):
        return ExpressionSyntaxError(
            _TOO_EARLY[what][0], hint=expected, text=text, expected=_describe_expected(set(exc.expected))
        )
    if isinstance(exc, UnexpectedToken):
        return ExpressionSyntaxError(
            _TOO_EARLY[what][1]
            if exc.token.type == "$END"
            else N_("unexpected `{token}` at column {position} in `{text}`"),
            column=exc.column,
            position=exc.column,
            hint=expected,
            token=exc.token,
            text=text,
            expected=_describe_expected(set(exc.expected)),
        )
    if isinstance(exc, UnexpectedCharacters):
        return ExpressionSyntaxError(
            N_("unexpected character {character} at column {position} in `{text}`"),
            column=exc.column,
            position=exc.column,
            hint=N_("strings are written in double quotes; names use lower-case letters, digits and _"),
            character=repr(text[exc.pos_in_stream or 0]),
            text=text,
        )
    # any other Lark input error: Lark's own words
    return ExpressionSyntaxError(N_("cannot parse `{text}`: {problem}"), text=text, problem=exc)
