"""Amounts: evaluating the calculations of financial supports for one case (docs/amounts.md).

Which of a support's calculations apply to a case (chosen like rules: `when` selects, `exception_to`
defeats, two winners are a conflict), each evaluated on intervals (tolka.amount_calculation), and
their results joined into the support's amount: one value, or a range when inputs are unknown, with
the missing facts, readings and parameters named.

Supports are computed in an order where every `amount(x)` a calculation reads is known first
(`tolka check` refuses circles). A support that is not eligible contributes 0 to another's
calculation, and the step says why; one that may or may not be granted contributes "0 or its amount".
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Mapping

from tolka.amount_calculation import (
    MAY_PAY,
    PAYS_NOTHING,
    CalculationRun,
    Missing,
    SupportAmount,
    calculate,
    compiled_condition,
    name_of,
)
from tolka.expr.logic import Truth
from tolka.intervals import UNBOUNDED, AmountArithmeticError, Interval, interval_fields
from tolka.jurisdictions import ResolvedReading
from tolka.model import outcome as O
from tolka.model.amount import AmountEntry
from tolka.rulebook import Rulebook


def _candidates(
    rulebook: Rulebook, entries: list[AmountEntry], document: Mapping[str, object]
) -> tuple[list, list[str]]:
    """The calculations that apply or may apply, with their truth, and those in conflict."""
    truths = [(entry, compiled_condition(rulebook, entry.condition).truth(document)) for entry in entries]
    certain = [entry for entry, held in truths if held is Truth.TRUE]
    defeated = {ident for entry in certain for ident in entry.defeats}
    possible = [(entry, held) for entry, held in truths if held is not Truth.FALSE and entry.id not in defeated]
    winners = [entry for entry, held in possible if held is Truth.TRUE]
    conflict = [
        entry.id for entry in winners if any(other is not entry and other.id not in entry.defeats for other in winners)
    ]
    return possible, conflict


def _start(possible: list, document: Mapping[str, object], day: dt.date, missing: Missing) -> str | None:
    """When payment starts, if after `day`: the calculations' `starts` (an unknown date fact is missing)."""
    dates: set[dt.date | None] = set()
    for entry, _ in possible:
        term = entry.starts
        if term is None:
            dates.add(None)
            continue
        value = document.get(term.fact)
        if value is None:
            missing.facts[term.fact] = None
            continue
        dates.add(term.date(dt.date.fromordinal(int(value))))  # type: ignore[call-overload]
    if len(dates) != 1:
        return None
    start = dates.pop()
    return start.isoformat() if start is not None and start > day else None


def support_amount(
    rulebook: Rulebook,
    entries: list[AmountEntry],
    status: str,
    document: Mapping[str, object],
    readings: Mapping[str, ResolvedReading],
    others: Mapping[str, SupportAmount],
    day: dt.date,
) -> tuple[O.Amount | None, SupportAmount]:
    """One support's amount for a case; None for a support that pays nothing or has no calculation."""
    possible, conflict = _candidates(rulebook, entries, document) if status not in PAYS_NOTHING else ([], [])
    if not possible:
        return None, SupportAmount(status, None, Missing(), True, None, None)
    missing = Missing()
    calculations: list[O.Calculation] = []
    total: Interval | None = None
    verified = True
    for entry, held in possible:
        missing.add_unknown(compiled_condition(rulebook, entry.condition), document)
        run = CalculationRun(rulebook, day, document, readings, others)
        try:
            calculation, result = calculate(entry, held, run)
        except AmountArithmeticError:
            result = UNBOUNDED
            calculation = None
        missing.merge(run.missing)
        verified &= entry.formula.verified and run.verified
        if calculation is not None:
            calculations.append(calculation)
        total = result if total is None else total.hull(result)
    assert total is not None
    if conflict:
        total = UNBOUNDED
    if total.is_exact:
        missing = Missing()  # the unknowns did not matter
    from_date = _start(possible, document, day, missing)
    kind = possible[0][0].type
    # built unvalidated, as the calculation's models are (tolka.amount_calculation): every value is of its declared type
    amount = O.Amount.model_construct(
        **interval_fields(total),
        unit=kind.unit or "",
        period=kind.period,
        from_date=from_date,
        missing_facts=list(missing.facts),
        missing_readings=list(missing.readings),
        missing_parameters=list(missing.parameters),
        missing_named=[
            named
            for kind, ids in (("fact", missing.facts), ("reading", missing.readings), ("parameter", missing.parameters))
            for ident in ids
            if (named := name_of(rulebook, kind, ident)) is not None
        ],
        last_resort=any(entry.formula.last_resort for entry, _ in possible),
        calculations=calculations,
        conflict=conflict,
        verified=verified,
    )
    return amount, SupportAmount(status, total, missing, verified, kind.unit, kind.period)


