"""Defeasible resolution: from the truth value of each rule to one decision per support and aspect.

For a support and an aspect (status, route, legal status), the candidate rules are those that set
the aspect. In one *world* — every rule's condition known to be true or false — a rule applies if
its condition is true and no applicable rule defeats it (is an `exception_to` it, directly or
through other exceptions). If the applicable, undefeated rules agree, that is the decision; if they
disagree, it is a conflict (never resolved by file order). If none applies, the default rules
decide, if there are any. One pair of values agrees: a flat `not_eligible` and a
`not_eligible_as_a_rule` come to `not_eligible` (see `compatible`).

Rules whose condition is unknown make several worlds possible: the resolver enumerates them. The
aspect is decided only if every possible world gives the same decision; otherwise it is
undetermined, and the facts that keep those rules unknown are what is missing. So an unknown fact
can never, by itself, produce `not_eligible` — or any other answer.

When an aspect is undetermined, `possible_values` says which values it can still take: the values
of every world. Worlds treat each unknown rule as free, so the set may contain a value that the
correlations between conditions rule out, but never lacks one that can happen — "not mandated by
law in any case" read off it is sound. Worlds in conflict are left out: `tolka check` refuses every
pair of rules that some case lets both apply with neither defeating the other (with a witness), so
in a rulebook that loads, such a world is one the correlations rule out.

This module is shared by every back end: they differ only in how they compute the truth values.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from tolka.expr.logic import Truth
from tolka.rulebook import RuleEntry

ABSORBED = frozenset({"not_eligible", "not_eligible_as_a_rule"})
MAX_UNKNOWN_RULES = 12  # beyond 2**12 worlds the aspect is reported undetermined without enumerating

Kind = Literal["decided", "undetermined", "conflict", "none"]
RuleTruth = tuple[Truth, tuple[str, ...]]  # a rule's truth value and the keys that keep it unknown
RuleTruths = Mapping[str, RuleTruth]


@dataclass
class Decision:
    """The decision on one aspect of one support."""

    kind: Kind
    value: str | None = None
    deciding: list[RuleEntry] = field(default_factory=list)  # the rules the decision rests on
    conflicting: list[RuleEntry] = field(default_factory=list)
    undecided: list[RuleEntry] = field(default_factory=list)  # unknown rules that could change it
    defeated: dict[str, list[str]] = field(default_factory=dict)  # rule id → ids of rules defeating it


def truth_of(truths: RuleTruths, entry: RuleEntry) -> Truth:
    return truths.get(entry.key, (Truth.FALSE, ()))[0]


def compatible(values: set[str]) -> str | None:
    """The one value a set of rule conclusions comes to, or None if they conflict.

    Two refusals agree: a flat `not_eligible` absorbs `not_eligible_as_a_rule` (an assessment can
    lift the main rule, not the other bar that still stands).
    """
    if len(values) == 1:
        return next(iter(values))
    if values == ABSORBED:
        return "not_eligible"
    return None


World = tuple[tuple[Kind, str | None], list[RuleEntry]]  # the decision in one world, and the rules it rests on


def _world(candidates: list[RuleEntry], defaults: list[RuleEntry], aspect: str, applies: Mapping[str, bool]) -> World:
    applicable = [r for r in candidates if applies.get(r.key)]
    live = [r for r in applicable if not any(r.rule.id in other.defeats for other in applicable if other is not r)]
    chosen = live or defaults
    values = {getattr(r.rule.then, aspect) for r in chosen}
    if chosen and len(values) > 1 and (value := compatible(values)) is not None:
        return ("decided", value), [r for r in chosen if getattr(r.rule.then, aspect) == value]
    if not chosen:
        return ("none", None), chosen
    if len(values) > 1:
        return ("conflict", None), chosen
    return ("decided", values.pop()), chosen


def _worlds(
    candidates: list[RuleEntry],
    defaults: list[RuleEntry],
    aspect: str,
    fixed: Mapping[str, bool],
    unknown: list[RuleEntry],
) -> Iterator[World]:
    """Every world the unknown rules allow, the one in which all of them are false first."""
    for flags in itertools.product((False, True), repeat=len(unknown)):
        applies = {**fixed, **{r.key: flag for r, flag in zip(unknown, flags, strict=True)}}
        yield _world(candidates, defaults, aspect, applies)


def decide(candidates: list[RuleEntry], defaults: list[RuleEntry], aspect: str, truths: RuleTruths) -> Decision:
    """Decide one aspect from the candidate and default rules in force and their truth values."""
    values = {r.key: truth_of(truths, r) for r in candidates}
    unknown = [r for r in candidates if values[r.key] is Truth.UNKNOWN]
    fixed = {key: value is Truth.TRUE for key, value in values.items() if value is not Truth.UNKNOWN}
    applicable = [r for r in candidates if fixed.get(r.key)]
    defeated = {r.rule.id: [o.rule.id for o in applicable if r.rule.id in o.defeats] for r in applicable}
    defeated = {k: v for k, v in defeated.items() if v}
    if not unknown:  # one world: no enumeration needed
        (kind, value), chosen = _world(candidates, defaults, aspect, fixed)
        if kind == "conflict":
            return Decision("conflict", conflicting=chosen, defeated=defeated)
        return Decision(kind, value, deciding=chosen, defeated=defeated)
    if len(unknown) > MAX_UNKNOWN_RULES:
        return Decision("undetermined", undecided=unknown, defeated=defeated)
    worlds = _worlds(candidates, defaults, aspect, fixed, unknown)
    baseline = next(worlds)  # the world in which every unknown rule is false
    outcomes = {baseline[0]}
    for outcome, _ in worlds:
        outcomes.add(outcome)
        if len(outcomes) > 1:  # two worlds disagree: undetermined, whatever the other worlds say
            break
    (kind, value), chosen = baseline
    if len(outcomes) > 1:
        return Decision("undetermined", undecided=unknown, defeated=defeated)
    if kind == "conflict":
        return Decision("conflict", conflicting=chosen, undecided=unknown, defeated=defeated)
    return Decision(kind, value, deciding=chosen, undecided=unknown, defeated=defeated)


def possible_values(
    candidates: list[RuleEntry], defaults: list[RuleEntry], aspect: str, truths: RuleTruths
) -> frozenset[str | None]:
    """Every value the aspect takes in some world without a conflict; None where no rule decides.

    Beyond MAX_UNKNOWN_RULES unknown rules the worlds are not enumerated; every value a rule in
    force could set is returned instead (a superset, so still sound).
    """
    values = {r.key: truth_of(truths, r) for r in candidates}
    unknown = [r for r in candidates if values[r.key] is Truth.UNKNOWN]
    if len(unknown) > MAX_UNKNOWN_RULES:
        return frozenset(getattr(r.rule.then, aspect) for r in candidates + defaults) | {None}
    fixed = {key: value is Truth.TRUE for key, value in values.items() if value is not Truth.UNKNOWN}
    found: set[str | None] = set()
    for (kind, value), _ in _worlds(candidates, defaults, aspect, fixed, unknown):
        if kind != "conflict":
            found.add(value)
    return frozenset(found) if found else frozenset({"conflict"})
