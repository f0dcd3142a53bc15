"""Amounts for a whole population: the array form of `tolka.amounts`.

The same checked formulas, the same interval semantics — every value is a pair of arrays (lowest,
highest), ±inf for no bound — so an unknown input keeps a person's amount a range, never 0. Choices
and `when` conditions run through the condition kernel (`tolka.backends.vector.kernel`); statuses
come from the population's own answers. Computation is in float64 where the explaining path is
decimal: a rounding step first rounds to a millionth, so the two give the same whole kronor, and
`tests/vector/test_amounts_agree.py` holds them equal.

An *amount situation* is what a support's amount depends on in a jurisdiction apart from the person:
the calculations in force, the readings they read, the support's status situation and, for
subsidiarity, the amount situations of the supports it reads. Jurisdictions collapse into few.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from tolka.amount_calculation import MAY_PAY, PAYS, PAYS_NOTHING
from tolka.backends.vector.backend import ReadingValues, Session, Situation, situation_of
from tolka.backends.vector.columns import Column, Scalar
from tolka.backends.vector.kernel import Program, Tri, compile_condition, run
from tolka.expr import ast as A
from tolka.expr.typed_formula import (
    # duplicates: every node kind, as in tolka.amount_calculation: both evaluate the whole typed tree
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
from tolka.jurisdictions import ResolvedReading, reading_values, resolve_readings
from tolka.rulebook import Rulebook

INF = np.inf
PRECISION = 6  # decimals kept before a rounding step (float64 noise below a millionth is not money)


@dataclass(frozen=True)
class AmountSituation:
    """What one support's amount depends on in a jurisdiction, apart from the person."""

    support: str
    entries: tuple[str, ...]  # keys of the calculations in force
    readings: ReadingValues  # the points they read, with their values
    status: Situation  # the support's status situation
    reads: tuple[AmountSituation, ...]  # the situations of the supports whose amounts it reads

    def with_reading(self, point: str, value: Any) -> AmountSituation:
        """The same situation with one reading changed wherever it is read (a counterfactual)."""
        status = self.status
        if any(p == point for p, _ in status.readings):
            status = status.with_reading(point, value)
        return replace(
            self,
            readings=tuple((p, value if p == point else v) for p, v in self.readings),
            status=status,
            reads=tuple(other.with_reading(point, value) for other in self.reads),
        )

    def points(self) -> tuple[str, ...]:
        """Every point the amount depends on, through its calculations, its status and what it reads."""
        found = {p for p, _ in self.readings} | {p for p, _ in self.status.readings}
        for other in self.reads:
            found |= set(other.points())
        return tuple(sorted(found))


def amount_situation(
    rulebook: Rulebook,
    jurisdiction_id: str,
    support: str,
    day: dt.date,
    readings: Mapping[str, ResolvedReading] | None = None,
) -> AmountSituation | None:
    """The amount situation of a support in a jurisdiction; None where no calculation is in force."""
    entries = rulebook.amounts_in_force(jurisdiction_id, day).get(support)
    if not entries:
        return None
    resolved = dict(readings) if readings is not None else resolve_readings(rulebook, jurisdiction_id, day)
    values = reading_values(resolved)
    points = sorted({point for entry in entries for point in entry.points()})
    reads = []
    for other in dict.fromkeys(s for entry in entries for s in entry.amounts_read()):
        found = amount_situation(rulebook, jurisdiction_id, other, day, resolved)
        if found is not None:
            reads.append(found)
    return AmountSituation(
        support,
        tuple(entry.key for entry in entries),
        tuple((p, values.get(p)) for p in points),
        situation_of(rulebook, jurisdiction_id, support, day, resolved),
        tuple(reads),
    )


@dataclass(frozen=True)
class Amounts:
    """One support's amounts for every person of a chunk, in the calculation's own period."""

    low: np.ndarray
    high: np.ndarray
    applies: np.ndarray  # a calculation applies or may apply (the status may pay and `when` may hold)
    status: np.ndarray  # each person's status (object array of strings)
    period: str

    @property
    def exact(self) -> np.ndarray:
        return self.applies & (self.low == self.high) & np.isfinite(self.low)


