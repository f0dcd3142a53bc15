"""Cross-file checks: turn the items read from the files into a linked, validated `Rulebook`.

Every problem is collected (never only the first): duplicate ids, unknown names, cycles in
jurisdiction inheritance, in `exception_to` and among definitions, overlapping validity of two
versions of the same rule, route, reading or default, rules without citations, rules whose
validity lies outside the statutes they cite, conditions that do not parse or type-check, and
static conflicts (two rules that can both apply and conclude differently, neither defeating the
other), each with a witness case.

The steps live in the modules named below and run in this order, each reading what the earlier
ones put into the `Rulebook`; a new check reports through the shared `Collector`
(`tolka.load.collector`).
"""

from __future__ import annotations

from tolka.errors import RulebookError
from tolka.load import catalogues, conflicts, review, rules
from tolka.load.collector import Collector
from tolka.load.sections import RawRulebook
from tolka.rulebook import Rulebook


def link(raw: RawRulebook) -> tuple[Rulebook, list[RulebookError]]:
    """Cross-check everything read from the files; returns the rulebook and every error found."""
    book = Rulebook(root=raw.root, files=[p.relative_to(raw.root).as_posix() for p in raw.files])
    errors = Collector()
    errors.errors.extend(raw.errors)
    catalogues.laws(raw, book, errors)
    catalogues.parameters(raw, book, errors)
    catalogues.bodies_supports_facts(raw, book, errors)
    catalogues.routes(raw, book, errors)
    catalogues.jurisdictions(raw, book, errors)
    catalogues.points(raw, book, errors)
    catalogues.readings(raw, book, errors)
    vocabulary = rules.definitions(raw, book, errors)
    rules.rules(raw, book, errors, vocabulary)
    rules.amounts(raw, book, errors, vocabulary)
    review.rule_fields(book, errors)
    review.reading_sources(book, errors)
    review.unverified_refusals(book, errors)
    catalogues.team(raw, book, errors)
    review.completeness(book, errors)
    conflicts.conflicts(book, errors)
    book.warnings = sorted(errors.warnings, key=lambda w: (w.file or "", w.line or 0))
    return book, errors.errors
