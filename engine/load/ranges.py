"""A satisfiability pass over rule conditions, with the ranges the vocabulary declares.

The decision tree of a condition (`decision_leaves`) lists which combinations of tests make it
true, false or unknown. A leaf whose tests cannot hold within the declared ranges — a fact's
`minimum`/`maximum`, an age between 0 and the input boundary's date span — is impossible. A
condition with no possible true leaf can never apply (`age(birth_date) < -5`, `work_percentage >
150`, `a and not a`); one with no possible false leaf applies to every case that knows its facts
(`a or not a`). Both are reported as warnings by `tolka check`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from tolka.backends.rete.decision_tree import ConditionTooLarge, Leaf, decision_leaves
from tolka.boundary import DATE_MAX, DATE_MIN
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.rulebook import Rulebook

# An age at an evaluation date: birth is never after the evaluation date (tolka.plausible), and
# both dates lie within the boundary's range.
AGE_RANGE = (0.0, float(DATE_MAX.year - DATE_MIN.year))

Interval = tuple[float, float]


def field_ranges(rulebook: Rulebook, fields: list[A.Field]) -> dict[str, Interval]:
    """The declared range of each numeric field, by its document key."""
    out: dict[str, Interval] = {}
    for fld in fields:
        if fld.kind == "fact" and fld.name in rulebook.facts:
            fact = rulebook.facts[fld.name]
            if fact.type in ("integer", "number") and (fact.minimum is not None or fact.maximum is not None):
                low = -math.inf if fact.minimum is None else fact.minimum
                out[fld.key] = (low, math.inf if fact.maximum is None else fact.maximum)
        elif fld.kind == "derived" and fld.name == "age":
            out[fld.key] = AGE_RANGE
    return out


def possible(leaf: Leaf, ranges: Mapping[str, Interval]) -> bool:
    """Whether the leaf's tests can all hold for values within `ranges` (open bounds are narrowed
    by a hair, which is exact enough for whole numbers and the thresholds rules use)."""
    bounds = dict(ranges)
    for test in leaf.tests:
        ((op, body),) = test.items()
        if op in ("$lt", "$lte", "$gt", "$gte"):
            ((key, value),) = body.items()
        elif not op.startswith(("$", "unknown__")) and isinstance(body, (int, float)) and not isinstance(body, bool):
            key, value, op = op, body, "$eq"
        else:
            continue
        if key not in bounds:
            continue
        low, high = bounds[key]
        epsilon = 1e-9
        if op == "$lt":
            high = min(high, value - epsilon)
        elif op == "$lte":
            high = min(high, value)
        elif op == "$gt":
            low = max(low, value + epsilon)
        elif op == "$gte":
            low = max(low, value)
        else:
            low, high = max(low, value), min(high, value)
        if low > high:
            return False
        bounds[key] = (low, high)
    return True


def constant_truth(condition: A.Expr, rulebook: Rulebook) -> Truth | None:
    """FALSE if the condition can never be true, TRUE if it is true whenever its facts are known,
    None otherwise (or when the condition is too large to enumerate)."""
    fields = list(A.fields(condition))
    domains = {f: d for f in fields if (d := rulebook.domain(f)) is not None}
    try:
        leaves = decision_leaves(condition, domains)
    except ConditionTooLarge:
        return None
    ranges = field_ranges(rulebook, fields)
    truths = {leaf.truth for leaf in leaves if possible(leaf, ranges)}
    if Truth.TRUE not in truths:
        return Truth.FALSE
    if Truth.FALSE not in truths:
        return Truth.TRUE
    return None
