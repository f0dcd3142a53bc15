"""Evaluating a population in many jurisdictions at once, with the shared resolver.

A support's answer for a person depends on the person and on its *situation*: the support's rules
in force in the jurisdiction and the values of the readings those rules read. Jurisdictions
collapse into few situations (290 municipalities, most of which inherit the national defaults,
share a handful per support), so each situation is evaluated once per chunk of persons:

1. every rule of the situation is run as array operations (`tolka.backends.vector.kernel`) —
   once per distinct combination of the readings it reads, so national rules that read no reading
   run once for all jurisdictions — and coded per person: 0 false, 1 true, 2… unknown with one
   particular set of missing fields;
2. the codes of the support's rules are combined into one key per person; each distinct key (a
   *truth pattern*) is decided once by `tolka.decisions.decide_support` — the very resolver the Rete
   back end uses, so the back ends can only differ in truth values, which the tests compare — and
   the decision is remembered across chunks;
3. each person gets the id of an `Answer`: status, route, legal status, the deciding rules and the
   readings they read, and what is missing.

A population run asks one support in hundreds of situations: `Session.classes` groups the persons
that answer alike in all of them (tolka.backends.vector.classes), so each is decided per class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from tolka.backends.vector.classes import Classes, dense_keys, group_rows
from tolka.backends.vector.columns import Frame, Scalar, Value
from tolka.backends.vector.kernel import Program, compile_condition, missing_keys, run
from tolka.decisions import SupportDecision, decide_support
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.jurisdictions import ResolvedReading, jurisdiction, reading_values, resolve_readings
from tolka.model.rule import ASPECTS
from tolka.rulebook import Rulebook, RuleEntry

ReadingValues = tuple[tuple[str, Any], ...]  # (point, value or None) pairs, sorted by point
RuleTruth = tuple[Truth, tuple[str, ...]]  # a rule's truth value and, when unknown, its missing keys
DECISION_MEMO_LIMIT = 500_000  # distinct (support, rules, truth pattern) decisions remembered


@dataclass(frozen=True)
class Situation:
    """What one support's answer depends on in a jurisdiction, apart from the person."""

    support: str
    rules: tuple[str, ...]  # keys of the support's rules in force, rulebook order
    readings: ReadingValues  # every point those rules read, with its value there

    def with_reading(self, point: str, value: Any) -> Situation:
        """The same situation with one reading set to `value` (a counterfactual jurisdiction)."""
        return replace(self, readings=tuple((p, value if p == point else v) for p, v in self.readings))


@dataclass(frozen=True)
class Answer:
    """One support's answer for one person, as a population run reports it."""

    status: str
    route: str | None
    legal_status: str | None
    rules: tuple[str, ...]  # rules deciding status, route and legal status (the conflicting ones for a conflict)
    readings: ReadingValues  # the points those rules read, with their values
    missing_facts: tuple[str, ...]
    missing_readings: tuple[str, ...]

    @property
    def signature(self) -> tuple[str, str | None, str | None]:
        """What counts as 'the same answer' when jurisdictions are compared (as in engine.compare)."""
        return self.status, self.route, self.legal_status


def answer_of(decided: SupportDecision, readings: Mapping[str, Any]) -> Answer:
    """The `Answer` a decision gives, whichever back end computed the truth values behind it."""
    deciding: dict[str, RuleEntry] = {}
    for aspect in ASPECTS:
        decision = decided.decisions[aspect]
        for entry in decision.conflicting if decision.kind == "conflict" else decision.deciding:
            deciding.setdefault(entry.rule.id, entry)
    points = sorted({point for entry in deciding.values() for point in entry.points()})
    return Answer(
        status=decided.status,
        route=decided.route,
        legal_status=decided.legal_status,
        rules=tuple(deciding),
        readings=tuple((point, readings.get(point)) for point in points),
        missing_facts=tuple(decided.missing_facts),
        missing_readings=tuple(decided.missing_readings),
    )


@dataclass(frozen=True)
class Core:
    """A decided truth pattern: the answer with its readings' values left out."""

    template: Answer  # readings: the points, each with value None
    signature: int  # the back end's id of the template's (status, route, legal status)
    ids: dict[tuple, int] = field(default_factory=dict, compare=False)  # reading values → answer id

    def answer(self, readings: Mapping[str, Any]) -> Answer:
        """The answer in a situation with these reading values."""
        if not self.template.readings:
            return self.template
        return replace(self.template, readings=tuple((p, readings.get(p)) for p, _ in self.template.readings))

    def answer_id(self, backend: VectorBackend, readings: Mapping[str, Any]) -> int:
        """The back end's id of `answer(readings)` (remembered per distinct value of the points read)."""
        values = tuple(readings.get(p) for p, _ in self.template.readings)
        found = self.ids.get(values)
        if found is None:
            found = self.ids[values] = backend.answer_id(self.answer(readings))
        return found


