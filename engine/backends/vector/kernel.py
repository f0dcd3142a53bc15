"""Core conditions as array operations: Kleene's three-valued logic over boolean masks.

A three-valued array is a pair of masks, `true` and `false`; where neither is set the value is
unknown. The connectives are then plain mask algebra — `a and b` is true where both are true and
false where either is false; `or` is the dual; `not` swaps the masks — which is Kleene's logic
exactly, the same as `tolka.expr.evaluate.truth` person by person. A mask may be a NumPy boolean
scalar (a reading, a constant) and broadcasts.

The missing facts of an unknown condition follow `tolka.expr.evaluate.missing_fields`: an atom
counts when every node on its path from the root is unknown. A `Program` numbers the comparison
atoms in pre-order (the order `missing_fields` walks), so each person's missing fields are a bit
pattern over that numbering; the fields of the set bits, first occurrence first, are its missing
keys, in the same order as the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from typing import Any

import numpy as np

from tolka.backends.vector.columns import Column, Scalar, Source, Value
from tolka.expr import ast as A
from tolka.expr.evaluate import compare
from tolka.expr.logic import Truth

Mask = np.ndarray | np.bool_
WORD = 64  # bits per word of a missing-fields pattern


@dataclass(frozen=True)
class Tri:
    """A three-valued array as two masks; unknown where neither is set."""

    true: Mask
    false: Mask

    @property
    def unknown(self) -> Mask:
        """Where the value is neither true nor false."""
        return ~(self.true | self.false)


@dataclass(frozen=True)
class Program:
    """A lowered condition flattened in pre-order: node 0 is the root; children follow parents."""

    nodes: tuple[A.Expr, ...]
    children: tuple[tuple[int, ...], ...]
    atoms: tuple[int, ...]  # node index of every comparison / membership, in pre-order: bit i of a pattern

    @property
    def atom_fields(self) -> tuple[A.Field, ...]:
        """The field of each comparison / membership, in bit order."""
        return tuple(_atom_node(self.nodes[i]).field for i in self.atoms)

    @property
    def words(self) -> int:
        """64-bit words per person in a missing-fields pattern."""
        return max(1, -(-len(self.atoms) // WORD))


@dataclass(frozen=True)
class RuleValues:
    """A condition's value for every person: masks plus, where unknown, the missing-fields pattern."""

    true: np.ndarray
    false: np.ndarray
    missing: np.ndarray | None  # uint64 (persons × words); None when no person is unknown


def compile_condition(expr: A.Expr) -> Program:
    """Flatten a lowered condition into a `Program`."""
    nodes: list[A.Expr] = []
    children: list[tuple[int, ...]] = []
    atoms: list[int] = []

    def visit(node: A.Expr) -> int:
        index = len(nodes)
        nodes.append(node)
        children.append(())
        if isinstance(node, (A.Cmp, A.Member)):
            atoms.append(index)
        elif isinstance(node, A.Not):
            children[index] = (visit(node.item),)
        elif isinstance(node, (A.And, A.Or)):
            children[index] = tuple(visit(item) for item in node.items)
        elif not isinstance(node, (A.IsKnown, A.Const)):
            raise TypeError(f"not a lowered expression: {node!r}")
        return index

    visit(expr)
    return Program(tuple(nodes), tuple(children), tuple(atoms))


def _atom_node(node: A.Expr) -> A.Cmp | A.Member:
    """An atom's node: a comparison or a membership (what `compile_condition` records as atoms)."""
    if not isinstance(node, (A.Cmp, A.Member)):
        raise TypeError(f"not an atom: {node!r}")
    return node


def _atom(node: A.Cmp | A.Member | A.IsKnown, value: Value) -> Tri:
    if isinstance(node, A.IsKnown):
        known = np.bool_(value.value is not None) if isinstance(value, Scalar) else value.known
        return Tri(known, ~known)

    def test(x: Any) -> bool:
        return compare(x, node.op, node.value) if isinstance(node, A.Cmp) else x in node.values

    if isinstance(value, Scalar):
        if value.value is None:
            return Tri(np.False_, np.False_)
        found = np.bool_(test(value.value))
        return Tri(found, ~found)
    column: Column = value
    hit: np.ndarray
    if column.categories is not None:
        # The reference comparison applied to each category, then looked up per person: exact
        # for every operator and type, and costs one gather.
        hit = np.array([bool(test(c)) for c in column.categories], dtype=bool)[column.values]
    elif isinstance(node, A.Cmp):
        hit = compare(column.values, node.op, node.value)
    else:
        hit = np.isin(column.values, node.values)
    return Tri(column.known & hit, column.known & ~hit)


def run(program: Program, source: Source, size: int) -> RuleValues:
    """Evaluate `program` for `size` persons, reading fields through `source`."""
    nodes, children = program.nodes, program.children
    values: dict[int, Tri] = {}  # filled from the last node up: a node's children are always done
    for index in range(len(nodes) - 1, -1, -1):  # children come after their parent in pre-order
        node = nodes[index]
        if isinstance(node, (A.Cmp, A.Member, A.IsKnown)):
            values[index] = _atom(node, source(node.field))
        elif isinstance(node, A.Not):
            item = values[children[index][0]]
            values[index] = Tri(item.false, item.true)
        elif isinstance(node, (A.And, A.Or)):
            items = [values[i] for i in children[index]]
            trues = reduce(np.logical_and if isinstance(node, A.And) else np.logical_or, (t.true for t in items))
            falses = reduce(np.logical_or if isinstance(node, A.And) else np.logical_and, (t.false for t in items))
            values[index] = Tri(trues, falses)
        elif isinstance(node, A.Const):
            values[index] = Tri(np.bool_(node.value is Truth.TRUE), np.bool_(node.value is Truth.FALSE))
        else:
            raise TypeError(f"not a lowered expression: {node!r}")
    root = values[0]
    true = np.broadcast_to(root.true, (size,))
    false = np.broadcast_to(root.false, (size,))
    unknown = ~(true | false)
    if not program.atoms or not unknown.any():
        return RuleValues(true, false, None)
    # An atom is missing where it and every node above it is unknown.
    reached: dict[int, Mask] = {0: unknown}
    for index in range(len(nodes)):
        for child in children[index]:
            reached[child] = reached[index] & values[child].unknown
    missing = np.zeros((size, program.words), dtype=np.uint64)
    for bit, index in enumerate(program.atoms):
        mask = np.broadcast_to(reached[index], (size,))
        missing[:, bit // WORD] |= mask.astype(np.uint64) << np.uint64(bit % WORD)
    return RuleValues(true, false, missing)


def missing_keys(program: Program, pattern: np.ndarray) -> tuple[str, ...]:
    """The field keys of a missing-fields pattern, in the reference order (first reached first)."""
    fields = program.atom_fields
    found: dict[str, None] = {}
    for bit in range(len(fields)):
        if int(pattern[bit // WORD]) >> (bit % WORD) & 1:
            found.setdefault(fields[bit].key, None)
    return tuple(found)
