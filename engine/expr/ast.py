"""The expression tree every back end consumes.

Two layers live here. The *surface* tree is what the parser produces from rule text and what the
printer turns back into text (so `parse(print(tree)) == tree`). The *core* tree is what
`tolka.expr.lower` produces after type checking: definitions inlined, ranges and ordered-enum
comparisons turned into plain comparisons or memberships, and comparisons against a reading
expanded over the point's declared values. Back ends only ever see core nodes plus the shared
`Not`/`And`/`Or`/`Const` connectives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tolka.expr.logic import Truth

Literal = bool | int | float | str | dt.date

COMPARISON_OPERATORS = ("==", "!=", "<", "<=", ">", ">=")
INTEGER = "integer"  # the domain of a field that holds whole numbers (ages, day ordinals, counts)
NEGATED_OPERATOR = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
FLIPPED_OPERATOR = {"==": "==", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}


# duplicates: one frozen dataclass per node kind, so node classes look alike by necessity.
# --- operands (surface) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """A bare name: a fact, a definition or a built-in value, resolved by the type checker."""

    name: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ReadingRef:
    """`reading(point)`: the jurisdiction's reading of an interpretation point."""

    point: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    """A built-in function of one fact, e.g. `age(birth_date)`."""

    function: str
    argument: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Turns:
    """`turns(birth_date, 16)`: the date on which one turns N (see tolka.periods)."""

    fact: str
    years: int
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Period:
    """A calendar convention applied to a date term, e.g. `start_of_quarter_after(turns(birth_date, 16))`."""

    function: str
    argument: Name | Turns | Period
    column: int = field(default=0, compare=False)


Operand = Name | ReadingRef | Call | Turns | Period


# --- conditions (surface) -----------------------------------------------------------------------


@dataclass(frozen=True)
class Compare:
    """`left OP right` where right is a literal or another operand."""

    left: Operand
    op: str
    right: Operand | Lit


@dataclass(frozen=True)
class Lit:
    """A literal value in rule text: string, number, date or boolean."""

    value: Literal


@dataclass(frozen=True)
class InList:
    """`operand in [a, b]` (or `not in` when negated)."""

    operand: Operand
    values: tuple[Lit, ...]
    negated: bool = False


@dataclass(frozen=True)
class InRange:
    """`operand in LOW..HIGH`, both bounds inclusive."""

    operand: Operand
    low: int
    high: int


@dataclass(frozen=True)
class Known:
    """`known(operand)`: true when the value is known, false when unknown; never unknown itself."""

    operand: Operand


@dataclass(frozen=True)
class Truthy:
    """A bare boolean operand used as a condition (a boolean fact, a definition or a reading)."""

    operand: Operand


# --- connectives (shared by both layers) --------------------------------------------------------


@dataclass(frozen=True)
class Not:
    item: Expr


@dataclass(frozen=True)
class And:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Const:
    """A constant truth value (`true` / `false` in rule text; lowering may also produce it)."""

    value: Truth


# --- core atoms (after lowering) ----------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Field:
    """One value in a case document: a fact, a reading or a value derived from a fact.

    `key` is the property name the value has in the document a back end evaluates; the document
    never contains a property for an unknown value (see `tolka.backends.rete`).
    """

    kind: str  # "fact" | "reading" | "derived"
    name: str
    argument: str | None = None

    @property
    def key(self) -> str:
        if self.kind == "reading":
            return f"reading__{self.name}"
        if self.kind == "derived":
            return f"{self.name}__{self.argument}" if self.argument else self.name
        return self.name

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts of the case this value depends on (none for readings and date built-ins)."""
        if self.kind == "fact":
            return (self.name,)
        if self.kind == "derived" and self.argument:
            return (self.argument,)
        return ()


@dataclass(frozen=True)
class Cmp:
    """Core comparison of a field with a literal (dates are day ordinals here)."""

    field: Field
    op: str
    value: bool | int | float | str


@dataclass(frozen=True)
class Member:
    """Core membership: the field's value is one of `values`."""

    field: Field
    values: tuple[bool | int | float | str, ...]


@dataclass(frozen=True)
class IsKnown:
    """Core `known(field)`."""

    field: Field


Atom = Cmp | Member | IsKnown
Expr = Compare | InList | InRange | Known | Truthy | Not | And | Or | Const | Cmp | Member | IsKnown


def atoms(expr: Expr) -> list[Atom]:
    """The core atoms of a lowered expression, in order of first appearance, without repeats."""
    seen: dict[Atom, None] = {}

    def walk(node: Expr) -> None:
        if isinstance(node, (Cmp, Member, IsKnown)):
            seen.setdefault(node, None)
        elif isinstance(node, Not):
            walk(node.item)
        elif isinstance(node, (And, Or)):
            for item in node.items:
                walk(item)

    walk(expr)
    return list(seen)


def fields(expr: Expr) -> list[Field]:
    """The fields a lowered expression reads, in order of first appearance."""
    return list(dict.fromkeys(atom.field for atom in atoms(expr)))
