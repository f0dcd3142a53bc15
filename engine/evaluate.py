"""Evaluation: a case, a jurisdiction and a date in; an `Evaluation` with cited outcomes out.

    files → Rulebook (tolka.load) → CompiledNetwork (tolka.backends.rete.compile)
          → ReteNetwork (durable_rules) → rule truth values → decisions (engine.resolve)
          → outcomes (engine.answer) → renderers (tolka.render)

An `Engine` is built once per process; compiling is cached on disk (engine.cache).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tolka
from tolka.answer import SupportDecision, build_outcome, decide_support
from tolka.backends.rete.compile import CompilableRule, CompiledNetwork, compile_network
from tolka.backends.rete.durable_adapter import ReteNetwork
from tolka.case import Case
from tolka.document import build_document
from tolka.jurisdictions import ResolvedReading, jurisdiction, reading_values, resolve_readings
from tolka.model import outcome as O
from tolka.resolve import RuleTruths
from tolka.rulebook import Rulebook


def compile_rulebook(rulebook: Rulebook) -> CompiledNetwork:
    """The rulebook's rules as durable_rules rulesets (pure data, picklable)."""
    rules = [
        CompilableRule(
            key=entry.key,
            condition=entry.condition,
            scope=entry.scope,
            valid_from=entry.validity.valid_from.toordinal() if entry.validity.valid_from else None,
            valid_to=entry.validity.valid_to.toordinal() if entry.validity.valid_to else None,
            reads_readings=bool(entry.points()),
        )
        for entry in rulebook.rules
        if entry.constant is None  # a rule whose condition reads nothing needs no network
    ]
    prefix = "tolka_" + rulebook.fingerprint.split(":")[-1][:12]
    return compile_network(rules, prefix, domains=rulebook.domains())


