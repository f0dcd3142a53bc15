"""Static conflicts: two rules that can both apply to one case and conclude differently on the same
aspect of a support, neither defeating the other, reported with a witness case.

The witness is a leaf of the three-valued decision tree of both conditions (the one the Rete back
end compiles) that is true and whose calendar terms can hold on one day. Searching for it is most of
the cost of checking (0.2 s CPU with readings everywhere), and after an edit of one file almost every
pair is the same, so each pair's finding is kept (`tolka.load.stored.Table`, `conflict-pairs/`),
named by both conditions, the values their fields can take, the day and the search's limit.
"""

from __future__ import annotations

import datetime as dt

from tolka.backends.rete.decision_tree import ConditionTooLarge, decision_leaves
from tolka.errors import ConflictUncheckedWarning, StaticConflictError
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.i18n import N_
from tolka.load import stored
from tolka.load.collector import Collector
from tolka.load.rules import condition_domains
from tolka.periods import DateTerm, is_term_field, terms_can_hold
from tolka.resolve import compatible
from tolka.rulebook import Rulebook, RuleEntry

_TEST_OPERATORS = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "!="}

# Far above what the Rete back end compiles for one rule (256 leaves): two conditions together
# expand into the product of their branches, and a pair skipped because it was large once hid a real
# conflict (se.fs.study_break against se.fs.gymnasium_parents, 2026-12-02). Past this, the pair is
# reported as unchecked, never passed over.
MAX_LEAVES_PER_PAIR = 50_000


def conflicts(book: Rulebook, errors: Collector) -> None:
    """Report every pair of rules on the same support and aspect that can conflict."""
    by_target: dict[tuple[str, str], list[RuleEntry]] = {}
    for entry in book.rules:
        for aspect in entry.rule.then.aspects():
            by_target.setdefault((entry.rule.support, aspect), []).append(entry)
    kept = stored.Table("conflict-pairs", stored.engine_digest())
    for (_, aspect), entries in sorted(by_target.items()):
        for index, first in enumerate(entries):
            for second in entries[index + 1 :]:
                _check_pair(book, errors, first, second, aspect, kept)
    kept.save()


def _check_pair(
    book: Rulebook, errors: Collector, first: RuleEntry, second: RuleEntry, aspect: str, kept: stored.Table
) -> None:
    if compatible({getattr(first.rule.then, aspect), getattr(second.rule.then, aspect)}) is not None:
        return
    if first.rule.default != second.rule.default:
        return  # a default only applies where no other rule does
    if first.rule.id in second.defeats or second.rule.id in first.defeats or first.rule.id == second.rule.id:
        return
    if not first.validity.overlaps(second.validity):
        return
    if first.scope not in book.scopes(second.scope) and second.scope not in book.scopes(first.scope):
        return  # never in force in the same jurisdiction
    both = A.And((first.condition, second.condition))
    day = max(d for d in (first.validity.valid_from, second.validity.valid_from, dt.date(2026, 1, 1)) if d)
    if first.validity.valid_to or second.validity.valid_to:
        day = min(d for d in (first.validity.valid_to, second.validity.valid_to, day) if d)
    found, example = _witness(both, condition_domains(book, both), day, kept)
    if found is None:
        errors.add(
            ConflictUncheckedWarning(
                N_(
                    "rules {first} and {second} both set the {aspect} of {support}, but their conditions together "
                    "expand into more than {limit} cases, so whether they can conflict was not checked"
                ),
                hint=N_("make one an `exception_to` the other if it should prevail (the other rule is at {origin})"),
                first=first.rule.id,
                second=second.rule.id,
                aspect=aspect,
                support=first.rule.support,
                limit=MAX_LEAVES_PER_PAIR,
                origin=first.origin,
            ),
            second.origin,
        )
        return
    if not found:
        return
    errors.add(
        StaticConflictError(
            N_(
                "rules {first} and {second} can both apply to {support} and set its {aspect} to {first_value} vs "
                "{second_value} (e.g. {example})"
            )
            if example
            else N_(
                "rules {first} and {second} can both apply to {support} and set its {aspect} to {first_value} vs "
                "{second_value} (in every case)"
            ),
            hint=N_(
                "make one an `exception_to` the other, or make their conditions exclusive (the other rule is at "
                "{origin})"
            ),
            first=first.rule.id,
            second=second.rule.id,
            support=first.rule.support,
            aspect=aspect,
            first_value=getattr(first.rule.then, aspect),
            second_value=getattr(second.rule.then, aspect),
            example=example,
            origin=first.origin,
        ),
        second.origin,
    )


def _witness(
    both: A.And, domains: dict[A.Field, tuple | str], day: dt.date, kept: stored.Table
) -> tuple[bool | None, str]:
    """Whether both conditions can hold in one case on `day` (None: too large to search) and the
    witness's tests described ("" when it needs none), kept in `kept`."""
    name = kept.name(repr((both, tuple(domains.items()), day.isoformat(), MAX_LEAVES_PER_PAIR)))
    found = kept.get(name)
    if not (isinstance(found, tuple) and len(found) == 2):  # not kept (or not as written)
        try:
            witness = next(
                (
                    leaf
                    for leaf in decision_leaves(both, domains, limit=MAX_LEAVES_PER_PAIR)
                    if leaf.truth is Truth.TRUE and _calendar_consistent(leaf.tests, day)
                ),
                None,
            )
            found = (False, "") if witness is None else (True, ", ".join(_describe(test) for test in witness.tests))
        except ConditionTooLarge:
            found = (None, "")
        kept.put(name, found)
    return found


def _calendar_consistent(tests: tuple[dict, ...], day: dt.date) -> bool:
    """Whether a witness's tests on calendar terms of one date fact can hold together on `day`."""
    by_fact: dict[str, list[tuple[DateTerm, str, int]]] = {}
    for test in tests:
        ((op, body),) = test.items()
        if op.startswith("$") and isinstance(body, dict):
            ((key, value),) = body.items()
            symbol = _TEST_OPERATORS.get(op)
        else:
            key, value, symbol = op, body, "=="
        name, _, fact = key.rpartition("__")
        if symbol and is_term_field(name):
            by_fact.setdefault(fact, []).append((DateTerm.from_field(name, fact), symbol, int(value)))
    return all(len(c) < 2 or terms_can_hold(c, day) for c in by_fact.values())


def _describe(test: dict) -> str:
    ((op, body),) = test.items()
    if op.startswith("$"):
        ((key, value),) = body.items()
        symbol = {**_TEST_OPERATORS, "$ex": "known"}[op]
        return f"{key} known" if symbol == "known" else f"{key} {symbol} {value!r}"
    if op.startswith("unknown__"):
        return f"{op[len('unknown__') :]} unknown"
    return f"{op} = {body!r}"