def _times(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.where((x == 0) | (y == 0), 0.0, x * y)  # a bound times 0 is 0, also for an unbounded one


def _round(values: np.ndarray, mode: str, step: float) -> np.ndarray:
    scaled = np.round(values / step, PRECISION)
    if mode == "round_down":
        out = np.floor(scaled)
    elif mode == "round_up":
        out = np.ceil(scaled)
    else:
        out = np.floor(scaled + 0.5)  # a half rounds up, as ROUND_HALF_UP
    return np.where(np.isfinite(values), out * step, values)


class AmountSession:
    """Amount situations evaluated over one chunk of persons (each computed once)."""

    def __init__(self, session: Session, rulebook: Rulebook, day: dt.date) -> None:
        self.session = session
        self.rulebook = rulebook
        self.day = day
        self.size = session.frame.size
        self.entries = {entry.key: entry for entry in rulebook.amounts}
        self._done: dict[AmountSituation, Amounts] = {}
        self._programs: dict[int, Program] = {}
        self._statuses = np.array([], dtype=object)

    def statuses(self, situation: Situation) -> np.ndarray:
        """Each person's status in a status situation."""
        answers = self.session.answers(situation)
        known = self.session.backend.answers
        if len(self._statuses) < len(known):
            self._statuses = np.array([answer.status for answer in known], dtype=object)
        return self._statuses[answers]

    def amounts(self, situation: AmountSituation) -> Amounts:
        """The support's amount for every person in the situation."""
        found = self._done.get(situation)
        if found is None:
            found = self._done[situation] = self._compute(situation)
        return found

    def _compute(self, situation: AmountSituation) -> Amounts:
        readings = dict(situation.readings)
        others = {other.support: self.amounts(other) for other in situation.reads}
        status = self.statuses(situation.status)
        entries = [self.entries[key] for key in situation.entries]
        truths = [self._truth(entry.condition, readings) for entry in entries]
        certain = [tri.true for tri in truths]
        low = np.full(self.size, INF)
        high = np.full(self.size, -INF)
        possible_any = np.zeros(self.size, dtype=bool)
        winners: list[np.ndarray] = []
        for entry, tri in zip(entries, truths, strict=True):
            defeated = np.zeros(self.size, dtype=bool)
            for other, held in zip(entries, certain, strict=True):
                if entry.id in other.defeats:
                    defeated |= held
            possible = ~tri.false & ~defeated
            if not possible.any():
                winners.append(possible)
                continue
            steps: dict[str, tuple[np.ndarray, np.ndarray]] = {}
            result = (np.full(self.size, -INF), np.full(self.size, INF))
            for step, typed in zip(entry.formula.steps, entry.steps, strict=True):
                result = self._value(typed, readings, others, steps)
                steps[step.id] = result
            low = np.where(possible, np.minimum(low, result[0]), low)
            high = np.where(possible, np.maximum(high, result[1]), high)
            possible_any |= possible
            winners.append(tri.true & possible)
        conflict = np.zeros(self.size, dtype=bool)
        for i, first in enumerate(entries):
            for j, second in enumerate(entries[i + 1 :], start=i + 1):
                if first.id not in second.defeats and second.id not in first.defeats:
                    conflict |= winners[i] & winners[j]
        low = np.where(conflict, -INF, low)
        high = np.where(conflict, INF, high)
        applies = possible_any & ~np.isin(status, list(PAYS_NOTHING))
        return Amounts(low, high, applies, status, entries[0].type.period)

    def _truth(self, condition: A.Expr, readings: Mapping[str, Any]) -> Tri:
        # conditions are the rulebook's own objects, alive as long as it is: compiled once each
        program = self._programs.get(id(condition))
        if program is None:
            program = self._programs[id(condition)] = compile_condition(condition)
        values = run(program, lambda fld: self._source(fld, readings), self.size)
        return Tri(np.broadcast_to(values.true, (self.size,)), np.broadcast_to(values.false, (self.size,)))

    def _source(self, fld: A.Field, readings: Mapping[str, Any]):
        return Scalar(readings.get(fld.name)) if fld.kind == "reading" else self.session.frame.value(fld)

    def _value(
        self,
        node: Typed,
        readings: Mapping[str, Any],
        others: Mapping[str, Amounts],
        steps: Mapping[str, tuple[np.ndarray, np.ndarray]],
    ) -> tuple[np.ndarray, np.ndarray]:
        size = self.size

        def value(item: Typed) -> tuple[np.ndarray, np.ndarray]:
            return self._value(item, readings, others, steps)

        if isinstance(node, TConst):
            return np.full(size, float(node.value)), np.full(size, float(node.value))
        if isinstance(node, TStep):
            return steps[node.step]
        if isinstance(node, TField):
            return self._field(node, readings)
        if isinstance(node, TParam):
            found = self.rulebook.parameters[node.parameter].value_at(self.day)
            if found is None:
                return np.full(size, -INF), np.full(size, INF)
            return np.full(size, float(found.value)), np.full(size, float(found.value))
        if isinstance(node, TAmountOf):
            return self._amount_of(others.get(node.support))
        if isinstance(node, TArith):
            return _arith(node.op, value(node.left), value(node.right))
        if isinstance(node, TNegative):
            low, high = value(node.item)
            return -high, -low
        if isinstance(node, TExtreme):
            pairs = [value(item) for item in node.items]
            pick = np.minimum if node.function == "min" else np.maximum
            return pick.reduce([p[0] for p in pairs]), pick.reduce([p[1] for p in pairs])
        if isinstance(node, TRound):
            low, high = value(node.item)
            step = float(node.step)
            return _round(low, node.mode, step), _round(high, node.mode, step)
        if isinstance(node, TConvert):
            factor = node.factor.numerator / node.factor.denominator
            return _arith("*", value(node.item), (np.full(size, factor), np.full(size, factor)))
        assert isinstance(node, TChoice)
        tri = self._truth(node.condition, readings)
        then, otherwise = value(node.then), value(node.otherwise)
        low = np.where(tri.true, then[0], np.where(tri.false, otherwise[0], np.minimum(then[0], otherwise[0])))
        high = np.where(tri.true, then[1], np.where(tri.false, otherwise[1], np.maximum(then[1], otherwise[1])))
        return low, high

    def _field(self, node: TField, readings: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        size = self.size
        source = self._source(node.field, readings)
        if isinstance(source, Scalar):
            if source.value is None:
                return np.full(size, float(node.low)), np.full(size, float(node.high))
            return np.full(size, float(source.value)), np.full(size, float(source.value))
        column: Column = source
        values = column.values.astype(np.float64)
        return np.where(column.known, values, float(node.low)), np.where(column.known, values, float(node.high))

    def _amount_of(self, other: Amounts | None) -> tuple[np.ndarray, np.ndarray]:
        size = self.size
        if other is None:
            return np.zeros(size), np.full(size, INF)
        low = np.where(other.applies, other.low, 0.0)
        high = np.where(other.applies, other.high, INF)
        nothing = np.isin(other.status, list(PAYS_NOTHING))
        may = np.isin(other.status, list(MAY_PAY))
        conflict = ~(nothing | may | np.isin(other.status, list(PAYS)))
        low = np.where(nothing, 0.0, np.where(may, np.minimum(low, 0.0), low))
        high = np.where(nothing, 0.0, np.where(may, np.maximum(high, 0.0), high))
        return np.where(conflict, 0.0, low), np.where(conflict, INF, high)


def _arith(
    op: str, a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    if op == "+":
        return a[0] + b[0], a[1] + b[1]
    if op == "-":
        return a[0] - b[1], a[1] - b[0]
    if op == "/":
        zero = (b[0] <= 0) & (b[1] >= 0)  # a divisor that is or may be 0: no bound (the reference's rule)
        safe_low, safe_high = np.where(zero, 1.0, b[0]), np.where(zero, 1.0, b[1])
        inverse = (1.0 / safe_high, 1.0 / safe_low)
        low, high = _arith("*", a, inverse)
        return np.where(zero, -INF, low), np.where(zero, INF, high)
    corners = [_times(x, y) for x in a for y in b]
    return np.minimum.reduce(corners), np.maximum.reduce(corners)
