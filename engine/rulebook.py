"""The validated rulebook: every law, support, fact, point, rule, jurisdiction and reading, linked.

Built by `tolka.load.load_rulebook`; immutable afterwards. Rules carry their lowered condition
(the expression tree every back end consumes) and their *effective* validity: the period the rule
declares, narrowed to the period in which every statute it cites is in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tolka.errors import RulebookWarning
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.model.amount import AmountEntry
from tolka.model.catalogue import Body, Route, Support, TeamRole
from tolka.model.common import Validity, earliest, latest
from tolka.model.interpretation import DefaultReading, InterpretationPoint, Reading
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.law import Law, Provision, citation_text
from tolka.model.origin import Entry, Origin
from tolka.model.parameter import Parameter
from tolka.model.rule import Rule
from tolka.model.vocabulary import Definition, Fact
from tolka.periods import is_term_field

MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class RuleEntry:
    """A rule as the engine uses it."""

    rule: Rule
    key: str  # unique: id, plus @valid_from for versioned rules
    scope: str  # a country (national rule) or the jurisdiction that adds it
    origin: Origin
    condition: A.Expr  # lowered; Const(TRUE) for default rules
    validity: Validity  # effective validity
    defeats: frozenset[str] = frozenset()  # rule ids this rule defeats, directly or through exceptions
    assessment_condition: A.Expr | None = None  # lowered `assessment.supported_when`, if the rule has one

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def country(self) -> str:
        return self.scope.split("-", 1)[0]

    # Derived once per entry (evaluation asks for them for every case).
    @cached_property
    def _fields(self) -> tuple[A.Field, ...]:
        return tuple(A.fields(self.condition))

    @cached_property
    def aspects(self) -> dict[str, str]:
        """The aspects the rule sets, e.g. {"status": "not_eligible"}."""
        return self.rule.then.aspects()

    @cached_property
    def constant(self) -> Truth | None:
        """The condition's value if it reads nothing (default rules: TRUE), else None."""
        return self.condition.value if isinstance(self.condition, A.Const) else None

    def fields(self) -> list[A.Field]:
        return list(self._fields)

    def facts(self) -> list[str]:
        """The facts of the case this rule reads, in order."""
        return list(dict.fromkeys(name for f in self._fields for name in f.facts))

    def points(self) -> list[str]:
        """The interpretation points this rule reads, in order."""
        return list(self._points)

    @cached_property
    def _points(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._fields if f.kind == "reading")

    @cached_property
    def _field_keys(self) -> tuple[str, ...]:
        """The document keys of `_fields`, in order."""
        return tuple(f.key for f in self._fields)

    @cached_property
    def supporting_facts(self) -> tuple[str, ...]:
        """The facts that would support an exception on individual assessment, in order."""
        if self.assessment_condition is None:
            return ()
        return tuple(dict.fromkeys(name for f in A.fields(self.assessment_condition) for name in f.facts))


