"""Amounts: evaluating the calculations of financial supports for one case (docs/amounts.md).

Arithmetic is done on *intervals* of decimals: a known value is an interval of one point, an unknown
fact the interval its declaration allows (a money fact: 0 to no limit), an `if` whose condition is
unknown the hull of both branches. So an unknown input keeps the amount unknown — or bounds it, as
the law does ("between 0 and the norm, depending on income") — and never turns into 0. The missing
facts, readings and parameters that keep an amount from being exact are named.

Supports are computed in an order where every `amount(x)` a calculation reads is known first
(`tolka check` refuses circles). A support that is not eligible contributes 0 to another's
calculation, and the step says why; one that may or may not be granted contributes "0 or its amount".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from tolka.citations import citations_at
from tolka.expr import ast as A
from tolka.expr.evaluate import missing_fields, truth
from tolka.expr.formula import (
    INFINITY,
    TAmountOf,
    TArith,
    TChoice,
    TConst,
    TConvert,
    TExtreme,
    TField,
    TNegative,
    TParam,
    TRound,
    TStep,
    Typed,
)
from tolka.expr.logic import Truth
from tolka.jurisdictions import ResolvedReading
from tolka.model import outcome as O
from tolka.model.amount import AmountEntry
from tolka.model.common import Text
from tolka.rulebook import Rulebook

# Statuses under which a support pays its amount; `undetermined` and an assessment's main rule may.
PAYS = frozenset({"eligible", "eligible_after_decision", "eligible_after_application"})
MAY_PAY = frozenset({"undetermined", "not_eligible_as_a_rule"})
PAYS_NOTHING = frozenset({"not_eligible", "not_offered"})
_ROUNDING = {"round_down": ROUND_FLOOR, "round_up": ROUND_CEILING, "round_nearest": ROUND_HALF_UP}


class AmountArithmeticError(ArithmeticError):
    """A calculation that cannot be carried out for this case (a division by zero)."""


@dataclass(frozen=True)
class Interval:
    """A closed range of decimals; ±Infinity for no bound. `low == high` is an exact value."""

    low: Decimal
    high: Decimal

    @staticmethod
    def exact(value: Decimal) -> Interval:
        return Interval(value, value)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high and self.low.is_finite()

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))


UNBOUNDED = Interval(-INFINITY, INFINITY)
ZERO = Interval.exact(Decimal(0))


def _times(x: Decimal, y: Decimal) -> Decimal:
    return Decimal(0) if x == 0 or y == 0 else x * y  # a bound times 0 is 0, also for an unbounded one


def _arith(op: str, a: Interval, b: Interval) -> Interval:
    if op == "+":
        return Interval(a.low + b.low, a.high + b.high)
    if op == "-":
        return Interval(a.low - b.high, a.high - b.low)
    if op == "/":
        if b.is_exact and b.low == 0:
            raise AmountArithmeticError("division by zero")
        if b.low <= 0 <= b.high:
            return UNBOUNDED
        b = Interval(Decimal(1) / b.high, Decimal(1) / b.low)
    corners = [_times(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    return Interval(min(corners), max(corners))


def _round(value: Decimal, mode: str, step: Decimal) -> Decimal:
    if not value.is_finite():
        return value
    return (value / step).quantize(Decimal(1), rounding=_ROUNDING[mode]) * step


def decimal_text(value: Decimal) -> str | None:
    """A bound as decimal text (whole numbers without decimals, else two); None when unbounded."""
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def interval_texts(interval: Interval) -> tuple[str | None, str | None, str | None]:
    """(value, low, high) as the contract writes them."""
    low, high = decimal_text(interval.low), decimal_text(interval.high)
    return (low if interval.is_exact else None), low, high


@dataclass
class Missing:
    """What keeps an amount from being exact."""

    facts: dict[str, None] = field(default_factory=dict)
    readings: dict[str, None] = field(default_factory=dict)
    parameters: dict[str, None] = field(default_factory=dict)

    def merge(self, other: Missing) -> None:
        self.facts.update(other.facts)
        self.readings.update(other.readings)
        self.parameters.update(other.parameters)

    def add_field(self, fld: A.Field) -> None:
        if fld.kind == "reading":
            self.readings[fld.name] = None
        else:
            self.facts.update(dict.fromkeys(fld.facts))


@dataclass(frozen=True)
class SupportAmount:
    """A support's amount as another calculation reads it: its status, range and what it lacks."""

    status: str
    interval: Interval | None  # None: no calculation
    missing: Missing
    verified: bool
    unit: str | None
    period: str | None