def situation_of(
    rulebook: Rulebook,
    jurisdiction_id: str,
    support_id: str,
    day: dt.date,
    readings: Mapping[str, ResolvedReading] | None = None,
) -> Situation:
    """The situation of a support in a jurisdiction on a day (`readings` replaces the resolved ones)."""
    rules = rulebook.rules_by_support(jurisdiction_id, day).get(support_id, [])
    values = reading_values(
        dict(readings) if readings is not None else resolve_readings(rulebook, jurisdiction_id, day)
    )
    points = sorted({point for entry in rules for point in entry.points()})
    return Situation(support_id, tuple(r.key for r in rules), tuple((p, values.get(p)) for p in points))


@dataclass(frozen=True)
class Plan:
    """Jurisdictions of a run mapped to the distinct situations of their supports."""

    day: dt.date
    jurisdictions: tuple[str, ...]
    supports: dict[str, tuple[str, ...]]  # jurisdiction → its country's supports, catalogue order
    situations: tuple[Situation, ...]
    index: dict[tuple[str, str], int]  # (jurisdiction, support) → position in `situations`

    @classmethod
    def build(cls, rulebook: Rulebook, jurisdiction_ids: Sequence[str], day: dt.date) -> Plan:
        """Resolve every jurisdiction (unknown ids raise `UnknownIdError`) and collapse identical situations."""
        situations: dict[Situation, int] = {}
        supports: dict[str, tuple[str, ...]] = {}
        index: dict[tuple[str, str], int] = {}
        for jurisdiction_id in dict.fromkeys(jurisdiction_ids):
            place = jurisdiction(rulebook, jurisdiction_id)
            supports[place.id] = tuple(s.id for s in rulebook.supports_of(place.country))
            for support in supports[place.id]:
                situation = situation_of(rulebook, place.id, support, day)
                index[place.id, support] = situations.setdefault(situation, len(situations))
        return cls(day, tuple(supports), supports, tuple(situations), index)

    def situations_of(self, support: str) -> list[int]:
        """The distinct situations of one support among the run's jurisdictions, first seen first."""
        return list(dict.fromkeys(i for (_, s), i in self.index.items() if s == support))


@dataclass(frozen=True)
class Coded:
    """A rule's value for every person as small codes: 0 false, 1 true, 2 + k unknown with `table[2 + k]`."""

    codes: np.ndarray  # int64, one per person
    table: tuple[RuleTruth, ...]
    ids: np.ndarray  # per code: the back end's number for its truth value (`VectorBackend.truth_id`)


class VectorBackend:
    """The rulebook's rules as array programs, and the decisions and answers found so far."""

    def __init__(self, rulebook: Rulebook, day: dt.date) -> None:
        self.rulebook = rulebook
        self.day = day
        self.entries = {entry.key: entry for entry in rulebook.rules}
        self._programs: dict[str, Program] = {}
        self.answers: list[Answer] = []
        self.signature_of: list[int] = []  # per answer id: the id of its (status, route, legal status)
        self._answer_ids: dict[Answer, int] = {}
        self._signature_ids: dict[tuple, int] = {}
        self._decided: dict[tuple, Core] = {}
        self._by_pattern: dict[tuple[int, bytes], Core] = {}  # (rule set, truth ids) → the same cores
        self._rule_sets: dict[tuple[str, tuple[str, ...]], int] = {}
        self._truth_ids: dict[RuleTruth, int] = {}
        self.truths: list[RuleTruth] = []
        self._points: dict[str, tuple[str, ...]] = {}

    def points(self, rule_key: str) -> tuple[str, ...]:
        """The points a rule reads, in order."""
        found = self._points.get(rule_key)
        if found is None:
            found = self._points[rule_key] = tuple(self.entries[rule_key].points())
        return found

    def truth_id(self, truth: RuleTruth) -> int:
        """A number for a rule's truth value and missing keys, so that patterns compare as bytes."""
        found = self._truth_ids.get(truth)
        if found is None:
            found = self._truth_ids[truth] = len(self.truths)
            self.truths.append(truth)
        return found

    def rule_set(self, situation: Situation) -> int:
        """A number for the support and the rules in force of a situation."""
        return self._rule_sets.setdefault((situation.support, situation.rules), len(self._rule_sets))

    def program(self, rule_key: str) -> Program:
        """The rule's condition as an array program (compiled once)."""
        if rule_key not in self._programs:
            self._programs[rule_key] = compile_condition(self.entries[rule_key].condition)
        return self._programs[rule_key]

    def answer_id(self, answer: Answer) -> int:
        """The id of an answer in this back end's table (new answers are appended)."""
        found = self._answer_ids.get(answer)
        if found is None:
            found = self._answer_ids[answer] = len(self.answers)
            self.answers.append(answer)
            self.signature_of.append(self.signature_id(answer.signature))
        return found

    def signature_id(self, signature: tuple[str, str | None, str | None]) -> int:
        """The id of an answer's (status, route, legal status)."""
        return self._signature_ids.setdefault(signature, len(self._signature_ids))

    def core(self, situation: Situation, truths: tuple[RuleTruth, ...]) -> Core:
        """The decision of a truth pattern, shared by every situation with the same rules in force.

        A decision does not depend on the readings' values (they are in the truth values already),
        so jurisdictions that differ only in readings share it; only the answer's `readings` differ.
        """
        key = (situation.support, situation.rules, truths)
        found = self._decided.get(key)
        if found is None:
            if len(self._decided) > DECISION_MEMO_LIMIT:  # bound memory on very varied populations
                self._decided.clear()
            rules = [self.entries[k] for k in situation.rules]
            decided = decide_support(
                self.rulebook, situation.support, rules, dict(zip(situation.rules, truths, strict=True))
            )
            template = answer_of(decided, {})
            found = self._decided[key] = Core(template, self.signature_id(template.signature))
        return found

    def pattern_core(self, rule_set: int, situation: Situation, truth_ids: np.ndarray) -> Core:
        """`core` for truth values given as `truth_id` numbers (int32), one per rule of the situation."""
        key = (rule_set, truth_ids.tobytes())
        found = self._by_pattern.get(key)
        if found is None:
            if len(self._by_pattern) > DECISION_MEMO_LIMIT:
                self._by_pattern.clear()
            found = self._by_pattern[key] = self.core(situation, tuple(self.truths[i] for i in truth_ids))
        return found

    def session(self, frame: Frame) -> Session:
        """Evaluate situations over one chunk of persons."""
        return Session(self, frame)