@dataclass
class Rulebook:
    root: Path
    fingerprint: str = ""
    # What `tolka check` reports without refusing the rulebook (see errors.RulebookWarning).
    warnings: list[RulebookWarning] = field(default_factory=list)
    laws: dict[str, Law] = field(default_factory=dict)
    provisions: dict[str, tuple[Law, Provision]] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    supports: dict[str, Support] = field(default_factory=dict)
    routes: dict[str, list[Route]] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    definitions: dict[str, Definition] = field(default_factory=dict)
    points: dict[str, InterpretationPoint] = field(default_factory=dict)
    rules: list[RuleEntry] = field(default_factory=list)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    readings: dict[str, list[Entry[Reading]]] = field(default_factory=dict)
    team: dict[str, TeamRole] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    amounts: list[AmountEntry] = field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    # Decisions per (support, rules in force, truth pattern): see tolka.decisions.decide_support.
    _decisions: dict = field(default_factory=dict, repr=False, compare=False)

    def _cached(self, key: tuple, compute):
        """Derived lookups are pure functions of the (immutable) rulebook: compute each once."""
        try:
            return self._memo[key]
        except KeyError:
            if len(self._memo) > MEMO_LIMIT:  # a long-running server must not grow without bound
                self._memo.clear()
            value = self._memo[key] = compute()
            return value

    # --- lookups ---------------------------------------------------------------------------------

    def citation(self, provision_id: str) -> str:
        law, provision = self.provisions[provision_id]
        return citation_text(law, provision)

    def provision_period(self, provision_id: str) -> Validity:
        """When a provision is in force: its own dates within its law's."""
        law, provision = self.provisions[provision_id]
        starts = [d for d in (law.in_force_from, provision.in_force_from) if d]
        ends = [d for d in (law.in_force_to, provision.in_force_to) if d]
        return Validity(valid_from=max(starts) if starts else None, valid_to=min(ends) if ends else None)

    def lineage(self, provision_id: str) -> list[str]:
        """The provision and every earlier provision it replaces (old SoL → new SoL), newest first."""
        out: list[str] = []
        pending = [provision_id]
        while pending:
            current = pending.pop(0)
            if current in out or current not in self.provisions:
                continue
            out.append(current)
            pending.extend(self.provisions[current][1].replaces)
        return out

    def lineage_period(self, provision_id: str) -> Validity:
        """From the first predecessor's start to the provision's own end."""
        periods = [self.provision_period(p) for p in self.lineage(provision_id)]
        starts = [p.valid_from for p in periods]
        ends = [p.valid_to for p in periods]
        return Validity(
            valid_from=earliest(starts),
            valid_to=latest(ends),
        )

    def successors(self, provision_id: str) -> list[str]:
        """The provisions that replace this one, directly or in turn (SoL 2001 → SoL 2025), nearest first."""

        def compute() -> list[str]:
            replaced_by: dict[str, list[str]] = {}
            for ident, (_, provision) in self.provisions.items():
                for old in provision.replaces:
                    replaced_by.setdefault(old, []).append(ident)
            out: list[str] = []
            pending = list(replaced_by.get(provision_id, []))
            while pending:
                current = pending.pop(0)
                if current not in out:
                    out.append(current)
                    pending.extend(replaced_by.get(current, []))
            return out

        return self._cached(("successors", provision_id), compute)

    def provisions_at(self, provision_id: str, day: dt.date) -> list[str]:
        """The provisions to cite on `day` for a cited one: it, one it replaces, or what replaces it.

        A rule written under the new Act is cited by the old provision before the reform; a default
        or reading written under the old Act is cited by the new provisions after it — all of them
        where the old section was split (SoL 2001 4 kap. 1 § → 2025 11 kap. 1 § and 12 kap. 1 §).
        The cited provision is kept when none of them is in force.
        """

        def compute() -> list[str]:
            for candidate in self.lineage(provision_id):
                if self.provision_period(candidate).in_force(day):
                    return [candidate]
            later = [p for p in self.successors(provision_id) if self.provision_period(p).in_force(day)]
            return later or [provision_id]

        return self._cached(("provisions_at", provision_id, day), compute)

    def provision_at(self, provision_id: str, day: dt.date) -> str:
        """The one provision to cite on `day` (the first of `provisions_at`)."""
        return self.provisions_at(provision_id, day)[0]

    def route(self, route_id: str, day: dt.date) -> Route | None:
        """The version of a route in force on `day`."""
        for version in self.routes.get(route_id, []):
            if version.in_force(day):
                return version
        return None

    def point_default(self, point_id: str, day: dt.date) -> DefaultReading | None:
        for default in self.points[point_id].default:
            if default.in_force(day):
                return default
        return None

    def chain(self, jurisdiction_id: str) -> list[Jurisdiction]:
        """The jurisdiction and its ancestors, nearest first (ends with the country)."""
        chain = []
        current = self.jurisdictions.get(jurisdiction_id)
        while current is not None:
            chain.append(current)
            current = self.jurisdictions.get(current.parent) if current.parent else None
        return chain

    def scopes(self, jurisdiction_id: str) -> frozenset[str]:
        return self._cached(("scopes", jurisdiction_id), lambda: frozenset(j.id for j in self.chain(jurisdiction_id)))

    def rules_in_force(self, jurisdiction_id: str, day: dt.date) -> list[RuleEntry]:
        def compute() -> list[RuleEntry]:
            scopes = self.scopes(jurisdiction_id)
            in_force = self._cached(("in_force_on", day), lambda: [r for r in self.rules if r.validity.in_force(day)])
            return [r for r in in_force if r.scope in scopes]

        return self._cached(("in_force", jurisdiction_id, day), compute)

    def rules_by_support(self, jurisdiction_id: str, day: dt.date) -> dict[str, list[RuleEntry]]:
        """The rules in force, grouped by the support they conclude on (rulebook order kept)."""

        def compute() -> dict[str, list[RuleEntry]]:
            grouped: dict[str, list[RuleEntry]] = {}
            for entry in self.rules_in_force(jurisdiction_id, day):
                grouped.setdefault(entry.rule.support, []).append(entry)
            return grouped

        return self._cached(("by_support", jurisdiction_id, day), compute)

    def amounts_in_force(self, jurisdiction_id: str, day: dt.date) -> dict[str, list[AmountEntry]]:
        """The amount calculations in force here and on `day`, by support (rulebook order kept)."""

        def compute() -> dict[str, list[AmountEntry]]:
            scopes = self.scopes(jurisdiction_id)
            grouped: dict[str, list[AmountEntry]] = {}
            for entry in self.amounts:
                if entry.scope in scopes and entry.validity.in_force(day):
                    grouped.setdefault(entry.support, []).append(entry)
            return grouped

        return self._cached(("amounts_in_force", jurisdiction_id, day), compute)

    def supports_of(self, country: str) -> list[Support]:
        return [s for s in self.supports.values() if s.country == country]

    def points_of(self, country: str) -> list[InterpretationPoint]:
        return [p for p in self.points.values() if p.country == country]

    def countries(self) -> list[str]:
        return [j.id for j in self.jurisdictions.values() if j.kind == "country"]

    # --- what back ends need to know of fields ---------------------------------------------------

    def domain(self, fld: A.Field) -> tuple | str | None:
        """The values a field can take: declared values, INTEGER for whole numbers, or None."""
        if fld.kind == "reading":
            return self.points[fld.name].value_ids
        if fld.kind == "derived":
            return (1, 2) if fld.name == "evaluation_half_year" else A.INTEGER
        fact = self.facts[fld.name]
        if fact.type == "bool":
            return (True, False)
        if fact.type == "enum":
            return fact.value_ids
        if fact.type in ("integer", "date"):
            return A.INTEGER
        return None

    def term_fields(self) -> tuple[A.Field, ...]:
        """The calendar terms (`start_of_quarter_after(turns(birth_date, 16))`, …) the rules and the
        amount formulas compare (an amount step may choose by `start_of_month(turns(birth_date, 21))`)."""

        def compute() -> tuple[A.Field, ...]:
            read = [f for entry in self.rules for f in entry.fields()]
            read += [f for entry in self.amounts for f in entry.fields()]
            return tuple(dict.fromkeys(f for f in read if f.kind == "derived" and is_term_field(f.name)))

        return self._cached(("term_fields",), compute)

    def domains(self) -> dict[A.Field, tuple | str]:
        out: dict[A.Field, tuple | str] = {}
        for entry in self.rules:
            for fld in entry.fields():
                domain = self.domain(fld)
                if domain is not None:
                    out[fld] = domain
        return out
