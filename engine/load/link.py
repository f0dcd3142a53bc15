"""Cross-file checks: turn the items read from the files into a linked, validated `Rulebook`.

Every problem is collected (never only the first): duplicate ids, unknown names, cycles in
jurisdiction inheritance, in `exception_to` and among definitions, overlapping validity of two
versions of the same rule, route, reading or default, rules without citations, rules whose
validity lies outside the statutes they cite, conditions that do not parse or type-check, and
static conflicts (two rules that can both apply and conclude differently, neither defeating the
other), each with a witness case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from tolka.backends.rete.compile import ConditionTooLarge, decision_leaves
from tolka.errors import (
    CitationOutOfForceWarning,
    CitationValidityError,
    ConstantConditionWarning,
    CycleError,
    DuplicateIdError,
    LimitWordingError,
    MissingCitationError,
    OtherCountryWarning,
    OverlappingValidityError,
    RulebookError,
    RulebookWarning,
    SchemaError,
    SourceOlderThanRuleWarning,
    StaticConflictError,
    TolkaError,
    UnknownNameError,
    UnverifiedDecidesWarning,
)
from tolka.expr import ast as A
from tolka.expr.evaluate import truth as reference_truth
from tolka.expr.logic import Truth
from tolka.expr.parser import parse
from tolka.expr.printer import to_text
from tolka.expr.typecheck import EVALUATION_DATE, Vocabulary, lower
from tolka.load import parameters as P
from tolka.load.amounts import link_amounts
from tolka.load.ranges import constant_truth
from tolka.load.sections import RawRulebook
from tolka.model.common import Validity, earliest, latest
from tolka.model.limit import Limit
from tolka.model.origin import Entry, Origin
from tolka.periods import DateTerm, is_term_field, terms_can_hold
from tolka.resolve import compatible
from tolka.rulebook import Rulebook, RuleEntry


class _Collector:
    def __init__(self) -> None:
        self.errors: list[RulebookError] = []
        self.warnings: list[RulebookWarning] = []

    def add(self, error: RulebookError, origin: Origin | None = None) -> None:
        if origin is not None:
            error.located(origin.file, origin.line)
        if isinstance(error, RulebookWarning):
            self.warnings.append(error)
        else:
            self.errors.append(error)


def _unique(entries: Iterable[Entry], key: Callable, what: str, out: dict, errors: _Collector) -> None:
    for entry in entries:
        ident = key(entry.item)
        if ident in out:
            first = out[ident][1] if isinstance(out[ident], tuple) else None
            errors.add(
                DuplicateIdError(
                    f"{what} `{ident}` is defined twice", hint=f"first defined at {first}" if first else None
                ),
                entry.origin,
            )
        else:
            out[ident] = (entry.item, entry.origin)


def _versions_overlap(versions: list[tuple[Validity, Origin]], what: str, errors: _Collector) -> None:
    for index, (first, first_origin) in enumerate(versions):
        for second, second_origin in versions[index + 1 :]:
            if first.overlaps(second):
                errors.add(
                    OverlappingValidityError(
                        f"two versions of {what} are both in force during an overlap "
                        f"({first.period} and {second.period})",
                        hint=f"the other version is at {first_origin}; give them adjoining valid_from/valid_to",
                    ),
                    second_origin,
                )


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if state.get(nxt) is None and nxt in graph:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


def _intersect(first: Validity, second: Validity) -> Validity | None:
    starts = [d for d in (first.valid_from, second.valid_from) if d]
    ends = [d for d in (first.valid_to, second.valid_to) if d]
    start, end = (max(starts) if starts else None), (min(ends) if ends else None)
    if start and end and end < start:
        return None
    return Validity(valid_from=start, valid_to=end)


class _Linker:
    def __init__(self, raw: RawRulebook) -> None:
        self.raw = raw
        self.book = Rulebook(root=raw.root, files=[p.relative_to(raw.root).as_posix() for p in raw.files])
        self.errors = _Collector()
        self.errors.errors.extend(raw.errors)

    # --- the steps -------------------------------------------------------------------------------

    def run(self) -> tuple[Rulebook, list[RulebookError]]:
        self._laws()
        self._parameters()
        self._simple_catalogues()
        self._routes()
        self._jurisdictions()
        self._points()
        self._readings()
        vocabulary = self._definitions()
        self._rules(vocabulary)
        self._amounts(vocabulary)
        self._rule_fields()
        self._reading_sources()
        self._unverified_refusals()
        self._team()
        self._completeness()
        self._conflicts()
        self.book.warnings = sorted(self.errors.warnings, key=lambda w: (w.file or "", w.line or 0))
        return self.book, self.errors.errors

    def _laws(self) -> None:
        seen: dict = {}
        _unique(self.raw.laws, lambda law: law.id, "law", seen, self.errors)
        self.book.laws = {ident: item for ident, (item, _) in seen.items()}
        for entry in self.raw.laws:
            for provision in entry.item.provisions:
                if provision.id in self.book.provisions:
                    self.errors.add(DuplicateIdError(f"provision `{provision.id}` is defined twice"), entry.origin)
                else:
                    self.book.provisions[provision.id] = (entry.item, provision)
                    self.book.origins[("provision", provision.id)] = entry.origin
        for entry in self.raw.laws:
            for provision in entry.item.provisions:
                self._cites(provision.replaces, entry.origin, f"provision {provision.id} replaces")

    def _parameters(self) -> None:
        """Dated parameters: unique ids, a name in the country's language, citations that exist,
        and values that never overlap (so one value is in force on any day)."""
        seen: dict = {}
        _unique(self.raw.parameters, lambda p: p.id, "parameter", seen, self.errors)
        self.book.parameters = {ident: item for ident, (item, _) in seen.items()}
        for ident, (_, origin) in seen.items():
            self.book.origins[("parameter", ident)] = origin
        for entry in self.raw.parameters:
            problem = P.missing_name(entry)
            if problem is not None:
                self.errors.add(problem, entry.origin)
            for index, value in enumerate(entry.item.values):
                self._cites(value.cites, P.value_origin(entry, index), f"parameter {entry.item.id} cites")
            _versions_overlap(P.versions(entry), f"parameter {entry.item.id}", self.errors)

    def _cites(self, ids: Iterable[str], origin: Origin, what: str) -> None:
        for ident in ids:
            if ident not in self.book.provisions:
                self.errors.add(
                    UnknownNameError(
                        f"{what} `{ident}`, which is not a provision of any law",
                        hint="provisions are declared under a law in rules/<country>/laws/",
                    ),
                    origin,
                )

    def _out_of_force(
        self, what: str, cites: Iterable[str], declared: Validity, origin: Origin, chain: bool = False
    ) -> None:
        """Warn where a citation is not in force for part of what cites it.

        A rule holds only while what it cites (or a provision that provision replaces) is in force,
        so a cut it did not declare is silent: the warning asks for the date to be written. Routes and
        defaults are cited at the evaluation date through `replaces` in both directions (`chain`). A
        start is taken for granted where nothing is declared and the law itself starts later (a rule is
        as old as its law); a provision that came into force after its law (a new section) is not.
        """
        for provision_id in dict.fromkeys(cites):
            if provision_id not in self.book.provisions:
                continue
            members = self.book.lineage(provision_id) + (self.book.successors(provision_id) if chain else [])
            periods = [self.book.provision_period(p) for p in members]
            starts, ends = [p.valid_from for p in periods], [p.valid_to for p in periods]
            start = earliest(starts)
            end = latest(ends)
            law_starts = [self.book.provisions[p][0].in_force_from for p in members]
            section_start = start is not None and all(s is None or s < start for s in law_starts)
            gaps = []
            if start is not None and (
                (declared.valid_from is not None and declared.valid_from < start)
                or (declared.valid_from is None and section_start)
            ):
                gaps.append(f"before {start.isoformat()}")
            if end is not None and (declared.valid_to is None or declared.valid_to > end):
                gaps.append(f"after {end.isoformat()}")
            if gaps:
                self.errors.add(
                    CitationOutOfForceWarning(
                        f"{what} ({declared.period}) cites {self.book.citation(provision_id)}, which is not in force "
                        f"{' or '.join(gaps)}",
                        hint="give it the dates of the provision (valid_from/valid_to, a new version for the other "
                        "period), or cite the provision in force then (`replaces` links an old section to its "
                        "successor)",
                    ),
                    origin,
                )

    def _simple_catalogues(self) -> None:
        for attribute, what, key in (
            ("bodies", "body", lambda b: b.id),
            ("supports", "support", lambda s: s.id),
            ("facts", "fact", lambda f: f.name),
        ):
            seen: dict = {}
            _unique(getattr(self.raw, attribute), key, what, seen, self.errors)
            setattr(self.book, attribute, {ident: item for ident, (item, _) in seen.items()})
            for ident, (_, origin) in seen.items():
                self.book.origins[(what, ident)] = origin
        for entry in self.raw.supports:
            for provider in entry.item.providers:
                if provider not in self.book.bodies:
                    self.errors.add(
                        UnknownNameError(
                            f"support {entry.item.id}: unknown provider `{provider}`",
                            hint="bodies are declared under `bodies:`",
                        ),
                        entry.origin,
                    )
            for counterpart in entry.item.counterparts:
                if counterpart not in {e.item.id for e in self.raw.supports}:
                    self.errors.add(
                        UnknownNameError(f"support {entry.item.id}: unknown counterpart `{counterpart}`"), entry.origin
                    )
            for period in entry.item.periods:
                fact = self.book.facts.get(period.start)
                if fact is None or fact.type != "date":
                    self.errors.add(
                        SchemaError(f"support {entry.item.id}: a period starts at a date fact, not `{period.start}`"),
                        entry.origin,
                    )
                self._cites(period.cites, entry.origin, f"support {entry.item.id}: a period cites")

    def _routes(self) -> None:
        by_id: dict[str, list[Entry]] = {}
        for entry in self.raw.routes:
            by_id.setdefault(entry.item.id, []).append(entry)
            route = entry.item
            if route.body not in self.book.bodies:
                self.errors.add(UnknownNameError(f"route {route.id}: unknown body `{route.body}`"), entry.origin)
            self._cites(route.cites, entry.origin, f"route {route.id} cites")
            if route.appeal:
                self._cites(route.appeal.cites, entry.origin, f"route {route.id}: appeal cites")
                if route.appeal.appealable and not route.appeal.cites:
                    self.errors.add(
                        MissingCitationError(
                            f"route {route.id}: an appealable decision must cite the appeal provision"
                        ),
                        entry.origin,
                    )
        for entry in self.raw.routes:
            route = entry.item
            cited = route.cites + (route.appeal.cites if route.appeal else ())
            self._out_of_force(f"route {route.id}", cited, route, entry.origin, chain=True)
        for ident, entries in by_id.items():
            _versions_overlap([(e.item, e.origin) for e in entries], f"route `{ident}`", self.errors)
            self.book.routes[ident] = sorted((e.item for e in entries), key=lambda r: r.valid_from or dt.date.min)
            self.book.origins[("route", ident)] = entries[0].origin

    def _jurisdictions(self) -> None:
        seen: dict = {}
        _unique(self.raw.jurisdictions, lambda j: j.id, "jurisdiction", seen, self.errors)
        self.book.jurisdictions = {ident: item for ident, (item, _) in seen.items()}
        for ident, (_, origin) in seen.items():
            self.book.origins[("jurisdiction", ident)] = origin
        for entry in self.raw.jurisdictions:
            j = entry.item
            if j.parent and j.parent not in self.book.jurisdictions:
                self.errors.add(UnknownNameError(f"jurisdiction {j.id}: unknown parent `{j.parent}`"), entry.origin)
            elif j.parent and self.book.jurisdictions[j.parent].country != j.country:
                self.errors.add(
                    SchemaError(f"jurisdiction {j.id}: its parent {j.parent} is in another country"), entry.origin
                )
            for member in j.members:
                if member not in self.book.jurisdictions:
                    self.errors.add(UnknownNameError(f"jurisdiction {j.id}: unknown member `{member}`"), entry.origin)
        cycle = _find_cycle({j.id: [j.parent] for j in self.book.jurisdictions.values() if j.parent})
        if cycle:
            origin = self.book.origins[("jurisdiction", cycle[0])]
            self.errors.add(
                CycleError(
                    f"jurisdictions inherit in a circle: {' → '.join(cycle)}",
                    hint="a parent chain must end at a country",
                ),
                origin,
            )
            for ident in cycle:  # keep later steps from looping
                self.book.jurisdictions[ident] = self.book.jurisdictions[ident].model_copy(update={"parent": None})
        for entry in self.raw.jurisdiction_refs:
            if entry.item not in self.book.jurisdictions:
                self.errors.add(
                    UnknownNameError(
                        f"this file binds readings to jurisdiction `{entry.item}`, which is not defined",
                        hint="jurisdictions are defined in jurisdictions/ (YAML or CSV)",
                    ),
                    entry.origin,
                )

    def _points(self) -> None:
        seen: dict = {}
        _unique(self.raw.points, lambda p: p.id, "interpretation point", seen, self.errors)
        self.book.points = {ident: item for ident, (item, _) in seen.items()}
        for ident, (point, origin) in seen.items():
            self.book.origins[("point", ident)] = origin
            self._cites(point.provisions, origin, f"point {ident} interprets")
            for support in point.supports:
                if support not in self.book.supports:
                    self.errors.add(UnknownNameError(f"point {ident}: unknown support `{support}`"), origin)
            if not point.default:
                self.errors.add(
                    SchemaError(
                        f"point {ident} has no national default",
                        hint="use `value: null` with a note for 'no national position'",
                    ),
                    origin,
                )
            for default in point.default:
                self._cites(default.rests_on.cites, origin, f"point {ident}: the default rests on")
                self._out_of_force(f"point {ident}: the default", default.rests_on.cites, default, origin, chain=True)
                if default.value is not None and point.value_type != "amount" and default.value not in point.value_ids:
                    self.errors.add(
                        SchemaError(f"point {ident}: the default {default.value!r} is not one of its values"), origin
                    )
            _versions_overlap([(d, origin) for d in point.default], f"the default of point `{ident}`", self.errors)

    def _readings(self) -> None:
        grouped: dict[tuple[str, str], list[Entry]] = {}
        for entry in self.raw.readings:
            reading, scope = entry.item, entry.scope
            point = self.book.points.get(reading.point)
            if point is None:
                self.errors.add(
                    UnknownNameError(f"reading of unknown interpretation point `{reading.point}`"), entry.origin
                )
                continue
            if scope in self.book.jurisdictions and self.book.jurisdictions[scope].country != point.country:
                self.errors.add(
                    SchemaError(f"point {point.id} belongs to {point.country}, but {scope} does not"), entry.origin
                )
            if point.value_type == "amount":
                if reading.value is not None and (isinstance(reading.value, str) or reading.value < 0):
                    self.errors.add(
                        SchemaError(
                            f"{reading.value!r} is not an amount: {point.id} is read as {point.unit} {point.period}",
                            hint="write the amount as a number, e.g. `value: 4250`",
                        ),
                        entry.origin,
                    )
                    continue
            elif reading.value is not None and reading.value not in point.value_ids:
                self.errors.add(
                    SchemaError(
                        f"{reading.value!r} is not a possible reading of {point.id}",
                        hint=f"possible readings: {', '.join(str(v) for v in point.value_ids)}",
                    ),
                    entry.origin,
                )
                continue
            self._reading_provenance(entry, point.country)
            if reading.contested:
                self._cites([reading.contested.provision], entry.origin, "a contested reading names")
            grouped.setdefault((scope, reading.point), []).append(entry)
        for (scope, point_id), entries in grouped.items():
            _versions_overlap([(e.item, e.origin) for e in entries], f"{scope}'s reading of `{point_id}`", self.errors)
            self.book.readings.setdefault(scope, []).extend(entries)

    def _reading_provenance(self, entry: Entry, country: str) -> None:
        """A reading is shown to case workers in their language and dated honestly."""
        reading = entry.item
        language = "nb" if country == "NO" else "sv"
        if not getattr(reading.summary, language):
            self.errors.add(
                SchemaError(
                    f"the reading of `{reading.point}` has no summary in {language}",
                    hint=f"write `summary: {{{language}: …, en: …}}` in your own words",
                ),
                entry.origin,
            )
        source = reading.source
        if source.published and source.found and source.published > source.found:
            self.errors.add(
                SchemaError(
                    f"the source of the reading of `{reading.point}` is published {source.published}, "
                    f"after it was found ({source.found})",
                    hint="check both dates",
                ),
                entry.origin,
            )

    def _reading_sources(self) -> None:
        """Warn where a reading's source was published before the rule that reads it came into force.

        Such a page was written under an earlier rule (e.g. before SoL 2025:400): it may not say
        how the jurisdiction reads the rule in force now, so a reviewer should look for a newer page
        or end the reading's validity. One warning per reading, naming the earliest such rule.
        """
        readers: dict[str, list[RuleEntry]] = {}
        for rule in self.book.rules:
            for point in dict.fromkeys(rule.points()):
                readers.setdefault(point, []).append(rule)
        for scope, entries in self.book.readings.items():
            if scope not in self.book.jurisdictions:
                continue
            holders = {place.id for place in self.book.chain(scope)}
            for entry in entries:
                reading, published = entry.item, entry.item.source.published
                if published is None:
                    continue
                later = [
                    rule
                    for rule in readers.get(reading.point, [])
                    if rule.scope in holders
                    and rule.validity.valid_from is not None
                    and rule.validity.valid_from > published
                    and rule.validity.overlaps(reading)
                ]
                if later:
                    first = min(later, key=lambda r: (r.validity.valid_from, r.id))
                    self.errors.add(
                        SourceOlderThanRuleWarning(
                            f"{scope}'s reading of `{reading.point}` rests on a source published {published}, "
                            f"before rule {first.id} that reads it came into force ({first.validity.valid_from})",
                            hint="look for a newer page, or give the reading a `valid_to` before the rule's start",
                        ),
                        entry.origin,
                    )

    def _unverified_refusals(self) -> None:
        """Warn where unverified content alone would refuse: content resting on UNCONFIRMED facts
        must never decide `not_eligible` on its own (a main rule with an exception, or a verified
        source, is what the hint asks for)."""
        refusing = [e for e in self.book.rules if e.rule.then.status == "not_eligible" and not e.rule.default]
        for entry in refusing:
            cited = [self.book.provisions[p] for p in entry.rule.cites if p in self.book.provisions]
            if entry.rule.verified and any(law.verified and provision.verified for law, provision in cited):
                continue
            self.errors.add(
                UnverifiedDecidesWarning(
                    f"rule {entry.rule.id} refuses (`not_eligible`) on unverified content alone",
                    hint="verify its source, or make it `status: not_eligible_as_a_rule` with an `assessment` "
                    "where the law leaves room (docs/check-warnings.md)",
                ),
                entry.origin,
            )
        for scope, entries in self.book.readings.items():
            for reading_entry in entries:
                reading = reading_entry.item
                if reading.verified or reading.value is None or reading.point not in self.book.points:
                    continue
                defaults = {d.value for d in self.book.points[reading.point].default}
                for rule in refusing:
                    if reading.point not in rule.points() or rule.scope not in self.book.scopes(scope):
                        continue
                    key = f"reading__{reading.point}"
                    refuses_here = reference_truth(rule.condition, {key: reading.value}) is not Truth.FALSE
                    refuses_by_default = any(
                        reference_truth(rule.condition, {key: d} if d is not None else {}) is not Truth.FALSE
                        for d in defaults or {None}
                    )
                    if refuses_here and not refuses_by_default:
                        self.errors.add(
                            UnverifiedDecidesWarning(
                                f"{scope}'s unverified reading of `{reading.point}` ({reading.value}) is what lets "
                                f"rule {rule.rule.id} refuse (`not_eligible`)",
                                hint="find the jurisdiction's own page to verify it, or end the reading "
                                "where it is uncertain",
                            ),
                            reading_entry.origin,
                        )
                        break

    def _definitions(self) -> Vocabulary:
        seen: dict = {}
        _unique(self.raw.definitions, lambda d: d.name, "definition", seen, self.errors)
        for name, (_, origin) in seen.items():
            if name in self.book.facts:
                self.errors.add(DuplicateIdError(f"`{name}` is both a fact and a definition"), origin)
        self.book.definitions = {name: item for name, (item, _) in seen.items()}
        vocabulary = Vocabulary(facts=self.book.facts, points=self.book.points)
        resolving: list[str] = []
        failed: set[str] = set()

        def resolve(name: str) -> A.Expr | None:
            if name in vocabulary.definitions:
                return vocabulary.definitions[name]
            if name not in self.book.definitions or name in failed:
                return None
            origin = seen[name][1]
            if name in resolving:
                self.errors.add(
                    CycleError(f"definitions refer to each other in a circle: {' → '.join(resolving + [name])}"), origin
                )
                failed.add(name)
                return None
            resolving.append(name)
            try:
                lowered = lower(parse(self.book.definitions[name].when), vocabulary)
            except RulebookError as exc:
                self.errors.add(exc, origin)
                failed.add(name)
                return None
            finally:
                resolving.pop()
            vocabulary.definitions[name] = lowered
            return lowered

        vocabulary.resolve_definition = resolve
        for name, definition in self.book.definitions.items():
            if resolve(name) is not None:
                self._limits(f"definition {name}", definition.when, definition.limits, seen[name][1])
        return vocabulary

    def _limits(self, what: str, when: str, limits: tuple[Limit, ...], origin: Origin) -> None:
        """Every date comparison in a condition has a `limits` entry with the law's wording, and vice versa."""
        compared = _date_comparisons(parse(when))
        listed: list[A.Compare] = []
        for limit in limits:
            self._cites([limit.provision], origin, f"{what}: a limit cites")
            try:
                (comparison,) = _date_comparisons(parse(limit.condition))
            except (TolkaError, ValueError):
                self.errors.add(
                    LimitWordingError(
                        f"{what}: the limit's term `{limit.term}` is not a date term",
                        hint="write e.g. `term: start_of_quarter_after(turns(birth_date, 16))`",
                    ),
                    origin,
                )
                continue
            listed.append(comparison)
            if comparison not in compared:
                self.errors.add(
                    LimitWordingError(
                        f"{what} lists the limit `{limit.condition}`, which its condition does not contain",
                        hint="the condition must compare the evaluation date with the same term, in the same direction",
                    ),
                    origin,
                )
        for comparison in compared:
            if comparison not in listed:
                self.errors.add(
                    LimitWordingError(
                        f"{what} compares `{to_text(comparison)}` without the law's wording",
                        hint="add a `limits:` entry with bound, term, provision and the statute's wording",
                    ),
                    origin,
                )

    def _rules(self, vocabulary: Vocabulary) -> None:
        entries_by_id: dict[str, list[Entry]] = {}
        for entry in self.raw.rules:
            entries_by_id.setdefault(entry.item.id, []).append(entry)
        built: list[RuleEntry] = []
        for ident, entries in entries_by_id.items():
            if len({e.scope for e in entries}) > 1:
                self.errors.add(DuplicateIdError(f"rule `{ident}` is defined in two jurisdictions"), entries[1].origin)
            _versions_overlap([(e.item, e.origin) for e in entries], f"rule `{ident}`", self.errors)
            for entry in entries:
                rule_entry = self._rule(entry, vocabulary, versioned=len(entries) > 1)
                if rule_entry is not None:
                    built.append(rule_entry)
        known_ids = set(entries_by_id)
        graph: dict[str, list[str]] = {}
        for entry in self.raw.rules:
            for target in entry.item.exception_to:
                if target not in known_ids:
                    self.errors.add(
                        UnknownNameError(f"rule {entry.item.id} is an exception to unknown rule `{target}`"),
                        entry.origin,
                    )
                    continue
                target_rule = entries_by_id[target][0].item
                if target_rule.support != entry.item.support:
                    self.errors.add(
                        SchemaError(
                            f"rule {entry.item.id} is an exception to {target}, which concludes on another "
                            f"support ({target_rule.support})"
                        ),
                        entry.origin,
                    )
                graph.setdefault(entry.item.id, []).append(target)
        # Each circle is reported once and only its closing edge is dropped: every other exception
        # relation stays in force, so one mistake does not turn into a flood of spurious conflicts.
        while cycle := _find_cycle(graph):
            self.errors.add(
                CycleError(f"rules are exceptions to each other in a circle: {' → '.join(cycle)}"),
                entries_by_id[cycle[-2]][0].origin,
            )
            graph[cycle[-2]] = [target for target in graph[cycle[-2]] if target != cycle[-1]]
        defeats: dict[str, frozenset[str]] = {}

        def closure(rule_id: str) -> frozenset[str]:
            if rule_id not in defeats:
                out: set[str] = set()
                for target in graph.get(rule_id, []):
                    out.add(target)
                    out |= closure(target)
                defeats[rule_id] = frozenset(out)
            return defeats[rule_id]

        for rule_id in graph:
            closure(rule_id)
        self.book.rules = [
            RuleEntry(
                e.rule,
                e.key,
                e.scope,
                e.origin,
                e.condition,
                e.validity,
                defeats.get(e.rule.id, frozenset()),
                e.assessment_condition,
            )
            for e in built
        ]

    def _rule_fields(self) -> None:
        """What each rule reads: points and facts of its own country, and a condition that can
        both hold and fail within the declared ranges."""
        for entry in self.book.rules:
            country = entry.scope.split("-", 1)[0]
            for fld in dict.fromkeys(entry.fields()):
                if fld.kind == "reading" and fld.name in self.book.points:
                    other = self.book.points[fld.name].country
                    if other != country:
                        self.errors.add(
                            SchemaError(
                                f"rule {entry.rule.id} is a {country} rule that reads `{fld.name}`, an interpretation "
                                f"point of {other}",
                                hint=f"read a point of {country}, or move the rule to {other}'s rulebook",
                            ),
                            entry.origin,
                        )
                for name in fld.facts:
                    fact = self.book.facts.get(name)
                    if fact is not None and country not in fact.countries:
                        self.errors.add(
                            OtherCountryWarning(
                                f"rule {entry.rule.id} is a {country} rule that reads `{name}`, a fact of "
                                f"{', '.join(fact.countries)} only",
                                hint=f"add {country} to the fact's `countries` if it means the same there",
                            ),
                            entry.origin,
                        )
            if entry.rule.when is None or not A.fields(entry.condition):
                continue  # no condition, or a deliberate `when: true` / `when: false`
            truth = constant_truth(entry.condition, self.book)
            if truth is not None:
                never = truth is Truth.FALSE
                self.errors.add(
                    ConstantConditionWarning(
                        f"rule {entry.rule.id}: the condition `{entry.rule.when}` "
                        + ("can never be true" if never else "is true whenever its facts are known")
                        + " within the ranges the vocabulary declares",
                        hint="check the numbers against the facts' minimum/maximum, and for `a and not a`",
                    ),
                    entry.origin,
                )

    def _amounts(self, vocabulary: Vocabulary) -> None:
        """Amount calculations (tolka.load.amounts): checked steps, versions that do not overlap."""
        by_id: dict[str, list[Entry]] = {}
        for entry in self.raw.amounts:
            by_id.setdefault(entry.item.id, []).append(entry)
        for ident, entries in by_id.items():
            _versions_overlap([(e.item, e.origin) for e in entries], f"amount `{ident}`", self.errors)
        self.book.amounts = link_amounts(self.book, self.raw.amounts, vocabulary, self.errors.add, self._cites)

    def _rule(self, entry: Entry, vocabulary: Vocabulary, versioned: bool) -> RuleEntry | None:
        rule, origin = entry.item, entry.origin
        ok = True
        if rule.support not in self.book.supports:
            self.errors.add(UnknownNameError(f"rule {rule.id}: unknown support `{rule.support}`"), origin)
            ok = False
        elif (
            rule.support in self.book.supports
            and self.book.supports[rule.support].country != entry.scope.split("-", 1)[0]
        ):
            self.errors.add(
                SchemaError(
                    f"rule {rule.id} is a {entry.scope.split('-', 1)[0]} rule about a support of another country"
                ),
                origin,
            )
        if rule.then.route and rule.then.route not in self.book.routes:
            self.errors.add(UnknownNameError(f"rule {rule.id}: unknown route `{rule.then.route}`"), origin)
        if not rule.cites:
            self.errors.add(
                MissingCitationError(
                    f"rule {rule.id} cites no provision",
                    hint="every rule cites the provision(s) it rests on: `cites: [sol2025.12.1]`",
                ),
                origin,
            )
            ok = False
        self._cites(rule.cites, origin, f"rule {rule.id} cites")
        self._out_of_force(
            f"rule {rule.id}", rule.cites + tuple(limit.provision for limit in rule.limits), rule, origin
        )
        validity: Validity | None = Validity(valid_from=rule.valid_from, valid_to=rule.valid_to)
        for provision_id in rule.cites:
            if provision_id not in self.book.provisions or not self.book.provisions[provision_id][0].binding:
                continue
            # a rule citing a provision holds while it or a provision it replaces is in force
            narrowed = _intersect(validity, self.book.lineage_period(provision_id))
            if narrowed is None:
                self.errors.add(
                    CitationValidityError(
                        f"rule {rule.id} ({validity.period}) cites {self.book.citation(provision_id)}, "
                        f"which (with the provisions it replaces) is not in force at any time the rule is",
                        hint="check the rule's valid_from/valid_to against the law's in_force dates and `replaces`",
                    ),
                    origin,
                )
                ok = False
                validity = None
                break
            validity = narrowed
        condition: A.Expr = A.Const(Truth.TRUE)
        if rule.when is not None:
            try:
                condition = lower(parse(rule.when), vocabulary)
                self._limits(f"rule {rule.id}", rule.when, rule.limits, origin)
                decision_leaves(condition, self._domains(condition))
            except ConditionTooLarge:
                self.errors.add(
                    SchemaError(
                        f"rule {rule.id}: the condition is too large for the Rete back end",
                        hint="split it into several rules or move parts into definitions shared by narrower rules",
                    ),
                    origin,
                )
                ok = False
            except RulebookError as exc:
                self.errors.add(exc, entry.at("when"))
                ok = False
        assessment = self._assessment(entry, vocabulary)
        if not ok or validity is None:
            return None
        key = f"{rule.id}@{rule.valid_from.isoformat()}" if versioned and rule.valid_from else rule.id
        return RuleEntry(rule, key, entry.scope, origin, condition, validity, assessment_condition=assessment)

    def _assessment(self, entry: Entry, vocabulary: Vocabulary) -> A.Expr | None:
        """The lowered `supported_when` of a rule's assessment: facts only, citations known."""
        rule = entry.item
        if rule.assessment is None:
            return None
        origin = entry.at("assessment")
        self._cites(rule.assessment.cites, origin, f"rule {rule.id}: the assessment cites")
        try:
            condition = lower(parse(rule.assessment.supported_when), vocabulary)
        except RulebookError as exc:
            self.errors.add(exc, origin)
            return None
        if any(f.kind == "reading" for f in A.fields(condition)):
            self.errors.add(
                SchemaError(
                    f"rule {rule.id}: `assessment.supported_when` reads an interpretation point",
                    hint="name the facts of the case that would support the exception; a reading belongs in `when`",
                ),
                origin,
            )
            return None
        return condition

    def _domains(self, condition: A.Expr) -> dict:
        return {f: d for f in A.fields(condition) if (d := self.book.domain(f)) is not None}

    def _team(self) -> None:
        seen: dict = {}
        _unique(self.raw.team, lambda role: role.id, "team role", seen, self.errors)
        self.book.team = {ident: item for ident, (item, _) in seen.items()}
        for ident, (role, origin) in seen.items():
            for task in role.tasks:
                for support in task.supports:
                    if support not in self.book.supports:
                        self.errors.add(UnknownNameError(f"team role {ident}: unknown support `{support}`"), origin)
            named = [("explores", fact) for task in role.tasks for fact in task.explores] + [
                ("finds out", fact) for fact in role.finds_out
            ]
            for verb, fact in named:
                if fact not in self.book.facts:
                    self.errors.add(UnknownNameError(f"team role {ident}: {verb} unknown fact `{fact}`"), origin)
                elif role.country not in self.book.facts[fact].countries:
                    self.errors.add(
                        UnknownNameError(f"team role {ident}: {verb} `{fact}`, a fact not asked in {role.country}"),
                        origin,
                    )

    def _completeness(self) -> None:
        """Every support needs a default status rule, so that no case falls through every rule."""
        defaults = {e.rule.support for e in self.book.rules if e.rule.default and e.rule.then.status}
        for support_id in self.book.supports:
            if support_id not in defaults:
                self.errors.add(
                    SchemaError(
                        f"support {support_id} has no default status rule: a case that no rule covers would be "
                        f"left undetermined without a reason",
                        hint="add a rule with `default: true` and `then: {status: ...}` citing what the "
                        "status rests on",
                    ),
                    self.book.origins.get(("support", support_id)),
                )

    # --- static conflicts ------------------------------------------------------------------------

    def _conflicts(self) -> None:
        by_target: dict[tuple[str, str], list[RuleEntry]] = {}
        for entry in self.book.rules:
            for aspect in entry.rule.then.aspects():
                by_target.setdefault((entry.rule.support, aspect), []).append(entry)
        for (_, aspect), entries in sorted(by_target.items()):
            for index, first in enumerate(entries):
                for second in entries[index + 1 :]:
                    self._check_pair(first, second, aspect)

    def _check_pair(self, first: RuleEntry, second: RuleEntry, aspect: str) -> None:
        if compatible({getattr(first.rule.then, aspect), getattr(second.rule.then, aspect)}) is not None:
            return
        if first.rule.default != second.rule.default:
            return  # a default only applies where no other rule does
        if first.rule.id in second.defeats or second.rule.id in first.defeats or first.rule.id == second.rule.id:
            return
        if not first.validity.overlaps(second.validity):
            return
        if first.scope not in self.book.scopes(second.scope) and second.scope not in self.book.scopes(first.scope):
            return  # never in force in the same jurisdiction
        both = A.And((first.condition, second.condition))
        day = max(d for d in (first.validity.valid_from, second.validity.valid_from, dt.date(2026, 1, 1)) if d)
        if first.validity.valid_to or second.validity.valid_to:
            day = min(d for d in (first.validity.valid_to, second.validity.valid_to, day) if d)
        try:
            witness = next(
                (
                    leaf
                    for leaf in decision_leaves(both, self._domains(both))
                    if leaf.truth is Truth.TRUE and _calendar_consistent(leaf.tests, day)
                ),
                None,
            )
        except ConditionTooLarge:
            return
        if witness is None:
            return
        example = ", ".join(_describe(test) for test in witness.tests) or "in every case"
        self.errors.add(
            StaticConflictError(
                f"rules {first.rule.id} and {second.rule.id} can both apply to {first.rule.support} and set its "
                f"{aspect} to {getattr(first.rule.then, aspect)} vs {getattr(second.rule.then, aspect)} "
                f"(e.g. {example})",
                hint="make one an `exception_to` the other, or make their conditions exclusive (the other "
                f"rule is at {first.origin})",
            ),
            second.origin,
        )


