"""Checks on the linked rulebook as a whole, once every rule is built: what a rule reads belongs to
its country, a condition can both hold and fail, sources are newer than the rules that read them,
unverified content never refuses on its own, and every support has a default status rule.

Most of these are warnings (`tolka check` lists them; docs/check-warnings.md explains each).
"""

from __future__ import annotations

from tolka.errors import (
    ConstantConditionWarning,
    OtherCountryWarning,
    SchemaError,
    SourceOlderThanRuleWarning,
    UnverifiedDecidesWarning,
)
from tolka.expr import ast as A
from tolka.expr.evaluate import truth as reference_truth
from tolka.expr.logic import Truth
from tolka.i18n import N_
from tolka.load.collector import Collector
from tolka.load.ranges import constant_truth
from tolka.rulebook import Rulebook, RuleEntry


def rule_fields(book: Rulebook, errors: Collector) -> None:
    """What each rule reads: points and facts of its own country, and a condition that can
    both hold and fail within the declared ranges."""
    for entry in book.rules:
        country = entry.country
        for fld in dict.fromkeys(entry.fields()):
            if fld.kind == "reading" and fld.name in book.points:
                other = book.points[fld.name].country
                if other != country:
                    errors.add(
                        SchemaError(
                            N_(
                                "rule {rule} is a {country} rule that reads `{point}`, an interpretation point of "
                                "{other}"
                            ),
                            hint=N_("read a point of {country}, or move the rule to {other}'s rulebook"),
                            rule=entry.rule.id,
                            country=country,
                            point=fld.name,
                            other=other,
                        ),
                        entry.origin,
                    )
            for name in fld.facts:
                fact = book.facts.get(name)
                if fact is not None and country not in fact.countries:
                    errors.add(
                        OtherCountryWarning(
                            N_("rule {rule} is a {country} rule that reads `{fact}`, a fact of {countries} only"),
                            hint=N_("add {country} to the fact's `countries` if it means the same there"),
                            rule=entry.rule.id,
                            country=country,
                            fact=name,
                            countries=", ".join(fact.countries),
                        ),
                        entry.origin,
                    )
        if entry.rule.when is None or not A.fields(entry.condition):
            continue  # no condition, or a deliberate `when: true` / `when: false`
        truth = constant_truth(entry.condition, book)
        if truth is not None:
            message = (
                N_("rule {rule}: the condition `{when}` can never be true within the ranges the vocabulary declares")
                if truth is Truth.FALSE
                else N_(
                    "rule {rule}: the condition `{when}` is true whenever its facts are known within the ranges "
                    "the vocabulary declares"
                )
            )
            errors.add(
                ConstantConditionWarning(
                    message,
                    hint=N_("check the numbers against the facts' minimum/maximum, and for `a and not a`"),
                    rule=entry.rule.id,
                    when=entry.rule.when,
                ),
                entry.origin,
            )


def reading_sources(book: Rulebook, errors: Collector) -> None:
    """Warn where a reading's source was published before the rule that reads it came into force.

    Such a page was written under an earlier rule (e.g. before SoL 2025:400): it may not say
    how the jurisdiction reads the rule in force now, so a reviewer should look for a newer page
    or end the reading's validity. One warning per reading, naming the earliest such rule.
    """
    readers: dict[str, list[RuleEntry]] = {}
    for rule in book.rules:
        for point in dict.fromkeys(rule.points()):
            readers.setdefault(point, []).append(rule)
    for scope, entries in book.readings.items():
        if scope not in book.jurisdictions:
            continue
        holders = {place.id for place in book.chain(scope)}
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
                errors.add(
                    SourceOlderThanRuleWarning(
                        N_(
                            "{scope}'s reading of `{point}` rests on a source published {published}, before rule "
                            "{rule} that reads it came into force ({start})"
                        ),
                        hint=N_("look for a newer page, or give the reading a `valid_to` before the rule's start"),
                        scope=scope,
                        point=reading.point,
                        published=published,
                        rule=first.id,
                        start=first.validity.valid_from,
                    ),
                    entry.origin,
                )


def unverified_refusals(book: Rulebook, errors: Collector) -> None:
    """Warn where unverified content alone would refuse: content resting on UNCONFIRMED facts
    must never decide `not_eligible` on its own (a main rule with an exception, or a verified
    source, is what the hint asks for)."""
    refusing = [e for e in book.rules if e.rule.then.status == "not_eligible" and not e.rule.default]
    for entry in refusing:
        cited = [book.provisions[p] for p in entry.rule.cites if p in book.provisions]
        if entry.rule.verified and any(law.verified and provision.verified for law, provision in cited):
            continue
        errors.add(
            UnverifiedDecidesWarning(
                N_("rule {rule} refuses (`not_eligible`) on unverified content alone"),
                hint=N_(
                    "verify its source, or make it `status: not_eligible_as_a_rule` with an `assessment` "
                    "where the law leaves room (docs/check-warnings.md)"
                ),
                rule=entry.rule.id,
            ),
            entry.origin,
        )
    # Only the refusing rules that read a reading's point can let it refuse, and a rule refuses or
    # not on a value whatever the jurisdiction: with readings everywhere, thousands of readings
    # share a few (rule, point, value) questions.
    readers: dict[str, list[RuleEntry]] = {}
    for rule in refusing:
        for point in dict.fromkeys(rule.points()):
            readers.setdefault(point, []).append(rule)
    answers: dict[tuple[str, str, object], bool] = {}

    def refuses(rule: RuleEntry, point: str, value: object) -> bool:
        question = (rule.key, point, value)
        if question not in answers:
            facts = {f"reading__{point}": value} if value is not None else {}
            answers[question] = reference_truth(rule.condition, facts) is not Truth.FALSE
        return answers[question]

    for scope, entries in book.readings.items():
        scopes = book.scopes(scope)
        for reading_entry in entries:
            reading = reading_entry.item
            if reading.verified or reading.value is None or reading.point not in book.points:
                continue
            defaults = {d.value for d in book.points[reading.point].default}
            for rule in readers.get(reading.point, []):
                if rule.scope not in scopes:
                    continue
                refuses_here = refuses(rule, reading.point, reading.value)
                refuses_by_default = any(refuses(rule, reading.point, d) for d in defaults or {None})
                if refuses_here and not refuses_by_default:
                    errors.add(
                        UnverifiedDecidesWarning(
                            N_(
                                "{scope}'s unverified reading of `{point}` ({value}) is what lets rule {rule} "
                                "refuse (`not_eligible`)"
                            ),
                            hint=N_(
                                "find the jurisdiction's own page to verify it, or end the reading where it is "
                                "uncertain"
                            ),
                            scope=scope,
                            point=reading.point,
                            value=reading.value,
                            rule=rule.rule.id,
                        ),
                        reading_entry.origin,
                    )
                    break


def completeness(book: Rulebook, errors: Collector) -> None:
    """Every support needs a default status rule, so that no case falls through every rule."""
    defaults = {e.rule.support for e in book.rules if e.rule.default and e.rule.then.status}
    for support_id in book.supports:
        if support_id not in defaults:
            errors.add(
                SchemaError(
                    N_(
                        "support {support} has no default status rule: a case that no rule covers would be left "
                        "undetermined without a reason"
                    ),
                    hint=N_(
                        "add a rule with `default: true` and `then: {{status: ...}}` citing what the status rests on"
                    ),
                    support=support_id,
                ),
                book.origins.get(("support", support_id)),
            )
