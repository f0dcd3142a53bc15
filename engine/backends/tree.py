"""The expression-tree back end: one case's rule truth values straight from the lowered conditions.

A plain evaluation (one case, one jurisdiction, one day) needs each rule's truth value and, when it
is unknown, the fields that keep it so. The durable_rules network computes them through a Rete
session whose Python layer serialises every firing to JSON; that session alone cost more than the
whole answer's budget (issue 13). Here each lowered condition is compiled once into nested Python
closures that compute Kleene's value over the case document — the semantics of
`tolka.expr.evaluate.truth` and `missing_fields`, which the Rete network is tested against — so the
two back ends give the same truth values (tests/property/test_tree_agrees.py holds them equal on the
whole shipped rulebook and on generated conditions). The Rete back end stays the reference and can
be chosen with `Engine(..., backend="rete")` or `TOLKA_BACKEND=rete`.

No text is evaluated: the closures are built from the parsed, lowered expression tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tolka.expr import ast as A
from tolka.expr.evaluate import OPERATORS
from tolka.expr.logic import Truth
from tolka.resolve import RuleTruth
from tolka.rulebook import RuleEntry

Document = Mapping[str, Any]
TruthOf = Callable[[Document], Truth]
Collect = Callable[[Document, dict[A.Field, None]], None]

TRUE, FALSE, UNKNOWN = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
_ABSENT = object()  # a key absent from the document: its value is unknown


def _truth_of(expr: A.Expr) -> TruthOf:
    """A closure computing `tolka.expr.evaluate.truth(expr, document)`."""
    if isinstance(expr, A.Cmp):
        return _compare(expr.field.key, OPERATORS[expr.op], expr.value)
    if isinstance(expr, A.Member):
        return _member(expr.field.key, expr.values)
    if isinstance(expr, A.IsKnown):
        key = expr.field.key
        return lambda doc: TRUE if key in doc else FALSE
    if isinstance(expr, A.Not):
        inner = _truth_of(expr.item)
        return lambda doc: _NEGATION[inner(doc)]
    if isinstance(expr, A.And):
        return _connective(tuple(_truth_of(item) for item in expr.items), FALSE, TRUE)
    if isinstance(expr, A.Or):
        return _connective(tuple(_truth_of(item) for item in expr.items), TRUE, FALSE)
    if isinstance(expr, A.Const):
        value = expr.value
        return lambda doc: value
    raise TypeError(f"not a lowered expression: {expr!r}")


_NEGATION = {TRUE: FALSE, FALSE: TRUE, UNKNOWN: UNKNOWN}


def _compare(key: str, op: Callable[[Any, Any], bool], constant: Any) -> TruthOf:
    def truth(doc: Document) -> Truth:
        value = doc.get(key, _ABSENT)
        if value is _ABSENT:
            return UNKNOWN
        return TRUE if op(value, constant) else FALSE

    return truth


def _member(key: str, values: tuple) -> TruthOf:
    def truth(doc: Document) -> Truth:
        value = doc.get(key, _ABSENT)
        if value is _ABSENT:
            return UNKNOWN
        return TRUE if value in values else FALSE

    return truth


def _connective(items: tuple[TruthOf, ...], absorbing: Truth, neutral: Truth) -> TruthOf:
    """Kleene's `and` (FALSE absorbs, TRUE is neutral) or `or` (the dual) over the items, left to right."""

    def truth(doc: Document) -> Truth:
        result = neutral
        for item in items:
            value = item(doc)
            if value is absorbing:
                return absorbing
            if value is UNKNOWN:
                result = UNKNOWN
        return result

    return truth


def _collector(expr: A.Expr) -> Collect:
    """A closure adding the fields `tolka.expr.evaluate.unknown_fields` finds under `expr`, in order."""
    truth = _truth_of(expr)
    if isinstance(expr, (A.Cmp, A.Member)):
        fld = expr.field

        def atom(doc: Document, out: dict[A.Field, None]) -> None:
            if truth(doc) is UNKNOWN:
                out.setdefault(fld, None)

        return atom
    if isinstance(expr, (A.Not, A.And, A.Or)):
        items = tuple(_collector(item) for item in ((expr.item,) if isinstance(expr, A.Not) else expr.items))

        def node(doc: Document, out: dict[A.Field, None]) -> None:
            if truth(doc) is UNKNOWN:
                for item in items:
                    item(doc, out)

        return node
    return lambda doc, out: None  # `known(…)` and constants are never unknown for want of a field


class CompiledRule:
    """One rule's condition as closures: its truth value and, when unknown, the keys it waits for."""

    __slots__ = ("key", "truth", "collect")

    def __init__(self, key: str, condition: A.Expr) -> None:
        self.key = key
        self.truth = _truth_of(condition)
        self.collect = _collector(condition)

    def evaluate(self, doc: Document) -> RuleTruth:
        """The rule's truth value and, when unknown, the keys of the fields that keep it unknown."""
        value = self.truth(doc)
        if value is not UNKNOWN:
            return value, ()
        found: dict[A.Field, None] = {}
        self.collect(doc, found)
        return value, tuple(f.key for f in found)


class TreeBackend:
    """The rulebook's conditions compiled into closures (each compiled on first use)."""

    def __init__(self) -> None:
        self._compiled: dict[str, CompiledRule] = {}

    def compiled(self, entry: RuleEntry) -> CompiledRule:
        """The rule's compiled condition."""
        found = self._compiled.get(entry.key)
        if found is None:
            found = self._compiled[entry.key] = CompiledRule(entry.key, entry.condition)
        return found

    def evaluate(self, document: Document, rules: Iterable[RuleEntry]) -> dict[str, RuleTruth]:
        """What the Rete back end's `evaluate` gives for the rules in force: the rules that hold or are
        unknown, with their missing keys (a rule left out is false). Rules without a condition to
        read (`entry.constant`) are the caller's, as on the Rete path."""
        out: dict[str, RuleTruth] = {}
        compiled = self._compiled
        for entry in rules:
            if entry.constant is not None:
                continue
            rule = compiled.get(entry.key) or self.compiled(entry)
            value = rule.truth(document)
            if value is TRUE:
                out[entry.key] = (TRUE, ())
            elif value is UNKNOWN:
                out[entry.key] = rule.evaluate(document)
        return out