class Session:
    """One frame under evaluation: rule values and situation answers computed once each."""

    def __init__(self, backend: VectorBackend, frame: Frame) -> None:
        self.backend = backend
        self.frame = frame
        self._rules: dict[tuple[str, ReadingValues], Coded] = {}
        self._answers: dict[Situation, np.ndarray] = {}

    def variant(self, rule_key: str, situation: Situation) -> tuple[str, ReadingValues]:
        """Which version of a rule a situation runs: the rule and the values of the points it reads."""
        readings = dict(situation.readings)
        return rule_key, tuple((point, readings.get(point)) for point in self.backend.points(rule_key))

    def rule(self, rule_key: str, situation: Situation) -> Coded:
        """A rule's coded value for every person, under the situation's readings."""
        return self.coded(self.variant(rule_key, situation))

    def coded(self, variant: tuple[str, ReadingValues]) -> Coded:
        """A rule variant's coded value for every person (computed once per session)."""
        found = self._rules.get(variant)
        if found is None:
            found = self._rules[variant] = self._code(variant[0], dict(variant[1]))
        return found

    def _code(self, rule_key: str, readings: Mapping[str, Any]) -> Coded:
        program = self.backend.program(rule_key)

        def source(fld: A.Field) -> Value:
            return Scalar(readings.get(fld.name)) if fld.kind == "reading" else self.frame.value(fld)

        values = run(program, source, self.frame.size)
        codes = values.true.astype(np.int64)
        table: list[RuleTruth] = [(Truth.FALSE, ()), (Truth.TRUE, ())]
        if values.missing is not None:
            unknown = np.flatnonzero(~(values.true | values.false))
            missing = values.missing[unknown]
            if len(program.atoms) < 63:  # one word: group the patterns as integers (no row-wise sort)
                inverse, representatives = dense_keys(missing[:, 0].astype(np.int64), 1 << len(program.atoms))
                patterns = missing[representatives]
            else:
                patterns, inverse = np.unique(missing, axis=0, return_inverse=True)
            codes[unknown] = 2 + inverse.reshape(-1)
            table += [(Truth.UNKNOWN, missing_keys(program, pattern)) for pattern in patterns]
        return Coded(codes, tuple(table), np.array([self.backend.truth_id(t) for t in table], dtype=np.int32))

    def answers(self, situation: Situation, keep: bool = True) -> np.ndarray:
        """The answer id (`VectorBackend.answers`) of the situation's support for every person.

        With `keep=False` a newly computed array is not remembered (counterfactual situations).
        """
        found = self._answers.get(situation)
        if found is None:
            classes = self.classes([situation])
            found = classes.answers(situation)[classes.of_person]
            if keep:
                self._answers[situation] = found
        return found

    def patterns(self, situation: Situation) -> tuple[np.ndarray, list[tuple[RuleTruth, ...]]]:
        """The situation's distinct truth patterns (each rule's truth and missing keys, rule order), and
        the position of each person's pattern among them."""
        coded = [self.rule(key, situation) for key in situation.rules]
        inverse, representatives = group_rows([(c.codes, len(c.table)) for c in coded], self.frame.size)
        return inverse, [tuple(c.table[c.codes[person]] for c in coded) for person in representatives]

    def classes(self, situations: Sequence[Situation]) -> Classes:
        """The persons grouped so that each group answers alike in every one of `situations`."""
        return Classes(self, situations)

    def forget(self, situations: Sequence[Situation]) -> None:
        """Free the answers of these situations and the coded values of their rules (summarised)."""
        rules = {key for situation in situations for key in situation.rules}
        for situation in situations:
            self._answers.pop(situation, None)
        for key in [k for k in self._rules if k[0] in rules]:
            del self._rules[key]
