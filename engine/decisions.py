"""From rule truths to the decisions on one support: status, route and legal status, the facts and
readings each waits for, and the values an undecided aspect can still take.

A decision depends only on the support, its rules in force and their truth pattern, so it is made
once per distinct pattern and shared (see `decide_pattern`); the answer built on it is
`tolka.answer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard, get_args

from tolka.expr.logic import Truth
from tolka.model.outcome import OutcomeStatus
from tolka.model.rule import ASPECTS, LEGAL_STATUSES, STATUSES
from tolka.resolve import Decision, RuleTruth, RuleTruths, decide, possible_values, truth_of
from tolka.rulebook import Rulebook, RuleEntry


def field_to_fact(key: str) -> tuple[str, str]:
    """("fact", name) or ("reading", point) for a document key reported missing."""
    if key.startswith("reading__"):
        return "reading", key[len("reading__") :]
    return "fact", key.rsplit("__", 1)[1] if "__" in key else key


@dataclass
class SupportDecision:
    """The decisions on one support's aspects, before any explanation is built."""

    support: str
    decisions: dict[str, Decision]
    status: OutcomeStatus
    missing_facts: list[str]
    missing_readings: list[str]
    missing_by_aspect: dict[str, tuple[list[str], list[str]]]  # aspect → (facts, readings) it waits for

    @property
    def route(self) -> str | None:
        decision = self.decisions["route"]
        return decision.value if decision.kind == "decided" else None

    @property
    def legal_status(self) -> str | None:
        decision = self.decisions["legal_status"]
        return decision.value if decision.kind == "decided" else None


def _by_aspect(rules: list[RuleEntry]) -> dict[str, tuple[list[RuleEntry], list[RuleEntry]]]:
    """Per aspect: the candidate rules and the default rules that set it."""
    split = {}
    for aspect in ASPECTS:
        setting = [r for r in rules if aspect in r.aspects]
        split[aspect] = ([r for r in setting if not r.rule.default], [r for r in setting if r.rule.default])
    return split


DECISION_MEMO_LIMIT = 100_000  # distinct decisions remembered per rulebook (a server runs for long)
FALSE_TRUTH: RuleTruth = (Truth.FALSE, ())  # a rule that did not fire


def decide_support(rulebook: Rulebook, support_id: str, rules: list[RuleEntry], truths: RuleTruths) -> SupportDecision:
    """Decide status, route and legal status of one support from its rules' truth values."""
    keys = tuple(r.key for r in rules)
    return decide_pattern(rulebook, support_id, rules, keys, tuple(truths.get(k, FALSE_TRUTH) for k in keys))


def decide_pattern(
    rulebook: Rulebook,
    support_id: str,
    rules: list[RuleEntry],
    keys: tuple[str, ...],
    pattern: tuple[RuleTruth, ...],
) -> SupportDecision:
    """`decide_support` from the *truth pattern*: each rule's truth value and missing keys, in order.

    A decision depends on nothing else: the support, which of its rules are in force (`keys`, in
    rulebook order) and the pattern. So it is made once per distinct (support, rules, pattern) and
    shared — across the hypothetical answers `tolka ask` tries, the jurisdictions of a comparison,
    the persons of a population and successive requests to a server. Callers must not mutate it.
    """
    key = (support_id, keys, pattern)
    memo = rulebook._decisions
    found = memo.get(key)
    if found is None:
        if len(memo) >= DECISION_MEMO_LIMIT:
            memo.clear()
        found = memo[key] = _decide_support(rulebook, support_id, rules, dict(zip(keys, pattern, strict=True)))
    return found


def _decide_support(rulebook: Rulebook, support_id: str, rules: list[RuleEntry], truths: RuleTruths) -> SupportDecision:
    split = rulebook._cached(("by_aspect", support_id, tuple(r.key for r in rules)), lambda: _by_aspect(rules))
    decisions = {
        aspect: decide(candidates, defaults, aspect, truths) for aspect, (candidates, defaults) in split.items()
    }
    status_decision = decisions["status"]
    status: OutcomeStatus = "undetermined"
    if status_decision.kind == "decided" and _is_status(status_decision.value):
        status = status_decision.value
    elif status_decision.kind == "conflict":
        status = "conflict"
    order = rulebook._cached(("fact_order",), lambda: {name: i for i, name in enumerate(rulebook.facts)})
    by_aspect: dict[str, tuple[list[str], list[str]]] = {}
    for aspect, decision in decisions.items():
        facts: dict[str, None] = {}
        points: dict[str, None] = {}
        if decision.kind == "undetermined":
            for entry in decision.undecided:
                for key in truths.get(entry.key, (Truth.FALSE, ()))[1]:
                    kind, name = field_to_fact(key)
                    (points if kind == "reading" else facts).setdefault(name, None)
        by_aspect[aspect] = (sorted(facts, key=lambda n: order.get(n, len(order))), list(points))
    all_facts = dict.fromkeys(name for facts, _ in by_aspect.values() for name in facts)
    all_points = dict.fromkeys(point for _, points in by_aspect.values() for point in points)
    return SupportDecision(
        support_id,
        decisions,
        status,
        sorted(all_facts, key=lambda n: order.get(n, len(order))),
        list(all_points),
        by_aspect,
    )


def _is_status(value: str | None) -> TypeGuard[OutcomeStatus]:
    """Whether a decided `status` is one the contract knows (rules can only set those)."""
    return value in _OUTCOME_STATUSES


_OUTCOME_STATUSES = frozenset(get_args(OutcomeStatus))
ORDER: dict[str, dict[str | None, int]] = {
    "status": {value: i for i, value in enumerate((*STATUSES, "conflict"))},
    "legal_status": {value: i for i, value in enumerate((*LEGAL_STATUSES, "conflict", None))},
}


def still_possible(
    rulebook: Rulebook,
    support_id: str,
    rules: list[RuleEntry],
    truths: RuleTruths,
    decided: SupportDecision,
    aspect: str,
) -> list[str | None]:
    """The values `aspect` can still take, in the contract's order: the decided one, or every world's."""
    decision = decided.decisions[aspect]
    if decision.kind == "decided":
        return [decision.value]
    if decision.kind == "conflict":
        return ["conflict"]
    candidates, defaults = rulebook._cached(
        ("by_aspect", support_id, tuple(r.key for r in rules)), lambda: _by_aspect(rules)
    )[aspect]
    pattern = tuple(truth_of(truths, r) for r in candidates)
    found = rulebook._cached(
        ("possible", support_id, aspect, tuple(r.key for r in candidates), pattern),
        lambda: possible_values(candidates, defaults, aspect, truths),
    )
    order = ORDER[aspect]
    return sorted(found, key=lambda v: order.get(v, len(order)))
