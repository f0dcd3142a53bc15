"""Evaluation: a case, a jurisdiction and a date in; an `Evaluation` with cited outcomes out.

    files → Rulebook (tolka.load) → CompiledNetwork (tolka.backends.rete.compile)
          → ReteNetwork (durable_rules) → rule truth values → decisions (engine.resolve)
          → outcomes (engine.answer) → renderers (tolka.render)

An `Engine` is built once per process; compiling is cached on disk (engine.cache).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import tolka
from tolka.amounts import with_amounts
from tolka.answer import build_outcome, remembered_outcome
from tolka.backends.rete.compile import CompilableRule, CompiledNetwork, compile_network
from tolka.backends.rete.durable_adapter import ReteNetwork
from tolka.backends.tree import TreeBackend
from tolka.case import Case
from tolka.decisions import FALSE_TRUTH, SupportDecision, decide_pattern, decide_support
from tolka.document import build_document
from tolka.jurisdictions import ResolvedReading, jurisdiction, reading_values, resolve_readings
from tolka.model import outcome as O
from tolka.resolve import RuleTruths
from tolka.rulebook import Rulebook, RuleEntry
from tolka.situations import Layout, SituationGroups, SupportSituation, TruthPattern

if TYPE_CHECKING:  # numpy and the vector back end are imported only when first used (CLI start-up)
    import numpy as np

    from tolka.backends.vector.backend import VectorBackend


def compile_rulebook(rulebook: Rulebook) -> CompiledNetwork:
    """The rulebook's rules as durable_rules rulesets (pure data, picklable)."""
    rules = [
        CompilableRule(
            key=entry.key,
            condition=entry.condition,
            scope=entry.scope,
            valid_from=entry.validity.valid_from.toordinal() if entry.validity.valid_from else None,
            valid_to=entry.validity.valid_to.toordinal() if entry.validity.valid_to else None,
            points=tuple(sorted(entry.points())),
        )
        for entry in rulebook.rules
        if entry.constant is None  # a rule whose condition reads nothing needs no network
    ]
    prefix = "tolka_" + rulebook.fingerprint.split(":")[-1][:12]
    return compile_network(rules, prefix, domains=rulebook.domains())


BACKENDS = ("tree", "rete")  # where one case's truth values come from (see Engine.truths)


