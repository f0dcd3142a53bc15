"""The reference semantics of core expressions over a case document.

A *document* maps field keys (`tolka.expr.ast.Field.key`) to known values; a key that is absent is
unknown. This module is the definition every back end is tested against (property tests compare the
durable_rules network and the vectorised back end with it), and the explainer uses it to find the
facts whose change would flip an answer.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any

from tolka.expr import ast as A
from tolka.expr.logic import Truth, all_of, any_of

OPERATORS = {  # the condition language's comparisons (the tree back end applies them directly)
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def compare(value: Any, op: str, constant: Any) -> Any:
    """`value OP constant` with the comparison operators of the condition language: a bool for a
    value, an elementwise mask for a numpy array (the vector back end passes whole columns)."""
    return OPERATORS[op](value, constant)


def truth(expr: A.Expr, doc: Mapping[str, Any]) -> Truth:
    """Kleene truth value of a lowered expression over `doc`."""
    if isinstance(expr, A.Cmp):
        if expr.field.key not in doc:
            return Truth.UNKNOWN
        return Truth.of(compare(doc[expr.field.key], expr.op, expr.value))
    if isinstance(expr, A.Member):
        if expr.field.key not in doc:
            return Truth.UNKNOWN
        return Truth.of(doc[expr.field.key] in expr.values)
    if isinstance(expr, A.IsKnown):
        return Truth.of(expr.field.key in doc)
    if isinstance(expr, A.Not):
        return ~truth(expr.item, doc)
    if isinstance(expr, A.And):
        return all_of(truth(item, doc) for item in expr.items)
    if isinstance(expr, A.Or):
        return any_of(truth(item, doc) for item in expr.items)
    if isinstance(expr, A.Const):
        return expr.value
    raise TypeError(f"not a lowered expression: {expr!r}")


def unknown_fields(expr: A.Expr, value_of: Callable[[A.Expr], Truth | None]) -> tuple[A.Field, ...]:
    """The fields of atoms inside sub-terms whose value is unknown, in order of appearance.

    Only unknown sub-terms count: in `(a and b) or c` with `a` false, `b` is irrelevant however it
    turns out. `value_of` gives a sub-term's value (from a document, or a compiler's partial states).
    """
    found: dict[A.Field, None] = {}

    def walk(node: A.Expr) -> None:
        if value_of(node) is not Truth.UNKNOWN:
            return
        if isinstance(node, (A.Cmp, A.Member)):
            found.setdefault(node.field, None)
        elif isinstance(node, A.Not):
            walk(node.item)
        elif isinstance(node, (A.And, A.Or)):
            for item in node.items:
                walk(item)

    walk(expr)
    return tuple(found)


def missing_fields(expr: A.Expr, doc: Mapping[str, Any]) -> tuple[A.Field, ...]:
    """The unknown fields that keep an unknown expression unknown; () when it is not unknown."""
    return unknown_fields(expr, lambda node: truth(node, doc))
