"""The three-valued decision tree of a condition: its leaves, as conjunctions of Rete tests.

How the tree is built is told in `tolka.backends.rete.compile` (which emits a durable rule per
leaf); the loader uses the same leaves to find static conflicts and constant conditions, so the
tree is built for every rule and every pair of rules that may conflict on each start without the
compile cache. It is therefore built on a numbered copy of the condition: equal atoms share one
number, a node's value under the states decided so far is computed once per step for the whole
tree, and the next atom and the fields that keep a leaf unknown are read from those values (the
same leaves, in the same order, as evaluating each sub-term afresh; about 2.5 times faster).
Loading asks for the tree of each rule's condition three times (is it too large, is it constant,
its durable rules), so the last trees built are remembered by condition and the domains of its
fields (`decision_leaves`).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from tolka.expr import ast as A
from tolka.expr.evaluate import compare
from tolka.expr.logic import Truth

MAX_LEAVES_PER_RULE = 256


def unknown_marker(key: str) -> str:
    return f"unknown__{key}"


@dataclass(frozen=True)
class Leaf:
    truth: Truth
    tests: tuple[dict, ...]
    missing: tuple[str, ...]  # field keys whose being unknown keeps the condition unknown here


class ConditionTooLarge(ValueError):
    """A condition expands into more decision-tree leaves than the Rete back end accepts."""


# --- the branches of one field ------------------------------------------------------------------


class _Other:
    """Any string value not named in a condition (for fields without declared values)."""

    def __repr__(self) -> str:
        return "<other>"


OTHER = _Other()


@dataclass(frozen=True)
class Interval:
    """A set of numbers: a point (`low == high`, both inclusive) or an open/half-open interval."""

    low: float | None
    high: float | None
    low_inclusive: bool = False
    high_inclusive: bool = False

    def tests(self, key: str) -> list[dict]:
        if self.low is not None and self.low == self.high:
            return [{key: self.low}]
        tests = []
        if self.low is not None:
            tests.append({("$gte" if self.low_inclusive else "$gt"): {key: self.low}})
        if self.high is not None:
            tests.append({("$lte" if self.high_inclusive else "$lt"): {key: self.high}})
        return tests or [{"$ex": {key: 1}}]


def _atom_truth(atom: A.Atom, value: object) -> Truth:
    """The truth value of an atom when its field has the known `value`."""
    if isinstance(atom, A.IsKnown):
        return Truth.TRUE
    if value is OTHER:
        return Truth.of(isinstance(atom, A.Cmp) and atom.op == "!=")
    if isinstance(atom, A.Member):
        return Truth.of(value in atom.values)
    return Truth.of(compare(value, atom.op, atom.value))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _numeric_regions(constants: list[float], integer: bool) -> list[tuple[Interval, float]]:
    """The regions below, at, between and above sorted cut points, each with a sample value.

    For whole-number fields the gap between two consecutive integers is empty and is left out.
    """
    cuts = sorted(set(constants))
    regions: list[tuple[Interval, float]] = [(Interval(None, cuts[0]), cuts[0] - 1)]
    for index, cut in enumerate(cuts):
        regions.append((Interval(cut, cut, True, True), cut))
        upper = cuts[index + 1] if index + 1 < len(cuts) else None
        if upper is None:
            regions.append((Interval(cut, None), cut + 1))
        elif not (integer and upper - cut <= 1):
            regions.append((Interval(cut, upper), cut + 1 if integer else (cut + upper) / 2))
    return regions


def _merge(intervals: list[Interval], integer: bool) -> list[Interval]:
    """Merge adjacent regions (given in order) into as few intervals as possible."""
    merged: list[Interval] = []
    for interval in intervals:
        last = merged[-1] if merged else None
        touching = last is not None and (
            (last.high == interval.low and (last.high_inclusive or interval.low_inclusive))
            or (
                integer
                and last.high is not None
                and interval.low is not None
                and last.high_inclusive
                and interval.low_inclusive
                and interval.low - last.high == 1
            )
        )
        if last is not None and touching:
            merged[-1] = Interval(last.low, interval.high, last.low_inclusive, interval.high_inclusive)
        else:
            merged.append(interval)
    return merged


Branch = tuple[tuple[Truth, ...], list[list[dict]]]


def _constants(atoms: list[A.Atom]) -> list:
    values = [a.value for a in atoms if isinstance(a, A.Cmp)]
    return values + [v for a in atoms if isinstance(a, A.Member) for v in a.values]


def _branches(fld: A.Field, undecided: list[A.Atom], domain: tuple | str | None) -> list[Branch]:
    """The known-value branches of a field: the states of `undecided` and alternative test conjunctions each."""
    key = fld.key
    constants = _constants(undecided)
    if domain in (None, A.INTEGER) and constants and all(_is_number(c) for c in constants):
        integer = domain == A.INTEGER
        groups: dict[tuple, list] = {}
        for interval, sample in _numeric_regions(constants, integer):
            groups.setdefault(tuple(_atom_truth(a, sample) for a in undecided), []).append(interval)
        return [
            (signature, [iv.tests(key) for iv in _merge(intervals, integer)]) for signature, intervals in groups.items()
        ]
    if domain in (None, A.INTEGER):  # no declared values: the constants named, plus any other value
        domain = tuple(dict.fromkeys(constants)) + (OTHER,)
    by_signature: dict[tuple, list] = {}
    for value in domain:
        by_signature.setdefault(tuple(_atom_truth(a, value) for a in undecided), []).append(value)
    branches: list[Branch] = []
    for signature, values in by_signature.items():
        complement = [v for v in domain if v not in values]
        if len(values) == 1 and values[0] is not OTHER:
            tests = [{key: values[0]}]
        elif complement:
            # "known and none of the others": one conjunction, since `$neq` never matches an absent
            # property (a disjunction of equalities would multiply the leaves)
            tests = [{"$neq": {key: v}} for v in complement]
        else:
            tests = [{"$ex": {key: 1}}]
        branches.append((signature, [tests]))
    return branches


# --- the tree --------------------------------------------------------------------------------

_ATOM, _CONST, _NOT, _AND, _OR = range(5)
_TRUE, _FALSE, _UNKNOWN = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


class _Numbered:
    """A lowered condition as a program: its nodes in post-order (children before their parent),
    atoms numbered by equality."""

    def __init__(self, condition: A.Expr) -> None:
        self.atoms = A.atoms(condition)
        self.number = {atom: index for index, atom in enumerate(self.atoms)}
        # (node, kind, atom number or -1, constant or None, children)
        self.program: list[tuple[int, int, int, Truth | None, tuple[int, ...]]] = []
        self.root = self._add(condition)

    def _add(self, node: A.Expr) -> int:
        number, constant = -1, None
        kids: tuple[int, ...] = ()
        if isinstance(node, (A.Cmp, A.Member, A.IsKnown)):
            kind, number = _ATOM, self.number[node]
        elif isinstance(node, A.Const):
            kind, constant = _CONST, node.value
        elif isinstance(node, A.Not):
            kind, kids = _NOT, (self._add(node.item),)
        elif isinstance(node, (A.And, A.Or)):
            kind, kids = (_AND if isinstance(node, A.And) else _OR), tuple(self._add(item) for item in node.items)
        else:
            raise TypeError(f"not a lowered expression: {node!r}")
        self.program.append((len(self.program), kind, number, constant, kids))
        return len(self.program) - 1

    def values(self, states: dict[int, Truth]) -> list[Truth | None]:
        """Kleene value of every node given the states of some atoms; None where not settled."""
        values: list[Truth | None] = [None] * len(self.program)
        for node, kind, number, constant, kids in self.program:
            if kind == _ATOM:
                values[node] = states.get(number)
            elif kind == _CONST:
                values[node] = constant
            elif kind == _NOT:
                inner = values[kids[0]]
                values[node] = None if inner is None else ~inner
            else:
                # And: FALSE settles it, else any open item keeps it open, else TRUE only if all are.
                settles, neutral = (_FALSE, _TRUE) if kind == _AND else (_TRUE, _FALSE)
                value: Truth | None = neutral
                for kid in kids:
                    item = values[kid]
                    if item is settles:
                        value = settles
                        break
                    if item is None:
                        value = None
                    elif item is not neutral and value is not None:
                        value = _UNKNOWN
                values[node] = value
        return values

    def next_atom(self, values: list[Truth | None]) -> int:
        """The first atom, in reading order, inside a sub-term that is not settled yet."""
        node = self.root
        while self.program[node][1] != _ATOM:
            node = next(kid for kid in self.program[node][4] if values[kid] is None)
        return self.program[node][2]

    def missing(self, values: list[Truth | None]) -> tuple[str, ...]:
        """The fields that keep the condition unknown (only unknown sub-terms count), in order."""
        found: dict[A.Field, None] = {}

        def walk(node: int) -> None:
            if values[node] is not _UNKNOWN:
                return
            _, kind, number, _, kids = self.program[node]
            if kind == _ATOM:
                atom = self.atoms[number]
                if isinstance(atom, (A.Cmp, A.Member)):
                    found.setdefault(atom.field, None)
            for kid in kids:
                walk(kid)

        walk(self.root)
        return tuple(f.key for f in found)


def decision_leaves(
    condition: A.Expr, domains: dict[A.Field, tuple | str] | None = None, *, limit: int = MAX_LEAVES_PER_RULE
) -> list[Leaf]:
    """The leaves of the three-valued decision tree of a condition, as conjunctions of tests.

    Raises `ConditionTooLarge` past `limit` leaves: the Rete back end compiles one durable_rules
    rule per leaf, so its limit is small; the static conflict check may afford more. Trees within
    the Rete back end's limit are remembered: their leaves (and tests) are shared between calls for
    an equal condition over equal domains, and a caller never changes them."""
    domains = domains or {}
    if limit != MAX_LEAVES_PER_RULE:  # a pair of rules (conflicts): asked for once, possibly huge
        return _leaves(condition, domains, limit)
    bounded = tuple((f, domains[f]) for f in A.fields(condition) if f in domains)
    return list(_remembered_leaves(condition, bounded))


@functools.lru_cache(maxsize=2048)
def _remembered_leaves(condition: A.Expr, bounded: tuple[tuple[A.Field, tuple | str], ...]) -> tuple[Leaf, ...]:
    """`decision_leaves` of a condition whose fields' domains are `bounded` (the tree reads no other);
    a condition too large raises `ConditionTooLarge` every time (exceptions are not remembered)."""
    return tuple(_leaves(condition, dict(bounded), MAX_LEAVES_PER_RULE))


def _leaves(condition: A.Expr, domains: dict[A.Field, tuple | str], limit: int) -> list[Leaf]:
    tree = _Numbered(condition)
    by_field: dict[A.Field, list[int]] = {}
    for number, atom in enumerate(tree.atoms):
        by_field.setdefault(atom.field, []).append(number)
    leaves: list[Leaf] = []

    def expand(states: dict[int, Truth], tests_so_far: list[list[list[dict]]]) -> None:
        values = tree.values(states)
        value = values[tree.root]
        if value is not None:
            missing = tree.missing(values) if value is _UNKNOWN else ()
            for combination in itertools.product(*tests_so_far):
                leaves.append(Leaf(value, tuple(t for alternative in combination for t in alternative), missing))
            if len(leaves) > limit:
                raise ConditionTooLarge(f"more than {limit} leaves")
            return
        fld = tree.atoms[tree.next_atom(values)].field
        undecided = [number for number in by_field[fld] if number not in states]
        unknown = {n: (_FALSE if isinstance(tree.atoms[n], A.IsKnown) else _UNKNOWN) for n in undecided}
        expand({**states, **unknown}, tests_so_far + [[[{unknown_marker(fld.key): 1}]]])
        for signature, alternatives in _branches(fld, [tree.atoms[n] for n in undecided], domains.get(fld)):
            expand({**states, **dict(zip(undecided, signature, strict=True))}, tests_so_far + [alternatives])

    expand({}, [])
    return leaves