class Engine:
    """A rulebook compiled into the Rete network, ready to evaluate cases."""

    def __init__(self, rulebook: Rulebook, network: CompiledNetwork | None = None, backend: str | None = None) -> None:
        self.rulebook = rulebook
        self.network = network or compile_rulebook(rulebook)
        self.rete = ReteNetwork(self.network)
        self.backend = backend or os.environ.get("TOLKA_BACKEND") or "tree"
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown back end {self.backend!r}: choose one of {', '.join(BACKENDS)}")
        self._tree = TreeBackend()
        self._outcomes: dict[tuple, O.Outcome] = {}  # see tolka.answer.remembered_outcome
        self._situation_ids: dict[tuple, int] = {}
        self._vector: dict[dt.date, VectorBackend] = {}  # for many hypothetical cases (decide_hypotheticals)

    @classmethod
    def load(cls, root: Path, use_cache: bool = True, backend: str | None = None) -> Engine:
        """Load, validate and compile the rulebook at `root`, using the on-disk cache if it is current."""
        from tolka.cache import load_or_build

        rulebook, network = load_or_build(root, compile_rulebook, use_cache=use_cache)
        return cls(rulebook, network, backend)

    # duplicates: `truths` and `evaluate` take the same case, place, day, memo and readings.
    def truths(
        self,
        case: Case,
        jurisdiction_id: str,
        day: dt.date,
        memo: dict | None = None,
        readings: dict[str, ResolvedReading] | None = None,
        backend: str | None = None,
    ) -> tuple[RuleTruths, dict[str, ResolvedReading], dict]:
        """Truth value (and missing facts) of every rule in force, the readings and the document.

        `readings` replaces the jurisdiction's own resolved readings (to ask "what if it read …").
        The truth values come from the engine's back end, or `backend` if given: "rete", the
        reference (a durable_rules session; `memo` shares ruleset firings between calls), or "tree"
        (the same conditions as closures over the document, `tolka.backends.tree`; tested equal).
        """
        if readings is None:
            readings = resolve_readings(self.rulebook, jurisdiction_id, day)
        document = build_document(case, day, reading_values(readings), self.rulebook)
        in_force = self.rulebook.rules_in_force(jurisdiction_id, day)
        if (backend or self.backend) == "rete":
            truths = self.rete.evaluate(document, self.rulebook.scopes(jurisdiction_id), memo)
        else:
            truths = self._tree.evaluate(document, in_force)
        for entry in in_force:
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
        supports: Collection[str] | None = None,
    ) -> O.Evaluation:
        """Evaluate one case in one jurisdiction on one day (only `supports`, if given)."""
        place = jurisdiction(self.rulebook, jurisdiction_id)
        own_readings = readings is None
        truths, readings, document = self.truths(case, place.id, day, memo, readings)
        rules = self.rulebook.rules_by_support(place.id, day)
        outcomes = [
            remembered_outcome(
                self.rulebook,
                support,
                rules.get(support.id, []),
                truths,
                readings,
                place.id,
                day,
                document,
                self._outcomes,
            )
            if own_readings
            else build_outcome(
                self.rulebook, support, rules.get(support.id, []), truths, readings, place.id, day, document
            )
            for support in self.rulebook.supports_of(place.country)
            if supports is None or support.id in supports
        ]
        outcomes = with_amounts(self.rulebook, outcomes, document, readings, place.id, day)
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
        self,
        case: Case,
        jurisdiction_ids: list[str],
        day: dt.date,
        memo: dict | None = None,
        supports: Collection[str] | None = None,
    ) -> dict[str, dict[str, SupportDecision]]:
        """Decisions (no explanations) in many jurisdictions (on `supports` only, if given)."""
        groups = self.situation_groups(jurisdiction_ids, day)
        decided = self.decide_situations(case, groups, day, memo, supports)
        out: dict[str, dict[str, SupportDecision]] = {}
        for jurisdiction_id in jurisdiction_ids:
            out.setdefault(jurisdiction(self.rulebook, jurisdiction_id).id, {})
        for support, decisions in decided.items():  # each country's supports in catalogue order
            for (_, members), decision in zip(groups[support], decisions, strict=True):
                for member in members:
                    out[member][support] = decision
        return out

    def situation_groups(self, jurisdiction_ids: Sequence[str], day: dt.date) -> SituationGroups:
        """Per support, its distinct situations among the jurisdictions, each with the jurisdictions in it.

        A support's decision depends on the case and its situation alone (its rules in force and
        the values of the readings they read), so deciding once per group answers every member.
        Supports come in each country's catalogue order; members in the order given.
        """

        def compute() -> SituationGroups:
            groups: dict[str, dict[int, tuple[SupportSituation, list[str]]]] = {}
            places = dict.fromkeys(jurisdiction(self.rulebook, j).id for j in jurisdiction_ids)  # each once
            for place in places:
                for support, plan in self.support_situations(place, day).items():
                    groups.setdefault(support, {}).setdefault(plan.situation, (plan, []))[1].append(place)
            return {support: list(found.values()) for support, found in groups.items()}

        return self.rulebook._cached(("situation_groups", tuple(jurisdiction_ids), day), compute)

    def decide_situations(
        self,
        case: Case,
        groups: SituationGroups,
        day: dt.date,
        memo: dict | None = None,
        supports: Collection[str] | None = None,
    ) -> dict[str, list[SupportDecision]]:
        """The case's decision in each situation of `groups` (of `supports` only, if given).

        Only the rulesets holding a support's rules run, in the first jurisdiction of the group;
        for one case a ruleset's firings depend only on its scopes that apply and the readings it
        reads, so they are shared between situations, and `memo` shares them between calls (hypothetical answers).
        """
        memo = {} if memo is None else memo
        fired: dict[tuple[int, tuple[str, ...], tuple], dict[str, tuple]] = {}
        documents: dict[str, dict] = {}
        out: dict[str, list[SupportDecision]] = {}
        for support, situations in groups.items():
            if supports is not None and support not in supports:
                continue
            decisions = out[support] = []
            for plan, members in situations:
                maps = []
                for ruleset in plan.rulesets:
                    firing_map = fired.get(ruleset)
                    if firing_map is None:
                        place = members[0]
                        document = documents.get(place)
                        if document is None:
                            values = reading_values(resolve_readings(self.rulebook, place, day))
                            document = documents[place] = build_document(case, day, values, self.rulebook)
                        firings = self.rete.firings(ruleset[0], document, self.rulebook.scopes(place), memo)
                        firing_map = fired[ruleset] = {key: (truth, missing) for key, truth, missing in firings}
                    maps.append(firing_map)
                pattern = tuple(
                    constant if constant is not None else maps[source].get(key, FALSE_TRUTH)
                    for key, source, constant in plan.sources
                )
                decisions.append(decide_pattern(self.rulebook, plan.support, plan.rules, plan.keys, pattern))
        return out

    def decide_hypotheticals(
        self, cases: Sequence[Case], plans: Sequence[SupportSituation], day: dt.date
    ) -> list[tuple[np.ndarray, list[TruthPattern], list[SupportDecision]]]:
        """Every case's decision in every situation: per plan, the distinct truth patterns (each
        rule's truth value and missing keys, rule order) with their decisions and, per case, the
        position of its pattern among them.

        Many hypothetical cases in many situations (`tolka ask` tries every answer in every
        jurisdiction) is the vectorised back end's work: each rule runs once over all the cases per
        distinct combination of the readings it reads, and each distinct truth pattern is decided
        by the resolver the Rete path uses (`decide_pattern`, memoised), so the decisions are the
        Rete path's (the back ends' agreement is tested in tests/vector).
        """
        from tolka.backends.vector.backend import Situation, VectorBackend
        from tolka.backends.vector.columns import Frame

        backend = self._vector.get(day)
        if backend is None:
            backend = self._vector[day] = VectorBackend(self.rulebook, day)
        session = backend.session(Frame.from_facts(self.rulebook, [case.facts for case in cases], day))
        out = []
        for plan in plans:
            inverse, patterns = session.patterns(Situation(plan.support, plan.keys, plan.readings))
            decided = [decide_pattern(self.rulebook, plan.support, plan.rules, plan.keys, p) for p in patterns]
            out.append((inverse, patterns, decided))
        return out

    def support_situations(self, jurisdiction_id: str, day: dt.date) -> dict[str, SupportSituation]:
        """Per support of the jurisdiction's country (catalogue order), its situation on `day` (computed once)."""
        rulebook = self.rulebook

        def compute() -> dict[str, SupportSituation]:
            place = rulebook.jurisdictions[jurisdiction_id]
            values = reading_values(resolve_readings(rulebook, jurisdiction_id, day))
            read = {f"reading__{p}": v for p, v in values.items() if v is not None}
            by_support = rulebook.rules_by_support(jurisdiction_id, day)
            scopes = rulebook.scopes(jurisdiction_id)
            registry = self._situation_ids  # not in the rulebook's memo: ids must outlive its clearing
            plans = {}
            for support in rulebook.supports_of(place.country):
                rules = by_support.get(support.id, [])
                layout = self._layout(support.id, rules)
                readings = tuple((p, values.get(p)) for p in layout.points)
                plans[support.id] = SupportSituation(
                    support=support.id,
                    situation=registry.setdefault((support.id, layout.keys, readings), len(registry)),
                    rules=rules,
                    keys=layout.keys,
                    readings=readings,
                    rulesets=tuple(
                        (i, self.rete.scopes_in(i, scopes), tuple(read.get(k) for k in reading_keys))
                        for i, reading_keys in layout.rulesets
                    ),
                    sources=layout.sources,
                )
            return plans

        return rulebook._cached(("support_situations", jurisdiction_id, day), compute)

    def counterfactual(self, plan: SupportSituation, values: Mapping[str, object]) -> SupportSituation:
        """The situation as it would be if the points in `values` were read so (the manager's "what if")."""
        readings = tuple((p, values.get(p, v)) for p, v in plan.readings)
        swapped = {f"reading__{p}": v for p, v in values.items()}
        return replace(
            plan,
            situation=self._situation_ids.setdefault((plan.support, plan.keys, readings), len(self._situation_ids)),
            readings=readings,
            rulesets=tuple(
                (i, scopes, tuple(swapped.get(k, v) for k, v in zip(self.rete.reading_keys(i), read, strict=True)))
                for i, scopes, read in plan.rulesets
            ),
        )

    def _layout(self, support: str, rules: list[RuleEntry]) -> Layout:
        """What a support's situation needs of its rules in force, apart from the jurisdiction (computed once)."""
        keys = tuple(r.key for r in rules)

        def compute() -> Layout:
            positions = self.rete.rulesets_for(keys)
            holder = {key: n for n, i in enumerate(positions) for key in self.rete.rule_keys(i)}
            return Layout(
                keys=keys,
                points=tuple(sorted({p for r in rules for p in r.points()})),
                rulesets=tuple((i, self.rete.reading_keys(i)) for i in positions),
                sources=tuple(
                    (r.key, -1, (r.constant, ())) if r.constant is not None else (r.key, holder[r.key], None)
                    for r in rules
                ),
            )

        return self.rulebook._cached(("situation_layout", support, keys), compute)

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
            key = self.situation_key(place.id, day)
            if key not in by_situation:
                by_situation[key] = self.evaluate(case, place.id, day, memo).outcomes
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

    def situation_key(self, jurisdiction_id: str, day: dt.date, decisions_only: bool = False) -> tuple:
        """What makes two jurisdictions answer alike on `day`: country, local rules in force and readings.

        For decisions only the readings that rules read count (route information changes no
        decision); for full answers every reading counts, with where it was found. Computed once
        per jurisdiction and date, and shared by every request.
        """
        rulebook = self.rulebook

        def compute() -> tuple:
            place = rulebook.jurisdictions[jurisdiction_id]
            readings = resolve_readings(rulebook, jurisdiction_id, day)
            local_rules = tuple(r.key for r in rulebook.rules_in_force(jurisdiction_id, day) if "-" in r.scope)
            if decisions_only:
                read = rulebook._cached(("points_read",), lambda: {p for r in rulebook.rules for p in r.points()})
                values = tuple((point, r.value) for point, r in sorted(readings.items()) if point in read)
                return place.country, local_rules, values
            found = tuple(
                (point, r.value, r.basis, r.jurisdiction, r.local_reading_unknown and place.kind != "country")
                for point, r in sorted(readings.items())
            )
            return place.country, place.kind == "country", local_rules, found

        return rulebook._cached(("situation_key", jurisdiction_id, day, decisions_only), compute)


def jurisdiction_ref(place) -> O.JurisdictionRef:
    return O.JurisdictionRef(
        id=place.id, name=place.name, kind=place.kind, country=place.country, example=place.example
    )