class Engine:
    """A rulebook compiled into the Rete network, ready to evaluate cases."""

    def __init__(self, rulebook: Rulebook, network: CompiledNetwork | None = None) -> None:
        self.rulebook = rulebook
        self.network = network or compile_rulebook(rulebook)
        self.rete = ReteNetwork(self.network)

    @classmethod
    def load(cls, root: Path, use_cache: bool = True) -> Engine:
        """Load, validate and compile the rulebook at `root`, using the on-disk cache if it is current."""
        from tolka.cache import load_or_build

        rulebook, network = load_or_build(root, compile_rulebook, use_cache=use_cache)
        return cls(rulebook, network)

    def truths(
        self,
        case: Case,
        jurisdiction_id: str,
        day: dt.date,
        memo: dict | None = None,
        readings: dict[str, ResolvedReading] | None = None,
    ) -> tuple[RuleTruths, dict[str, ResolvedReading], dict]:
        """Truth value (and missing facts) of every rule in force, the readings and the document.

        `readings` replaces the jurisdiction's own resolved readings (to ask "what if it read …").
        """
        if readings is None:
            readings = resolve_readings(self.rulebook, jurisdiction_id, day)
        document = build_document(case, day, reading_values(readings), self.rulebook)
        truths = self.rete.evaluate(document, self.rulebook.scopes(jurisdiction_id), memo)
        for entry in self.rulebook.rules_in_force(jurisdiction_id, day):
            if entry.constant is not None:
                truths[entry.key] = (entry.constant, ())
        return truths, readings, document

    def evaluate(
        self,
        case: Case,
        jurisdiction_id: str,
        day: dt.date,
        memo: dict | None = None,
        readings: dict[str, ResolvedReading] | None = None,
    ) -> O.Evaluation:
        """Evaluate one case in one jurisdiction on one day."""
        place = jurisdiction(self.rulebook, jurisdiction_id)
        truths, readings, document = self.truths(case, place.id, day, memo, readings)
        rules = self.rulebook.rules_by_support(place.id, day)
        outcomes = [
            build_outcome(self.rulebook, support, rules.get(support.id, []), truths, readings, place.id, day, document)
            for support in self.rulebook.supports_of(place.country)
        ]
        return O.Evaluation(
            tolka_version=tolka.__version__,
            rulebook_fingerprint=self.rulebook.fingerprint,
            evaluation_date=day.isoformat(),
            jurisdiction=jurisdiction_ref(place),
            facts_given=sorted(case.facts),
            outcomes=outcomes,
        )

    def decide(
        self, case: Case, jurisdiction_id: str, day: dt.date, memo: dict | None = None
    ) -> dict[str, SupportDecision]:
        """Only the decisions per support (no reasons, no citations): for ranking and grouping."""
        place = jurisdiction(self.rulebook, jurisdiction_id)
        truths, _, _ = self.truths(case, place.id, day, memo)
        rules = self.rulebook.rules_by_support(place.id, day)
        return {
            support.id: decide_support(self.rulebook, support.id, rules.get(support.id, []), truths)
            for support in self.rulebook.supports_of(place.country)
        }

    def decide_many(
        self, case: Case, jurisdiction_ids: list[str], day: dt.date, memo: dict | None = None
    ) -> dict[str, dict[str, SupportDecision]]:
        """Decisions (no explanations) in many jurisdictions; each distinct situation decided once."""
        memo = {} if memo is None else memo
        by_situation: dict[tuple, dict[str, SupportDecision]] = {}
        out = {}
        for jurisdiction_id in jurisdiction_ids:
            place = jurisdiction(self.rulebook, jurisdiction_id)
            key = self._situation(place.id, resolve_readings(self.rulebook, place.id, day), day, decisions_only=True)
            if key not in by_situation:
                by_situation[key] = self.decide(case, place.id, day, memo)
            out[place.id] = by_situation[key]
        return out

    def evaluate_many(self, case: Case, jurisdiction_ids: list[str], day: dt.date) -> list[O.Evaluation]:
        """Evaluate one case in many jurisdictions.

        Jurisdictions whose situation is identical — same resolved readings (value, basis and where
        found), same local rules in force, same country — get the same outcomes, so each distinct
        situation is evaluated once; ruleset firings are also reused across situations.
        """
        memo: dict = {}
        by_situation: dict[tuple, list[O.Outcome]] = {}
        results = []
        for jurisdiction_id in jurisdiction_ids:
            place = jurisdiction(self.rulebook, jurisdiction_id)
            readings = resolve_readings(self.rulebook, place.id, day)
            key = self._situation(place.id, readings, day)
            if key not in by_situation:
                by_situation[key] = self.evaluate(case, place.id, day, memo, readings).outcomes
            results.append(
                O.Evaluation(
                    tolka_version=tolka.__version__,
                    rulebook_fingerprint=self.rulebook.fingerprint,
                    evaluation_date=day.isoformat(),
                    jurisdiction=jurisdiction_ref(place),
                    facts_given=sorted(case.facts),
                    outcomes=by_situation[key],
                )
            )
        return results

    def _situation(
        self, jurisdiction_id: str, readings: dict[str, ResolvedReading], day: dt.date, decisions_only: bool = False
    ) -> tuple:
        """What makes two jurisdictions answer alike: country, local rules in force and readings.

        For decisions only the readings that rules read count (route information changes no
        decision); for full answers every reading counts, with where it was found.
        """
        place = self.rulebook.jurisdictions[jurisdiction_id]
        local_rules = tuple(r.key for r in self.rulebook.rules_in_force(jurisdiction_id, day) if "-" in r.scope)
        if decisions_only:
            read = self.rulebook._cached(("points_read",), lambda: {p for r in self.rulebook.rules for p in r.points()})
            values = tuple((point, r.value) for point, r in sorted(readings.items()) if point in read)
            return place.country, local_rules, values
        values = tuple(
            (point, r.value, r.basis, r.jurisdiction, r.local_reading_unknown and place.kind != "country")
            for point, r in sorted(readings.items())
        )
        return place.country, place.kind == "country", local_rules, values


def jurisdiction_ref(place) -> O.JurisdictionRef:
    return O.JurisdictionRef(
        id=place.id, name=place.name, kind=place.kind, country=place.country, example=place.example
    )
