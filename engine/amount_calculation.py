"""One amount calculation evaluated for one case: its steps on intervals (tolka.intervals), each
shown with the inputs it read — parameters with their source, facts, readings, other supports'
amounts — and what keeps the result from being exact (docs/amounts.md).

A support that is not eligible contributes 0 to another's calculation, and the step says why; one
that may or may not be granted contributes "0 or its amount".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from tolka.backends.tree import CompiledRule
from tolka.citations import citations_at
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.expr.money import INFINITY
from tolka.expr.typed_formula import (
    # duplicates: every node kind, as in formula_check and the vector back end: all visit the whole tree
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
from tolka.intervals import UNBOUNDED, ZERO, Interval, arith, interval_fields, round_to
from tolka.jurisdictions import ResolvedReading
from tolka.model import outcome as O
from tolka.model.amount import AmountEntry
from tolka.model.common import Text
from tolka.rulebook import Rulebook

# Statuses under which a support pays its amount; `undetermined` and an assessment's main rule may.
PAYS = frozenset({"eligible", "eligible_after_decision", "eligible_after_application"})
MAY_PAY = frozenset({"undetermined", "not_eligible_as_a_rule"})
PAYS_NOTHING = frozenset({"not_eligible", "not_offered"})


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

    def add_unknown(self, condition: CompiledRule, document: Mapping[str, object]) -> None:
        """The fields that keep `condition` unknown (`tolka.expr.evaluate.missing_fields`), in order."""
        found: dict[A.Field, None] = {}
        condition.collect(document, found)
        for fld in found:
            self.add_field(fld)


def compiled_condition(rulebook: Rulebook, condition: A.Expr) -> CompiledRule:
    """A calculation's `when` or a choice's condition as closures, compiled once per rulebook: the
    reference semantics of `truth` and `missing_fields` (tolka.backends.tree, tested equal)."""
    # the entry keeps the condition alive, so its id is not reused while the entry lasts
    return rulebook._cached(("amount_condition", id(condition)), lambda: (condition, CompiledRule("", condition)))[1]


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
class CalculationRun:
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
        # the commonest kinds first; a leaf that reads something is noted as read before it is
        if isinstance(node, TArith):
            return arith(node.op, self.value(node.left), self.value(node.right))
        if isinstance(node, TParam):
            self.visited[node] = None
            return self.parameter(node.parameter)
        if isinstance(node, TField):
            self.visited[node] = None
            return self.field(node)
        if isinstance(node, TConst):
            return Interval.exact(node.value)
        if isinstance(node, TStep):
            return self.steps[node.step]
        if isinstance(node, TAmountOf):
            self.visited[node] = None
            return self.amount_of(node.support)
        if isinstance(node, TNegative):
            inner = self.value(node.item)
            return Interval(-inner.high, -inner.low)
        if isinstance(node, TExtreme):
            values = [self.value(item) for item in node.items]
            pick = min if node.function == "min" else max
            return Interval(pick(v.low for v in values), pick(v.high for v in values))
        if isinstance(node, TRound):
            inner = self.value(node.item)
            return Interval(round_to(inner.low, node.mode, node.step), round_to(inner.high, node.mode, node.step))
        if isinstance(node, TConvert):
            inner = self.value(node.item)
            factor = Interval.exact(Decimal(node.factor.numerator) / Decimal(node.factor.denominator))
            return arith("*", inner, factor)
        assert isinstance(node, TChoice)
        condition = compiled_condition(self.rulebook, node.condition)
        held = condition.truth(self.document)
        if held is Truth.TRUE:
            return self.value(node.then)
        if held is Truth.FALSE:
            return self.value(node.otherwise)
        self.missing.add_unknown(condition, self.document)
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
        rulebook, day = self.rulebook, self.day
        value = rulebook._cached(("parameter_at", ident, day), lambda: rulebook.parameters[ident].value_at(day))
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


def _parameter_input(rulebook: Rulebook, ident: str, day: dt.date) -> O.AmountInput:
    parameter = rulebook.parameters[ident]
    found = parameter.value_at(day)
    # A sourced figure is shown as the source gives it: a share such as 0.0174 of the
    # prisbasbelopp must not read as 0.02.
    text = format(found.value, "f") if found is not None else None
    return O.AmountInput(
        kind="parameter",
        id=ident,
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


def _citations(rulebook: Rulebook, cites: tuple[str, ...], day: dt.date) -> list[O.Citation]:
    """A step's or a calculation's citations on `day` (the same for every case: found once)."""
    return rulebook._cached(("amount_citations", cites, day), lambda: citations_at(rulebook, cites, day))


def _input(run: CalculationRun, leaf: Typed) -> O.AmountInput | None:
    """How a step's leaf is shown: its value and where it comes from."""
    rulebook, day = run.rulebook, run.day
    if isinstance(leaf, TParam):  # the same for every case on `day`: built once
        return rulebook._cached(
            ("amount_parameter_input", leaf.parameter, day), lambda: _parameter_input(rulebook, leaf.parameter, day)
        )
    if isinstance(leaf, TField):
        resolved = run.readings.get(leaf.field.name) if leaf.field.kind == "reading" else None
        source = resolved.reading.source if resolved is not None and resolved.reading is not None else None
        kind: Literal["reading", "fact"] = "reading" if leaf.field.kind == "reading" else "fact"
        ident = leaf.field.name if leaf.field.kind != "derived" else leaf.field.key
        return O.AmountInput.model_construct(
            kind=kind,
            id=ident,
            name=name_of(rulebook, kind, ident),
            **interval_fields(run.field(leaf)),
            unit=leaf.type.unit,
            period=None if leaf.type.period == "none" else leaf.type.period,
            source=source,
            verified=resolved.verified if resolved is not None else True,
        )
    if isinstance(leaf, TAmountOf):
        other = run.others.get(leaf.support)
        return O.AmountInput.model_construct(
            kind="amount",
            id=leaf.support,
            name=name_of(rulebook, "amount", leaf.support),
            **interval_fields(run.amount_of(leaf.support)),
            unit=leaf.type.unit,
            period=leaf.type.period,
            status=other.status if other is not None else None,
            verified=other.verified if other is not None else True,
        )
    return None  # an earlier step: shown on its own line


def calculate(entry: AmountEntry, applies: Truth, run: CalculationRun) -> tuple[O.Calculation, Interval]:
    """One calculation's steps and result for the case. Its models are built per case without
    validation (`model_construct`, a quarter of their cost): every value is built here, of the
    declared type, and tests/unit/test_json_out.py holds the answers to the models' own dump."""
    rulebook, day = run.rulebook, run.day
    shown: list[O.AmountStep] = []
    result = UNBOUNDED
    for step, typed in zip(entry.formula.steps, entry.steps, strict=True):
        run.visited = {}
        result = run.value(typed)
        run.steps[step.id] = result
        inputs = [item for leaf in list(run.visited) if (item := _input(run, leaf)) is not None]
        shown.append(
            O.AmountStep.model_construct(
                id=step.id,
                label=step.label,
                expression=step.value,
                **interval_fields(result),
                unit=typed.type.unit,
                period=None if typed.type.period == "none" else typed.type.period,
                inputs=inputs,
                citations=_citations(rulebook, step.cites, day),
            )
        )
    return (
        O.Calculation.model_construct(
            id=entry.id,
            applies="true" if applies is Truth.TRUE else "unknown",
            **interval_fields(result),
            steps=shown,
            citations=_citations(rulebook, entry.formula.cites, day),
            verified=entry.formula.verified and run.verified,
        ),
        result,
    )