# id of an outcome with its amount → (a weak reference to it, the outcome it was copied from): the
# JSON writer shares the unchanged part's data (tolka.render.json_out). An entry lives as long as
# the copy does (so its id is not reused meanwhile) and keeps nothing else alive.
_COPIED_FROM: dict[int, tuple[weakref.ref[O.Outcome], O.Outcome]] = {}
# The fields `with_amounts` changes; every other field of the copy is the original's own object.
AMOUNT_FIELDS = ("unverified", "unverified_items", "amount")


def note_copy(copy: O.Outcome, original: O.Outcome) -> None:
    """Remember that `copy` is `original` with its amount added (see `copied_from`)."""
    ident = id(copy)
    _COPIED_FROM[ident] = (weakref.ref(copy, lambda _: _COPIED_FROM.pop(ident, None)), original)


def copied_from(outcome: O.Outcome) -> O.Outcome | None:
    """The outcome `outcome` was copied from by `with_amounts` (adding its amount), if remembered."""
    found = _COPIED_FROM.get(id(outcome))
    return found[1] if found is not None and found[0]() is outcome else None


def amount_order(rulebook: Rulebook, supports: list[str], by_support: Mapping[str, list[AmountEntry]]) -> list[str]:
    """The supports with calculations, each after the supports whose amounts it reads."""
    order: list[str] = []

    def visit(support: str, path: tuple[str, ...]) -> None:
        if support in order or support in path:  # a circle is a rulebook error `tolka check` reports
            return
        for entry in by_support.get(support, []):
            for other in entry.amounts_read():
                visit(other, (*path, support))
        order.append(support)

    for support in supports:
        if support in by_support:
            visit(support, ())
    return order


def with_amounts(
    rulebook: Rulebook,
    outcomes: list[O.Outcome],
    document: Mapping[str, object],
    readings: Mapping[str, ResolvedReading],
    jurisdiction_id: str,
    day: dt.date,
) -> list[O.Outcome]:
    """The outcomes, each financial one with its amount where the rulebook has a calculation."""
    by_support = rulebook.amounts_in_force(jurisdiction_id, day)
    if not by_support:
        return outcomes
    decided = {outcome.support: outcome for outcome in outcomes}
    supports = tuple(decided)
    order = rulebook._cached(  # the same for every case here and on `day`
        ("amount_order", jurisdiction_id, day, supports), lambda: amount_order(rulebook, list(supports), by_support)
    )
    others: dict[str, SupportAmount] = {}
    amounts: dict[str, O.Amount | None] = {}
    for support in order:
        outcome = decided.get(support)
        status = outcome.status if outcome is not None else "undetermined"
        amounts[support], others[support] = support_amount(
            rulebook, by_support[support], status, document, readings, others, day
        )
        if outcome is not None and status in MAY_PAY:  # whether it is paid waits on these too
            others[support].missing.facts.update(dict.fromkeys(outcome.missing_facts))
            others[support].missing.readings.update(dict.fromkeys(outcome.missing_readings))
    out = []
    for outcome in outcomes:
        amount = amounts.get(outcome.support)
        if amount is None:
            out.append(outcome)
            continue
        unverified = list(outcome.unverified_items) + ([f"amount of {outcome.support}"] if not amount.verified else [])
        copy = outcome.model_copy(update=dict(zip(AMOUNT_FIELDS, (bool(unverified), unverified, amount), strict=True)))
        note_copy(copy, outcome)
        out.append(copy)
    return out
