"""Type checking and lowering: surface tree → core tree.

Every name is resolved against the rulebook's vocabulary (facts, definitions, interpretation points,
built-ins), every literal is checked against the type and allowed values of what it is compared
with, and the tree is lowered to the small core every back end implements:

* definitions are inlined (so a back end never sees them);
* `x in 19..29` becomes `x >= 19 and x <= 29`;
* comparisons on ordered enums (`work_capacity_reduction >= "half"`) become memberships;
* `x OP reading(p)` is expanded over p's declared values: `(reading(p) == v1 and x OP v1) or …`,
  which keeps Kleene's semantics exact (an unknown reading cannot make a false comparison unknown);
* dates become day ordinals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tolka.errors import ExpressionTypeError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.printer import operand_text
from tolka.i18n import N_
from tolka.model.interpretation import InterpretationPoint
from tolka.model.vocabulary import Fact
from tolka.periods import PERIOD_FUNCTIONS, DateTerm

# Built-in functions of one date fact, evaluated at the evaluation date (see engine.derived).
FUNCTIONS: dict[str, str] = {
    "age": "full years of age at the evaluation date",
    "age_this_year": "the age reached during the evaluation date's calendar year",
    "years_since": "full years from the date to the evaluation date",
    "months_since": "full months from the date to the evaluation date",
    "days_since": "days from the date to the evaluation date",
}
# Built-in values that depend only on the evaluation date; always known.
BUILTINS: dict[str, str] = {
    "evaluation_half_year": "1 for January–June, 2 for July–December of the evaluation date",
    "evaluation_year": "the calendar year of the evaluation date",
}
# The evaluation date itself: compared only with a date term (`evaluation_date >= turns(birth_date, 18)`).
EVALUATION_DATE = "evaluation_date"
_DATE_TERM_HINT = N_(
    "compare the evaluation date with a date term, e.g. "
    "`evaluation_date >= start_of_quarter_after(turns(birth_date, 16))`"
)


@dataclass(frozen=True)
class ValueType:
    """The type of an operand: kind plus, for enums, the allowed values."""

    kind: str  # bool | enum | number | date | code
    values: tuple = ()
    ordered: bool = False
    pattern: str | None = None
    what: str = ""  # how to name the operand in messages


@dataclass
class Vocabulary:
    """What names mean: facts, lowered definitions and interpretation points."""

    facts: Mapping[str, Fact]
    points: Mapping[str, InterpretationPoint]
    definitions: dict[str, A.Expr] = field(default_factory=dict)
    # Resolves definitions lazily (in dependency order) and reports cycles; set by the loader.
    resolve_definition: Callable[[str], A.Expr | None] | None = None


def date_term(operand: A.Operand, vocab: Vocabulary) -> DateTerm:
    """A date fact, `turns(fact, N)` or a calendar function of one, checked against the vocabulary."""
    functions: list[str] = []
    while isinstance(operand, A.Period):
        if operand.function not in PERIOD_FUNCTIONS:  # the parser only builds known ones
            raise UnknownNameError(
                N_("unknown calendar function `{function}`"), column=operand.column, function=operand.function
            )
        functions.append(operand.function)
        operand = operand.argument
    if isinstance(operand, A.Turns):
        name, years, column = operand.fact, operand.years, operand.column
    elif isinstance(operand, A.Name):
        name, years, column = operand.name, None, operand.column
    else:
        raise ExpressionTypeError(N_("`{term}` is not a date"), hint=_DATE_TERM_HINT, term=operand_text(operand))
    fact = vocab.facts.get(name)
    if fact is None:
        raise UnknownNameError(N_("unknown fact `{fact}`"), column=column, fact=name)
    if fact.type != "date":
        raise ExpressionTypeError(
            N_("a calendar term needs a date fact, but `{fact}` is {type}"), column=column, fact=name, type=fact.type
        )
    return DateTerm(name, years, tuple(functions))


def _is_date_term(operand: A.Operand | A.Lit) -> bool:
    return isinstance(operand, (A.Turns, A.Period))


def _lower_date_comparison(left: A.Operand | A.Lit, op: str, right: A.Operand | A.Lit, vocab: Vocabulary) -> A.Expr:
    """`evaluation_date OP term` → `days from the term's date to the evaluation date OP 0`."""
    if isinstance(right, A.Name) and right.name == EVALUATION_DATE:
        left, right, op = right, left, A.FLIPPED_OPERATOR[op]
    if not (isinstance(left, A.Name) and left.name == EVALUATION_DATE) or isinstance(right, (A.Lit, A.ReadingRef)):
        raise ExpressionTypeError(
            N_("a date term can only be compared with the evaluation date, not `{other}`"),
            hint=_DATE_TERM_HINT,
            other=operand_text(left) if not isinstance(left, A.Lit) else left.value,
        )
    term = date_term(right, vocab)
    return A.Cmp(A.Field("derived", term.field_name, term.fact), op, 0)


def _operand(operand: A.Operand, vocab: Vocabulary) -> tuple[A.Field, ValueType]:
    if isinstance(operand, (A.Turns, A.Period)) or (isinstance(operand, A.Name) and operand.name == EVALUATION_DATE):
        raise ExpressionTypeError(
            N_("`{term}` is a date: it can only be compared (evaluation date with a date term)"),
            column=operand.column,
            hint=_DATE_TERM_HINT,
            term=operand_text(operand),
        )
    if isinstance(operand, A.ReadingRef):
        point = vocab.points.get(operand.point)
        if point is None:
            raise UnknownNameError(
                N_("unknown interpretation point `{point}`"),
                column=operand.column,
                hint=N_("points are declared under `points:` in rules/<country>/points/"),
                point=operand.point,
            )
        kind = "enum" if point.value_type == "enum" else "number"
        return A.Field("reading", point.id), ValueType(kind, point.value_ids, what=f"reading({point.id})")
    if isinstance(operand, A.Call):
        if operand.function not in FUNCTIONS:
            raise UnknownNameError(
                N_("unknown function `{function}`"),
                column=operand.column,
                hint=N_("functions: {functions}"),
                function=operand.function,
                functions=", ".join(sorted(FUNCTIONS)),
            )
        fact = vocab.facts.get(operand.argument)
        if fact is None:
            raise UnknownNameError(N_("unknown fact `{fact}`"), column=operand.column, fact=operand.argument)
        if fact.type != "date":
            raise ExpressionTypeError(
                N_("`{function}` takes a date fact, but `{fact}` is {type}"),
                column=operand.column,
                function=operand.function,
                fact=fact.name,
                type=fact.type,
            )
        return A.Field("derived", operand.function, fact.name), ValueType(
            "number", what=f"{operand.function}({fact.name})"
        )
    name = operand.name
    if name in BUILTINS:
        return A.Field("derived", name), ValueType("number", what=name)
    fact = vocab.facts.get(name)
    if fact is None:
        if name in vocab.definitions or (vocab.resolve_definition and vocab.resolve_definition(name) is not None):
            raise ExpressionTypeError(
                N_("`{name}` is a definition (a condition); it can only be used on its own, not compared"),
                column=operand.column,
                name=name,
            )
        raise UnknownNameError(
            N_("unknown fact `{fact}`"),
            column=operand.column,
            hint=N_("facts are declared in rules/facts.yaml; definitions under `definitions:`"),
            fact=name,
        )
    kind = {"integer": "number", "number": "number"}.get(fact.type, fact.type)
    return A.Field("fact", fact.name), ValueType(
        kind, fact.value_ids, ordered=fact.ordered, pattern=fact.pattern, what=f"`{fact.name}`"
    )


def _literal(value: A.Literal, vtype: ValueType) -> bool | int | float | str:
    """Check one literal against a type and return its core representation."""
    kind = vtype.kind
    if kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "number":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if vtype.values and value not in vtype.values:
                raise ExpressionTypeError(
                    N_("{value} is not a declared value of {what}"),
                    hint=N_("declared values: {values}"),
                    value=value,
                    what=vtype.what,
                    values=", ".join(str(v) for v in vtype.values),
                )
            return value
    elif kind == "date":
        if isinstance(value, dt.date):
            return value.toordinal()
    elif kind == "enum":
        if isinstance(value, str):
            if value not in vtype.values:
                raise ExpressionTypeError(
                    N_('"{value}" is not an allowed value of {what}'),
                    hint=N_("allowed: {values}"),
                    value=value,
                    what=vtype.what,
                    values=", ".join(str(v) for v in vtype.values),
                )
            return value
    elif kind == "code":
        if isinstance(value, str):
            if vtype.pattern and not re.fullmatch(vtype.pattern, value):
                raise ExpressionTypeError(
                    N_('"{value}" does not match the pattern of {what} ({pattern})'),
                    value=value,
                    what=vtype.what,
                    pattern=vtype.pattern,
                )
            return value
    shown = value.isoformat() if isinstance(value, dt.date) else repr(value)
    raise ExpressionTypeError(
        N_("{what} is {kind}, but is compared with {value}"), what=vtype.what, kind=kind, value=shown
    )


def _compare_literal(fld: A.Field, vtype: ValueType, op: str, value: A.Literal) -> A.Expr:
    core = _literal(value, vtype)
    if op in ("==", "!="):
        return A.Cmp(fld, op, core)
    if vtype.kind in ("number", "date"):
        return A.Cmp(fld, op, core)
    if vtype.kind == "enum" and vtype.ordered:
        rank = {v: i for i, v in enumerate(vtype.values)}
        keep = {
            "<": lambda r: r < rank[core],
            "<=": lambda r: r <= rank[core],
            ">": lambda r: r > rank[core],
            ">=": lambda r: r >= rank[core],
        }[op]
        return A.Member(fld, tuple(v for v in vtype.values if keep(rank[v])))
    raise ExpressionTypeError(
        N_("{what} is {kind}; only == and != apply")
        if vtype.kind != "enum"
        else N_("{what} is {kind} (not ordered); only == and != apply"),
        hint=N_("declare the fact `ordered: true` if its values have an order"),
        what=vtype.what,
        kind=vtype.kind,
    )


def _lower(expr: A.Expr, vocab: Vocabulary) -> A.Expr:
    if isinstance(expr, A.Not):
        return A.Not(_lower(expr.item, vocab))
    if isinstance(expr, A.And):
        return A.And(tuple(_lower(item, vocab) for item in expr.items))
    if isinstance(expr, A.Or):
        return A.Or(tuple(_lower(item, vocab) for item in expr.items))
    if isinstance(expr, A.Const):
        return expr
    if isinstance(expr, A.Known):
        fld, _ = _operand(expr.operand, vocab)
        return A.IsKnown(fld)
    if isinstance(expr, A.Truthy):
        operand = expr.operand
        if isinstance(operand, A.Name) and operand.name not in vocab.facts and operand.name not in BUILTINS:
            definition = vocab.definitions.get(operand.name)
            if definition is None and vocab.resolve_definition is not None:
                definition = vocab.resolve_definition(operand.name)
            if definition is not None:
                return definition
        fld, vtype = _operand(operand, vocab)
        if vtype.kind != "bool":
            raise ExpressionTypeError(
                N_("{what} is {kind}; a condition needs a yes/no value"),
                hint=N_("compare it, e.g. `{operand} == ...`"),
                what=vtype.what,
                kind=vtype.kind,
                operand=operand_text(operand),
            )
        return A.Cmp(fld, "==", True)
    if isinstance(expr, A.InRange):
        fld, vtype = _operand(expr.operand, vocab)
        if vtype.kind != "number":
            raise ExpressionTypeError(
                N_("a range needs a number, but {what} is {kind}"), what=vtype.what, kind=vtype.kind
            )
        if expr.low > expr.high:
            raise ExpressionTypeError(N_("empty range {low}..{high}"), low=expr.low, high=expr.high)
        return A.And((A.Cmp(fld, ">=", expr.low), A.Cmp(fld, "<=", expr.high)))
    if isinstance(expr, A.InList):
        fld, vtype = _operand(expr.operand, vocab)
        if not expr.values:
            raise ExpressionTypeError(
                N_("an empty list matches nothing"), hint=N_("remove the condition or list values")
            )
        values = tuple(dict.fromkeys(_literal(v.value, vtype) for v in expr.values))
        member = A.Member(fld, values)
        return A.Not(member) if expr.negated else member
    if isinstance(expr, A.Compare):
        return _lower_compare(expr, vocab)
    raise TypeError(f"cannot lower {expr!r}")


def _lower_compare(expr: A.Compare, vocab: Vocabulary) -> A.Expr:
    left, op, right = expr.left, expr.op, expr.right
    if any(
        _is_date_term(side) or (isinstance(side, A.Name) and side.name == EVALUATION_DATE) for side in (left, right)
    ):
        return _lower_date_comparison(left, op, right, vocab)
    if isinstance(right, A.Lit):
        fld, vtype = _operand(left, vocab)
        return _compare_literal(fld, vtype, op, right.value)
    # operand OP operand: one side must be a reading with declared values; expand over them.
    if isinstance(left, A.ReadingRef) and not isinstance(right, A.ReadingRef):
        left, right, op = right, left, A.FLIPPED_OPERATOR[op]
    if not isinstance(right, A.ReadingRef) or isinstance(left, A.ReadingRef):
        raise ExpressionTypeError(
            N_("cannot compare `{left}` with `{right}`"),
            hint=N_("compare a fact with a literal, or a fact with one reading(point)"),
            left=operand_text(left),
            right=operand_text(right),
        )
    fld, vtype = _operand(left, vocab)
    reading_field, reading_type = _operand(right, vocab)
    if reading_type.kind != vtype.kind:
        message, theirs = N_("{what} is {kind} but {other} is {other_kind}"), reading_type
        raise ExpressionTypeError(message, what=vtype.what, kind=vtype.kind, other=theirs.what, other_kind=theirs.kind)
    branches = []
    for value in reading_type.values:
        branches.append(A.And((A.Cmp(reading_field, "==", value), _compare_literal(fld, vtype, op, value))))
    return A.Or(tuple(branches)) if len(branches) > 1 else branches[0]


def lower(expr: A.Expr, vocab: Vocabulary) -> A.Expr:
    """Type-check a surface expression and lower it to the core. Raises on any type error."""
    return _lower(expr, vocab)
