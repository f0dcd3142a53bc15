"""Lowered rules → durable_rules ruleset definitions (pure data; durable_rules is not imported here).

How a three-valued condition becomes Rete patterns
--------------------------------------------------
A case document holds each *known* value under its key and, for each *unknown* value, no such key
but a marker `unknown__<key>: 1` (durable_rules treats `null` like a missing property, and its
"not exists" path hangs or overflows; absent properties plus positive markers keep every test an
ordinary alpha test that an absent property never matches).

The compiler expands each condition into a decision tree over its *fields*: at each step it takes
the first field still needed and branches on its state — unknown (the marker), or known with a
value in one group of values that gives every pending comparison on that field the same truth
value (groups of declared values for enums, booleans and readings; intervals between the compared
constants for numbers and dates). A branch stops as soon as Kleene's logic settles the condition.
Leaves are therefore mutually exclusive: for any case exactly one leaf of a condition matches.
The compiler emits a durable rule for every leaf whose value is true or unknown; no match means
false. Every unknown leaf knows, at compile time, which unknown values keep the condition unknown
on it — that is how the engine reports the facts still missing. (`verify=True` also emits the
false leaves, so tests can check that exactly one leaf of each rule fires.)

Scope and time live in the network too: the document carries `in__<jurisdiction>: 1` for the
jurisdiction evaluated and each ancestor, and `day` (the evaluation date's ordinal); a rule of a
jurisdiction, or with a validity period, has those tests on every leaf.

Rulesets are packed to at most `RULES_PER_RULESET` tolka rules. durable_rules walks matching alpha
nodes with a fixed 64-slot stack (error 303, the cause of upstream issue #312); since only one
leaf chain per rule matches, pending nodes stay bounded by the rules in a ruleset.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from tolka.expr import ast as A
from tolka.expr.evaluate import compare, unknown_fields
from tolka.expr.logic import Truth

RULES_PER_RULESET = 40
MAX_LEAVES_PER_RULE = 256
SENTINEL_KEY = "tolka"
DAY_KEY = "day"


def unknown_marker(key: str) -> str:
    return f"unknown__{key}"


def scope_marker(jurisdiction_id: str) -> str:
    return f"in__{jurisdiction_id}"


@dataclass(frozen=True)
class CompilableRule:
    """What the compiler needs to know of one rule."""

    key: str  # unique across the rulebook (id plus version)
    condition: A.Expr  # lowered; `Const(TRUE)` for default rules
    scope: str  # the jurisdiction the rule belongs to (a country for national rules)
    valid_from: int | None = None  # day ordinals, inclusive
    valid_to: int | None = None
    points: tuple[str, ...] = ()  # the interpretation points the condition reads, sorted


@dataclass(frozen=True)
class Leaf:
    truth: Truth
    tests: tuple[dict, ...]
    missing: tuple[str, ...]  # field keys whose being unknown keeps the condition unknown here


@dataclass
class CompiledRuleset:
    name: str
    keys: tuple[str, ...]  # document keys this ruleset reads
    scopes: tuple[str, ...]
    uses_day: bool
    definition: dict  # the durable_rules JSON ruleset
    rule_keys: tuple[str, ...]


@dataclass
class CompiledNetwork:
    rulesets: list[CompiledRuleset] = field(default_factory=list)
    leaves: int = 0


class ConditionTooLarge(ValueError):
    """A condition expands into more decision-tree leaves than the Rete back end accepts."""


# --- three-valued partial evaluation ------------------------------------------------------------


def _partial(expr: A.Expr, states: dict[A.Atom, Truth]) -> Truth | None:
    """Kleene value of `expr` given the states of some atoms; None while it is not settled."""
    if isinstance(expr, (A.Cmp, A.Member, A.IsKnown)):
        return states.get(expr)
    if isinstance(expr, A.Const):
        return expr.value
    if isinstance(expr, A.Not):
        inner = _partial(expr.item, states)
        return None if inner is None else ~inner
    if not isinstance(expr, (A.And, A.Or)):
        raise TypeError(f"not a lowered expression: {expr!r}")
    values = [_partial(item, states) for item in expr.items]
    if isinstance(expr, A.And):
        if Truth.FALSE in values:
            return Truth.FALSE
        if None in values:
            return None
        return Truth.TRUE if all(v is Truth.TRUE for v in values) else Truth.UNKNOWN
    if Truth.TRUE in values:
        return Truth.TRUE
    if None in values:
        return None
    return Truth.FALSE if all(v is Truth.FALSE for v in values) else Truth.UNKNOWN


def _next_atom(expr: A.Expr, states: dict[A.Atom, Truth]) -> A.Atom:
    """The first atom, in reading order, inside a sub-term that is not settled yet."""
    if isinstance(expr, (A.Cmp, A.Member, A.IsKnown)):
        return expr
    if not isinstance(expr, (A.Not, A.And, A.Or)):
        raise TypeError(f"no atom left to decide in {expr!r}")
    items = (expr.item,) if isinstance(expr, A.Not) else expr.items
    for item in items:
        if _partial(item, states) is None:
            return _next_atom(item, states)
    raise AssertionError("no undecided atom in an undecided expression")


def _relevant_unknowns(condition: A.Expr, states: dict[A.Atom, Truth]) -> tuple[str, ...]:
    """The fields that keep a condition unknown on a leaf (only unknown sub-terms count)."""
    return tuple(f.key for f in unknown_fields(condition, lambda node: _partial(node, states)))


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


Branch = tuple[dict[A.Atom, Truth], list[list[dict]]]


def _constants(atoms: list[A.Atom]) -> list:
    values = [a.value for a in atoms if isinstance(a, A.Cmp)]
    return values + [v for a in atoms if isinstance(a, A.Member) for v in a.values]


def _branches(fld: A.Field, undecided: list[A.Atom], domain: tuple | str | None) -> list[Branch]:
    """The known-value branches of a field: atom states and alternative test conjunctions each."""
    key = fld.key
    constants = _constants(undecided)
    if domain in (None, A.INTEGER) and constants and all(_is_number(c) for c in constants):
        integer = domain == A.INTEGER
        groups: dict[tuple, list] = {}
        for interval, sample in _numeric_regions(constants, integer):
            groups.setdefault(tuple(_atom_truth(a, sample) for a in undecided), []).append(interval)
        return [
            (dict(zip(undecided, signature, strict=True)), [iv.tests(key) for iv in _merge(intervals, integer)])
            for signature, intervals in groups.items()
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
        branches.append((dict(zip(undecided, signature, strict=True)), [tests]))
    return branches


def decision_leaves(condition: A.Expr, domains: dict[A.Field, tuple | str] | None = None) -> list[Leaf]:
    """The leaves of the three-valued decision tree of a condition, as conjunctions of tests."""
    domains = domains or {}
    atoms_by_field: dict[A.Field, list[A.Atom]] = {}
    for atom in A.atoms(condition):
        atoms_by_field.setdefault(atom.field, []).append(atom)
    leaves: list[Leaf] = []

    def expand(states: dict[A.Atom, Truth], tests_so_far: list[list[list[dict]]]) -> None:
        value = _partial(condition, states)
        if value is not None:
            missing = _relevant_unknowns(condition, states) if value is Truth.UNKNOWN else ()
            for combination in itertools.product(*tests_so_far):
                leaves.append(Leaf(value, tuple(t for alternative in combination for t in alternative), missing))
            if len(leaves) > MAX_LEAVES_PER_RULE:
                raise ConditionTooLarge(f"more than {MAX_LEAVES_PER_RULE} leaves")
            return
        fld = _next_atom(condition, states).field
        undecided = [a for a in atoms_by_field[fld] if a not in states]
        unknown = {a: (Truth.FALSE if isinstance(a, A.IsKnown) else Truth.UNKNOWN) for a in undecided}
        expand({**states, **unknown}, tests_so_far + [[[{unknown_marker(fld.key): 1}]]])
        for branch_states, alternatives in _branches(fld, undecided, domains.get(fld)):
            expand({**states, **branch_states}, tests_so_far + [alternatives])

    expand({}, [])
    return leaves


def leaves_of(
    rule: CompilableRule, domains: dict[A.Field, tuple | str] | None = None, verify: bool = False
) -> list[Leaf]:
    """The durable leaves of one rule: true and unknown leaves (and false ones when verifying)."""
    prefix: list[dict] = [{scope_marker(rule.scope): 1}]
    if rule.valid_from is not None:
        prefix.append({"$gte": {DAY_KEY: rule.valid_from}})
    if rule.valid_to is not None:
        prefix.append({"$lte": {DAY_KEY: rule.valid_to}})
    return [
        Leaf(leaf.truth, tuple(prefix) + leaf.tests, leaf.missing)
        for leaf in decision_leaves(rule.condition, domains)
        if verify or leaf.truth is not Truth.FALSE
    ]


# --- rulesets -----------------------------------------------------------------------------------


def action_name(rule_key: str, truth: Truth, missing: tuple[str, ...]) -> str:
    """Actions are named by what they report; the adapter parses each name once, at registration."""
    return f"{rule_key}|{truth.value}|{','.join(missing)}"


def parse_action_name(name: str) -> tuple[str, Truth | None, tuple[str, ...]]:
    rule_key, truth, missing = name.rsplit("|", 2)
    return (
        rule_key,
        (Truth(truth) if truth in {t.value for t in Truth} else None),
        tuple(m for m in missing.split(",") if m),
    )


def _ruleset_definition(
    rules: list[CompilableRule], domains: dict[A.Field, tuple | str], verify: bool
) -> tuple[dict, set[str], int]:
    definition: dict = {"sentinel": {"all": [{"m": {SENTINEL_KEY: 1}}], "run": "|sentinel|"}}
    keys: set[str] = set()
    count = 0
    for rule in rules:
        keys.update(f.key for f in A.fields(rule.condition))
        for index, leaf in enumerate(leaves_of(rule, domains, verify)):
            pattern = {"$and": list(leaf.tests)} if len(leaf.tests) > 1 else leaf.tests[0]
            definition[f"{rule.key}#{index}"] = {
                "all": [{"m": pattern}],
                "run": action_name(rule.key, leaf.truth, leaf.missing),
            }
            count += 1
    return definition, keys, count


def _group(rule: CompilableRule) -> tuple:
    """Rules that read the same kind of input share rulesets, so projections can be reused.

    Rules reading interpretation points are grouped by the points they read: a case evaluated in
    every jurisdiction then re-runs such a ruleset once per distinct combination of those few
    readings, not once per jurisdiction (with readings everywhere, every jurisdiction differs).
    """
    national = "-" not in rule.scope
    return (0 if national else 1, "" if national else rule.scope, rule.points)


def compile_network(
    rules: list[CompilableRule],
    name_prefix: str,
    domains: dict[A.Field, tuple | str] | None = None,
    verify: bool = False,
) -> CompiledNetwork:
    """Pack rules into rulesets and emit their durable_rules definitions."""
    network = CompiledNetwork()
    ordered = sorted(rules, key=lambda r: (_group(r), r.key))
    for _, grouped in itertools.groupby(ordered, key=_group):
        group = list(grouped)
        for start in range(0, len(group), RULES_PER_RULESET):
            chunk = group[start : start + RULES_PER_RULESET]
            definition, keys, count = _ruleset_definition(chunk, domains or {}, verify)
            network.leaves += count
            network.rulesets.append(
                CompiledRuleset(
                    name=f"{name_prefix}_{len(network.rulesets)}",
                    keys=tuple(sorted(keys)),
                    scopes=tuple(sorted({r.scope for r in chunk})),
                    uses_day=any(r.valid_from is not None or r.valid_to is not None for r in chunk),
                    definition=definition,
                    rule_keys=tuple(r.key for r in chunk),
                )
            )
    return network