@dataclass
class _Evaluation:
    rulebook: Rulebook
    day: dt.date
    document: Mapping[str, object]
    readings: Mapping[str, ResolvedReading]
    others: Mapping[str, SupportAmount]
    steps: dict[str, Interval] = field(default_factory=dict)
    missing: Missing = field(default_factory=Missing)
    verified: bool = True
    # the leaves read since the last reset: the inputs a step shows (a branch not taken is not shown)
    visited: dict[Typed, None] = field(default_factory=dict)

    def value(self, node: Typed) -> Interval:
        if isinstance(node, (TField, TParam, TAmountOf)):
            self.visited[node] = None
        if isinstance(node, TConst):
            return Interval.exact(node.value)
        if isinstance(node, TStep):
            return self.steps[node.step]
        if isinstance(node, TField):
            return self.field(node)
        if isinstance(node, TParam):
            return self.parameter(node.parameter)
        if isinstance(node, TAmountOf):
            return self.amount_of(node.support)
        if isinstance(node, TArith):
            return _arith(node.op, self.value(node.left), self.value(node.right))
        if isinstance(node, TNegative):
            inner = self.value(node.item)
            return Interval(-inner.high, -inner.low)
        if isinstance(node, TExtreme):
            values = [self.value(item) for item in node.items]
            pick = min if node.function == "min" else max
            return Interval(pick(v.low for v in values), pick(v.high for v in values))
        if isinstance(node, TRound):
            inner = self.value(node.item)
            return Interval(_round(inner.low, node.mode, node.step), _round(inner.high, node.mode, node.step))
        if isinstance(node, TConvert):
            inner = self.value(node.item)
            factor = Interval.exact(Decimal(node.factor.numerator) / Decimal(node.factor.denominator))
            return _arith("*", inner, factor)
        assert isinstance(node, TChoice)
        held = truth(node.condition, self.document)
        if held is Truth.TRUE:
            return self.value(node.then)
        if held is Truth.FALSE:
            return self.value(node.otherwise)
        for fld in missing_fields(node.condition, self.document):
            self.missing.add_field(fld)
        return self.value(node.then).hull(self.value(node.otherwise))

    def field(self, node: TField) -> Interval:
        value = self.document.get(node.field.key)
        if value is None:
            self.missing.add_field(node.field)
            return Interval(node.low, node.high)
        if node.field.kind == "reading":
            resolved = self.readings.get(node.field.name)
            self.verified &= resolved is None or resolved.verified
        return Interval.exact(Decimal(str(value)))

    def parameter(self, ident: str) -> Interval:
        value = self.rulebook.parameters[ident].value_at(self.day)
        if value is None:
            self.missing.parameters[ident] = None
            return UNBOUNDED
        self.verified &= value.verified
        return Interval.exact(value.value)

    def amount_of(self, support: str) -> Interval:
        other = self.others.get(support)
        if other is None or other.status == "conflict":
            return Interval(Decimal(0), INFINITY)
        if other.status in PAYS_NOTHING:
            return ZERO
        self.verified &= other.verified
        self.missing.merge(other.missing)
        own = other.interval if other.interval is not None else Interval(Decimal(0), INFINITY)
        return own if other.status in PAYS else own.hull(ZERO)


def name_of(rulebook: Rulebook, kind: str, ident: str) -> Text | None:
    """What a reader is shown for an input of a calculation: a name or the question, never the id."""
    if kind == "parameter" and ident in rulebook.parameters:
        return rulebook.parameters[ident].name
    if kind == "fact" and ident in rulebook.facts:
        return rulebook.facts[ident].question
    if kind == "fact" and ident in rulebook.definitions:
        return rulebook.definitions[ident].description
    if kind == "reading" and ident in rulebook.points:
        return rulebook.points[ident].question
    if kind == "amount" and ident in rulebook.supports:
        return rulebook.supports[ident].name
    return None