_TEST_OPERATORS = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "!="}


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


def _date_comparisons(expr: A.Expr) -> list[A.Compare]:
    """The comparisons of the evaluation date in a surface condition, written `evaluation_date OP term`."""
    if isinstance(expr, A.Not):
        return _date_comparisons(expr.item)
    if isinstance(expr, (A.And, A.Or)):
        return [c for item in expr.items for c in _date_comparisons(item)]
    if not isinstance(expr, A.Compare):
        return []
    left, op, right = expr.left, expr.op, expr.right
    if isinstance(right, A.Name) and right.name == EVALUATION_DATE:
        left, right, op = right, left, A.FLIPPED_OPERATOR[op]
    if isinstance(left, A.Name) and left.name == EVALUATION_DATE:
        return [A.Compare(left, op, right)]
    return []


def _describe(test: dict) -> str:
    ((op, body),) = test.items()
    if op.startswith("$"):
        ((key, value),) = body.items()
        symbol = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "!=", "$ex": "known"}[op]
        return f"{key} known" if symbol == "known" else f"{key} {symbol} {value!r}"
    if op.startswith("unknown__"):
        return f"{op[len('unknown__') :]} unknown"
    return f"{op} = {body!r}"


def link(raw: RawRulebook) -> tuple[Rulebook, list[RulebookError]]:
    """Cross-check everything read from the files; returns the rulebook and every error found."""
    return _Linker(raw).run()
