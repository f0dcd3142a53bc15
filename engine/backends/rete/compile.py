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
false leaves, so tests can check that exactly one leaf of each rule fires.) The tree is built in
`tolka.backends.rete.decision_tree`.

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

from tolka.backends.rete.decision_tree import ConditionTooLarge as ConditionTooLarge
from tolka.backends.rete.decision_tree import Leaf, decision_leaves
from tolka.backends.rete.decision_tree import unknown_marker as unknown_marker
from tolka.expr import ast as A
from tolka.expr.logic import Truth

RULES_PER_RULESET = 40
SENTINEL_KEY = "tolka"
DAY_KEY = "day"


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


_TRUTHS = {t.value: t for t in Truth}  # iterating the enum per action was a tenth of registering


def parse_action_name(name: str) -> tuple[str, Truth | None, tuple[str, ...]]:
    rule_key, truth, missing = name.rsplit("|", 2)
    return rule_key, _TRUTHS.get(truth), tuple(m for m in missing.split(",") if m)


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