def _input(run: _Evaluation, leaf: Typed) -> O.AmountInput | None:
    """How a step's leaf is shown: its value and where it comes from."""
    rulebook, day = run.rulebook, run.day
    if isinstance(leaf, TParam):
        parameter = rulebook.parameters[leaf.parameter]
        found = parameter.value_at(day)
        # A sourced figure is shown as the source gives it: a share such as 0.0174 of the
        # prisbasbelopp must not read as 0.02.
        text = format(found.value, "f") if found is not None else None
        return O.AmountInput(
            kind="parameter",
            id=leaf.parameter,
            name=parameter.name,
            value=text,
            low=text,
            high=text,
            unit=parameter.unit,
            period=parameter.period,
            valid_from=found.valid_from.isoformat() if found is not None and found.valid_from else None,
            source=found.source if found is not None else None,
            citations=citations_at(rulebook, found.cites, day) if found is not None else [],
            verified=found.verified if found is not None else False,
        )
    if isinstance(leaf, TField):
        value, low, high = interval_texts(run.field(leaf))
        resolved = run.readings.get(leaf.field.name) if leaf.field.kind == "reading" else None
        source = resolved.reading.source if resolved is not None and resolved.reading is not None else None
        kind = "reading" if leaf.field.kind == "reading" else "fact"
        ident = leaf.field.name if leaf.field.kind != "derived" else leaf.field.key
        return O.AmountInput(
            kind=kind,
            id=ident,
            name=name_of(rulebook, kind, ident),
            value=value,
            low=low,
            high=high,
            unit=leaf.type.unit,
            period=None if leaf.type.period == "none" else leaf.type.period,
            source=source,
            verified=resolved.verified if resolved is not None else True,
        )
    if isinstance(leaf, TAmountOf):
        other = run.others.get(leaf.support)
        value, low, high = interval_texts(run.amount_of(leaf.support))
        return O.AmountInput(
            kind="amount",
            id=leaf.support,
            name=name_of(rulebook, "amount", leaf.support),
            value=value,
            low=low,
            high=high,
            unit=leaf.type.unit,
            period=leaf.type.period,
            status=other.status if other is not None else None,
            verified=other.verified if other is not None else True,
        )
    return None  # an earlier step: shown on its own line


def _calculation(entry: AmountEntry, applies: Truth, run: _Evaluation) -> tuple[O.Calculation, Interval]:
    rulebook, day = run.rulebook, run.day
    shown: list[O.AmountStep] = []
    result = UNBOUNDED
    for step, typed in zip(entry.formula.steps, entry.steps, strict=True):
        run.visited = {}
        result = run.value(typed)
        run.steps[step.id] = result
        inputs = [item for leaf in list(run.visited) if (item := _input(run, leaf)) is not None]
        value, low, high = interval_texts(result)
        shown.append(
            O.AmountStep(
                id=step.id,
                label=step.label,
                expression=step.value,
                value=value,
                low=low,
                high=high,
                unit=typed.type.unit,
                period=None if typed.type.period == "none" else typed.type.period,
                inputs=inputs,
                citations=citations_at(rulebook, step.cites, day),
            )
        )
    value, low, high = interval_texts(result)
    return (
        O.Calculation(
            id=entry.id,
            applies="true" if applies is Truth.TRUE else "unknown",
            value=value,
            low=low,
            high=high,
            steps=shown,
            citations=citations_at(rulebook, entry.formula.cites, day),
            verified=entry.formula.verified and run.verified,
        ),
        result,
    )


def _candidates(entries: list[AmountEntry], document: Mapping[str, object]) -> tuple[list, list[str]]:
    """The calculations that apply or may apply, with their truth, and those in conflict."""
    truths = [(entry, truth(entry.condition, document)) for entry in entries]
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
    possible, conflict = _candidates(entries, document) if status not in PAYS_NOTHING else ([], [])
    if not possible:
        return None, SupportAmount(status, None, Missing(), True, None, None)
    missing = Missing()
    calculations: list[O.Calculation] = []
    total: Interval | None = None
    verified = True
    for entry, held in possible:
        for fld in missing_fields(entry.condition, document):
            missing.add_field(fld)
        run = _Evaluation(rulebook, day, document, readings, others)
        try:
            calculation, result = _calculation(entry, held, run)
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
    value, low, high = interval_texts(total)
    kind = possible[0][0].type
    amount = O.Amount(
        value=value,
        low=low,
        high=high,
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
    others: dict[str, SupportAmount] = {}
    amounts: dict[str, O.Amount | None] = {}
    for support in amount_order(rulebook, list(decided), by_support):
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
        out.append(
            outcome.model_copy(
                update={"amount": amount, "unverified_items": unverified, "unverified": bool(unverified)}
            )
        )
    return out
