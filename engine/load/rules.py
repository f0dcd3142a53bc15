"""Definitions, rules and amount calculations, linked: conditions parsed and type-checked against
the vocabulary, each rule's validity narrowed to what it cites, the `exception_to` graph closed into
`defeats`, and amount formulas checked step by step (`tolka.load.amounts`).

Runs after the catalogues (`tolka.load.catalogues`): a rule names supports, routes, facts and
interpretation points, and cites provisions.
"""

from __future__ import annotations

from collections.abc import Iterable

from tolka.backends.rete.decision_tree import ConditionTooLarge, decision_leaves
from tolka.errors import (
    CitationValidityError,
    CycleError,
    DuplicateIdError,
    MissingCitationError,
    Phrase,
    RulebookError,
    SchemaError,
    UnknownNameError,
)
from tolka.expr import ast as A
from tolka.expr.logic import Truth
from tolka.expr.parser import parse
from tolka.expr.typecheck import Vocabulary, lower
from tolka.i18n import N_
from tolka.load.amounts import link_amounts
from tolka.load.citations import check_cites, check_in_force, check_limits
from tolka.load.collector import Collector, find_cycle, unique, versions_overlap
from tolka.load.sections import RawRulebook
from tolka.model.amount import AmountFormula
from tolka.model.common import Validity
from tolka.model.origin import Entry, Origin
from tolka.model.rule import Rule
from tolka.rulebook import Rulebook, RuleEntry


def definitions(raw: RawRulebook, book: Rulebook, errors: Collector) -> Vocabulary:
    """Definitions by name, each lowered once (in any order they refer to each other, never in a circle);
    returns the vocabulary rule conditions are lowered against."""
    seen = unique(raw.definitions, lambda d: d.name, N_("definition"), errors)
    for name, (_, origin) in seen.items():
        if name in book.facts:
            errors.add(DuplicateIdError(N_("`{name}` is both a fact and a definition"), name=name), origin)
    book.definitions = {name: item for name, (item, _) in seen.items()}
    vocabulary = Vocabulary(facts=book.facts, points=book.points)
    resolving: list[str] = []
    failed: set[str] = set()

    def resolve(name: str) -> A.Expr | None:
        if name in vocabulary.definitions:
            return vocabulary.definitions[name]
        if name not in book.definitions or name in failed:
            return None
        origin = seen[name][1]
        if name in resolving:
            errors.add(
                CycleError(
                    N_("definitions refer to each other in a circle: {circle}"), circle=" → ".join([*resolving, name])
                ),
                origin,
            )
            failed.add(name)
            return None
        resolving.append(name)
        try:
            lowered = lower(parse(book.definitions[name].when), vocabulary)
        except RulebookError as exc:
            errors.add(exc, origin)
            failed.add(name)
            return None
        finally:
            resolving.pop()
        vocabulary.definitions[name] = lowered
        return lowered

    vocabulary.resolve_definition = resolve
    for name, definition in book.definitions.items():
        if resolve(name) is not None:
            check_limits(
                book,
                errors,
                Phrase(N_("definition {name}"), name=name),
                definition.when,
                definition.limits,
                seen[name][1],
            )
    return vocabulary


