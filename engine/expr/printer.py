"""Surface expression tree → rule text, so that `parse(to_text(tree)) == tree`.

Used to show conditions in exports and explanations, and to prove the parser and printer agree
(a property test round-trips random trees).
"""

from __future__ import annotations

import datetime as dt

from tolka.expr.ast import (
    And,
    Call,
    Cmp,
    Compare,
    Const,
    Expr,
    InList,
    InRange,
    IsKnown,
    Known,
    Lit,
    Member,
    Name,
    Not,
    Operand,
    Or,
    Period,
    ReadingRef,
    Truthy,
    Turns,
)
from tolka.expr.logic import Truth


def literal_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    return f'"{value}"'


# duplicates: the printers dispatch on node type, so their branches look alike by necessity.
def operand_text(operand: Operand) -> str:
    if isinstance(operand, Name):
        return operand.name
    if isinstance(operand, ReadingRef):
        return f"reading({operand.point})"
    if isinstance(operand, Call):
        return f"{operand.function}({operand.argument})"
    if isinstance(operand, Turns):
        return f"turns({operand.fact}, {operand.years})"
    if isinstance(operand, Period):
        return f"{operand.function}({operand_text(operand.argument)})"
    raise TypeError(f"not an operand: {operand!r}")


def _child(node: Expr, parent: type) -> str:
    text = to_text(node)
    needs_parens = isinstance(node, (And, Or)) and (parent is And or isinstance(node, parent) or parent is Not)
    return f"({text})" if needs_parens else text


def to_text(expr: Expr) -> str:
    """Render a surface (or core) expression as rule text."""
    if isinstance(expr, Or):
        return " or ".join(_child(item, Or) for item in expr.items)
    if isinstance(expr, And):
        return " and ".join(_child(item, And) for item in expr.items)
    if isinstance(expr, Not):
        return f"not {_child(expr.item, Not)}"
    if isinstance(expr, Const):
        if expr.value is Truth.UNKNOWN:
            return "unknown"
        return "true" if expr.value is Truth.TRUE else "false"
    if isinstance(expr, Compare):
        right = literal_text(expr.right.value) if isinstance(expr.right, Lit) else operand_text(expr.right)
        return f"{operand_text(expr.left)} {expr.op} {right}"
    if isinstance(expr, InList):
        values = ", ".join(literal_text(v.value) for v in expr.values)
        return f"{operand_text(expr.operand)} {'not in' if expr.negated else 'in'} [{values}]"
    if isinstance(expr, InRange):
        return f"{operand_text(expr.operand)} in {expr.low}..{expr.high}"
    if isinstance(expr, Known):
        return f"known({operand_text(expr.operand)})"
    if isinstance(expr, Truthy):
        return operand_text(expr.operand)
    # core atoms, shown for diagnostics only (they are not meant to be parsed back)
    if isinstance(expr, Cmp):
        return f"{expr.field.key} {expr.op} {literal_text(expr.value)}"
    if isinstance(expr, Member):
        return f"{expr.field.key} in [{', '.join(literal_text(v) for v in expr.values)}]"
    if isinstance(expr, IsKnown):
        return f"known({expr.field.key})"
    raise TypeError(f"not an expression: {expr!r}")
