"""The defeasible resolver on hand-made rules: worlds, exceptions and runtime conflicts."""

from __future__ import annotations

from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.model.common import Validity
from tolka.model.origin import Origin
from tolka.model.rule import Conclusion, Rule
from tolka.resolve import decide
from tolka.rulebook import RuleEntry

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def entry(rule_id: str, status: str, default: bool = False, defeats: tuple[str, ...] = ()) -> RuleEntry:
    rule = Rule(
        id=rule_id,
        support="s",
        when=None if default else "x",
        default=default,
        then=Conclusion(status=status),
        cites=("p",),
    )
    return RuleEntry(rule, rule_id, "SE", Origin("f", 1), A.Const(T), Validity(), frozenset(defeats))


def truths(**values):
    return {key: (value, ("missing_fact",) if value is U else ()) for key, value in values.items()}


BASE = entry("base", "eligible")
EXCEPTION = entry("exception", "not_eligible", defeats=("base",))
DEFAULT = entry("default", "not_eligible", default=True)


def test_base_rule_applies():
    decision = decide([BASE, EXCEPTION], [DEFAULT], "status", truths(base=T, exception=F))
    assert (decision.kind, decision.value, [r.id for r in decision.deciding]) == ("decided", "eligible", ["base"])


def test_exception_defeats_base():
    decision = decide([BASE, EXCEPTION], [DEFAULT], "status", truths(base=T, exception=T))
    assert (decision.kind, decision.value) == ("decided", "not_eligible")
    assert decision.defeated == {"base": ["exception"]}


def test_unknown_exception_leaves_the_answer_open():
    decision = decide([BASE, EXCEPTION], [DEFAULT], "status", truths(base=T, exception=U))
    assert decision.kind == "undetermined"
    assert [r.id for r in decision.undecided] == ["exception"]


def test_unknown_rule_that_cannot_change_the_answer_does_not_block_it():
    decision = decide([BASE, EXCEPTION], [DEFAULT], "status", truths(base=F, exception=U))
    assert (decision.kind, decision.value) == ("decided", "not_eligible")  # default or exception: same answer


def test_two_undefeated_rules_that_disagree_are_a_conflict_never_resolved_by_order():
    other = entry("other", "not_eligible")
    for order in ([BASE, other], [other, BASE]):
        decision = decide(order, [DEFAULT], "status", truths(base=T, other=T))
        assert decision.kind == "conflict"
        assert {r.id for r in decision.conflicting} == {"base", "other"}


def test_no_rule_and_no_default_is_none():
    assert decide([BASE], [], "status", truths(base=F)).kind == "none"