def rules(raw: RawRulebook, book: Rulebook, errors: Collector, vocabulary: Vocabulary) -> None:
    """Every valid rule into `Rulebook.rules`, with the rules it defeats through `exception_to`."""
    entries_by_id: dict[str, list[Entry[Rule]]] = {}
    for entry in raw.rules:
        entries_by_id.setdefault(entry.item.id, []).append(entry)
    built: list[RuleEntry] = []
    for ident, entries in entries_by_id.items():
        if len({e.scope for e in entries}) > 1:
            errors.add(
                DuplicateIdError(N_("rule `{rule}` is defined in two jurisdictions"), rule=ident), entries[1].origin
            )
        versions_overlap([(e.item, e.origin) for e in entries], Phrase(N_("rule `{rule}`"), rule=ident), errors)
        for entry in entries:
            rule_entry = _rule(book, errors, entry, vocabulary, versioned=len(entries) > 1)
            if rule_entry is not None:
                built.append(rule_entry)
    known_ids = set(entries_by_id)
    graph: dict[str, list[str]] = {}
    for entry in raw.rules:
        for target in entry.item.exception_to:
            if target not in known_ids:
                errors.add(
                    UnknownNameError(
                        N_("rule {rule} is an exception to unknown rule `{target}`"), rule=entry.item.id, target=target
                    ),
                    entry.origin,
                )
                continue
            target_rule = entries_by_id[target][0].item
            if target_rule.support != entry.item.support:
                errors.add(
                    SchemaError(
                        N_("rule {rule} is an exception to {target}, which concludes on another support ({support})"),
                        rule=entry.item.id,
                        target=target,
                        support=target_rule.support,
                    ),
                    entry.origin,
                )
            graph.setdefault(entry.item.id, []).append(target)
    # Each circle is reported once and only its closing edge is dropped: every other exception
    # relation stays in force, so one mistake does not turn into a flood of spurious conflicts.
    while cycle := find_cycle(graph):
        errors.add(
            CycleError(N_("rules are exceptions to each other in a circle: {circle}"), circle=" → ".join(cycle)),
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
    book.rules = [
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


def amounts(raw: RawRulebook, book: Rulebook, errors: Collector, vocabulary: Vocabulary) -> None:
    """Amount calculations (tolka.load.amounts): checked steps, versions that do not overlap."""
    by_id: dict[str, list[Entry[AmountFormula]]] = {}
    for entry in raw.amounts:
        by_id.setdefault(entry.item.id, []).append(entry)
    for ident, entries in by_id.items():
        versions_overlap([(e.item, e.origin) for e in entries], Phrase(N_("amount `{amount}`"), amount=ident), errors)

    def cites(ids: Iterable[str], origin: Origin, what: Phrase) -> None:
        check_cites(book, errors, ids, origin, what)

    book.amounts = link_amounts(book, raw.amounts, vocabulary, errors.add, cites)


def condition_domains(book: Rulebook, condition: A.Expr) -> dict[A.Field, tuple | str]:
    """The values each field of `condition` can take, where the vocabulary bounds them."""
    return {f: d for f in A.fields(condition) if (d := book.domain(f)) is not None}


def _rule(
    book: Rulebook, errors: Collector, entry: Entry[Rule], vocabulary: Vocabulary, versioned: bool
) -> RuleEntry | None:
    rule, origin, scope = entry.item, entry.origin, entry.jurisdiction
    country = scope.split("-", 1)[0]
    ok = True
    if rule.support not in book.supports:
        errors.add(
            UnknownNameError(N_("rule {rule}: unknown support `{support}`"), rule=rule.id, support=rule.support), origin
        )
        ok = False
    elif book.supports[rule.support].country != country:
        errors.add(
            SchemaError(
                N_("rule {rule} is a {country} rule about a support of another country"), rule=rule.id, country=country
            ),
            origin,
        )
    if rule.then.route and rule.then.route not in book.routes:
        errors.add(
            UnknownNameError(N_("rule {rule}: unknown route `{route}`"), rule=rule.id, route=rule.then.route), origin
        )
    if not rule.cites:
        errors.add(
            MissingCitationError(
                N_("rule {rule} cites no provision"),
                hint=N_("every rule cites the provision(s) it rests on: `cites: [sol2025.12.1]`"),
                rule=rule.id,
            ),
            origin,
        )
        ok = False
    check_cites(book, errors, rule.cites, origin, Phrase(N_("rule {rule} cites"), rule=rule.id))
    check_in_force(
        book,
        errors,
        Phrase(N_("rule {rule}"), rule=rule.id),
        rule.cites + tuple(limit.provision for limit in rule.limits),
        rule,
        origin,
    )
    validity = Validity(valid_from=rule.valid_from, valid_to=rule.valid_to)
    for provision_id in rule.cites:
        if provision_id not in book.provisions or not book.provisions[provision_id][0].binding:
            continue
        # a rule citing a provision holds while it or a provision it replaces is in force
        narrowed = _intersect(validity, book.lineage_period(provision_id))
        if narrowed is None:
            errors.add(
                CitationValidityError(
                    N_(
                        "rule {rule} ({period}) cites {citation}, which (with the provisions it replaces) is not in "
                        "force at any time the rule is"
                    ),
                    hint=N_("check the rule's valid_from/valid_to against the law's in_force dates and `replaces`"),
                    rule=rule.id,
                    period=validity.period,
                    citation=book.citation(provision_id),
                ),
                origin,
            )
            ok = False
            break
        validity = narrowed
    condition: A.Expr = A.Const(Truth.TRUE)
    if rule.when is not None:
        try:
            condition = lower(parse(rule.when), vocabulary)
            check_limits(book, errors, Phrase(N_("rule {rule}"), rule=rule.id), rule.when, rule.limits, origin)
            decision_leaves(condition, condition_domains(book, condition))
        except ConditionTooLarge:
            errors.add(
                SchemaError(
                    N_("rule {rule}: the condition is too large for the Rete back end"),
                    hint=N_("split it into several rules or move parts into definitions shared by narrower rules"),
                    rule=rule.id,
                ),
                origin,
            )
            ok = False
        except RulebookError as exc:
            errors.add(exc, entry.at("when"))
            ok = False
    assessment = _assessment(book, errors, entry, vocabulary)
    if not ok:
        return None
    key = f"{rule.id}@{rule.valid_from.isoformat()}" if versioned and rule.valid_from else rule.id
    return RuleEntry(rule, key, scope, origin, condition, validity, assessment_condition=assessment)


def _assessment(book: Rulebook, errors: Collector, entry: Entry[Rule], vocabulary: Vocabulary) -> A.Expr | None:
    """The lowered `supported_when` of a rule's assessment: facts only, citations known."""
    rule = entry.item
    if rule.assessment is None:
        return None
    origin = entry.at("assessment")
    check_cites(
        book, errors, rule.assessment.cites, origin, Phrase(N_("rule {rule}: the assessment cites"), rule=rule.id)
    )
    try:
        condition = lower(parse(rule.assessment.supported_when), vocabulary)
    except RulebookError as exc:
        errors.add(exc, origin)
        return None
    if any(f.kind == "reading" for f in A.fields(condition)):
        errors.add(
            SchemaError(
                N_("rule {rule}: `assessment.supported_when` reads an interpretation point"),
                hint=N_("name the facts of the case that would support the exception; a reading belongs in `when`"),
                rule=rule.id,
            ),
            origin,
        )
        return None
    return condition


def _intersect(first: Validity, second: Validity) -> Validity | None:
    starts = [d for d in (first.valid_from, second.valid_from) if d]
    ends = [d for d in (first.valid_to, second.valid_to) if d]
    start, end = (max(starts) if starts else None), (min(ends) if ends else None)
    if start and end and end < start:
        return None
    return Validity(valid_from=start, valid_to=end)
