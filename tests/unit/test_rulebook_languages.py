"""Every rulebook text shown to people exists in Swedish, Norwegian and English.

`tolka check` requires the country's own language and English (an author writes those); the
rulebook shipped is read across the border too — `compare -J SE-0180,NO-0301` shows a Swedish case
worker Norway's rules, laws, routes and readings, `tolka rules --country NO --lang sv` their
explanations — so these tests want all three languages for every text of a support, route, body,
law, fact, point, rule, reading, team role, parameter and jurisdiction. Only a fact's description
is left out: it is for the rulebook's writers and no output shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from tolka.model.common import Text

LANGUAGE = {"SE": "sv", "NO": "nb"}
# A fact's description is for the rulebook's writers and no output shows it; a reading's summary is
# `tolka check`'s; a rule's note (shown by `tolka rules`) has a test of its own below.
NOT_SHOWN = frozenset({("Fact", "description"), ("Rule", "note"), ("Reading", "summary")})


def texts(item: object, where: str, leave_out: frozenset[tuple[str, str]] = NOT_SHOWN) -> Iterator[tuple[str, Text]]:
    """Every Text inside a model, with its path, leaving out the fields in `leave_out` (NOT_SHOWN)."""
    if isinstance(item, Text):
        yield where, item
    elif isinstance(item, BaseModel):
        for name in type(item).model_fields:
            if (type(item).__name__, name) not in leave_out:
                yield from texts(getattr(item, name), f"{where}.{name}", leave_out)
    elif isinstance(item, (list, tuple)):
        for index, element in enumerate(item):
            yield from texts(element, f"{where}[{index}]", leave_out)
    elif isinstance(item, dict):
        for key, element in item.items():
            yield from texts(element, f"{where}[{key}]", leave_out)


def lacking(
    item: object, where: str, countries: Iterable[str], leave_out: frozenset[tuple[str, str]] = NOT_SHOWN
) -> list[str]:
    needed = sorted({LANGUAGE[country] for country in countries})
    return [
        f"{path} has no {language}: {text.en[:60]!r}"
        for path, text in texts(item, where, leave_out)
        for language in needed
        if not getattr(text, language)
    ]


def test_every_shown_rulebook_text_is_in_all_three_languages(shipped_engine):
    book = shipped_engine.rulebook
    both = ["SE", "NO"]
    shown_everywhere = frozenset({("Fact", "description")})
    problems: list[str] = []
    for ident, support in book.supports.items():
        problems += lacking(support, f"support {ident}", both, shown_everywhere)
    for routes in book.routes.values():
        for route in routes:
            problems += lacking(route, f"route {route.id}", both, shown_everywhere)
    for ident, body in book.bodies.items():
        problems += lacking(body, f"body {ident}", both, shown_everywhere)
    for ident, law in book.laws.items():
        problems += lacking(law, f"law {ident}", both, shown_everywhere)
    for name, fact in book.facts.items():
        problems += lacking(fact, f"fact {name}", both, shown_everywhere)
    for ident, point in book.points.items():
        problems += lacking(point, f"point {ident}", both, shown_everywhere)
    for entry in book.rules:
        problems += lacking(entry.rule, f"rule {entry.key}", both, shown_everywhere)
    for scope, entries in book.readings.items():
        for entry in entries:
            problems += lacking(entry.item, f"reading of {entry.item.point} in {scope}", both, shown_everywhere)
    for ident, role in book.team.items():
        problems += lacking(role, f"team role {ident}", both, shown_everywhere)
    for ident, parameter in book.parameters.items():
        problems += lacking(parameter, f"parameter {ident}", both, shown_everywhere)
    assert problems == [], f"{len(problems)} texts lack a language, the first: " + "\n".join(problems[:20])


def test_the_walk_finds_the_texts_it_checks(shipped_engine):
    """Guards the test above against passing vacuously (a model change that hides every text)."""
    shipped = shipped_engine.rulebook
    support = next(iter(shipped.supports.values()))
    assert any(path.endswith(".name") for path, _ in texts(support, "support"))
    fact = shipped.facts["current_activity"]
    assert sum(1 for path, _ in texts(fact, "fact") if ".label" in path) >= 3


def test_every_rule_note_is_in_its_countrys_language(shipped_engine):
    """`tolka rules` shows a rule's note: it needs the country's language like every other shown text."""
    book = shipped_engine.rulebook
    problems = [
        f"rule {entry.key}: note has no {LANGUAGE[entry.country]}"
        for entry in book.rules
        if entry.rule.note is not None and not getattr(entry.rule.note, LANGUAGE[entry.country])
    ]
    assert problems == []


def test_what_a_comparison_across_the_border_shows_is_in_both_languages(shipped_engine):
    """`compare -J SE-0180,NO-0301` in nb lists Sweden's open questions, bodies and points too (and in
    sv Norway's): a fact's question and values, a point's question and values and a body's name need
    sv and nb whichever country they belong to. (Support names: see the supports' own test.)"""
    book = shipped_engine.rulebook
    both = ["SE", "NO"]
    problems: list[str] = []
    for name, fact in book.facts.items():
        problems += lacking(fact.question, f"fact {name}.question", both)
        for value in fact.values:
            problems += lacking(value.label, f"fact {name}.{value.id}", both)
    for ident, point in book.points.items():
        problems += lacking(point.question, f"point {ident}.question", both)
        for value in point.values:
            problems += lacking(value.label, f"point {ident}.{value.id}", both)
    for ident, body in book.bodies.items():
        problems += lacking(body.name, f"body {ident}.name", both)
    assert problems == []


def test_parameter_names_law_titles_and_route_names_are_in_all_three_languages(shipped_engine):
    """`tolka parameters` and `tolka diff` list both countries' parameters, laws and routes to every
    reader: a Swedish case worker reads Norway's grunnbeløp, folketrygdloven and the youth guarantee's
    contact in Swedish, a Norwegian one Sweden's prisbasbelopp, socialtjänstlagen and routes in
    Norwegian (a proper name may stay, glossed)."""
    book = shipped_engine.rulebook
    both = ["SE", "NO"]
    problems: list[str] = []
    for ident, parameter in book.parameters.items():
        problems += lacking(parameter.name, f"parameter {ident}.name", both)
    for ident, law in book.laws.items():
        problems += lacking(law.title, f"law {ident}.title", both)
    for ident, routes in book.routes.items():
        for route in routes:
            problems += lacking(route.name, f"route {ident}.name", both)
    assert problems == []
    assert len(book.parameters) >= 60 and len(book.laws) >= 40 and len(book.routes) >= 30  # the walk saw them all


def test_parameter_sources_are_in_the_controlled_vocabulary(shipped_engine):
    """`tolka parameters` shows each source's note in the reader's language: what is known of its date
    comes from `date_state` and a `date_aside` in sv, nb and en, never a free English `date_note`; the
    maintainer's own notes stay in `harvest_ref`, which no reader is shown."""
    problems: list[str] = []
    for ident, parameter in shipped_engine.rulebook.parameters.items():
        for value in parameter.values:
            source, where = value.source, f"parameter {ident} from {value.valid_from}"
            if source.date_note is not None and not source.structured_note("date_note"):
                problems.append(f"{where}: free date_note {source.date_note[:60]!r}")
            for aside in (source.date_aside, source.seen_aside):
                problems += lacking(aside, f"{where}.source", ["SE", "NO"])
    assert problems == []


def test_every_text_of_the_jurisdictions_files_is_in_all_three_languages(shipped_engine):
    """`compare -J SE-0180,NO-0301` shows a Norwegian case worker (nb) Sweden's readings and a Swedish one
    (sv) Norway's: every text of jurisdictions/ (a reading's summary and detail, a contested reading's
    note, its source's date and seen asides, a jurisdiction's note, a local amount's labels and note)
    needs sv, nb and en, whichever country it belongs to."""
    book = shipped_engine.rulebook
    both = ["SE", "NO"]
    everything: frozenset[tuple[str, str]] = frozenset()
    problems: list[str] = []
    for entries in book.readings.values():
        for entry in entries:
            where = f"{entry.origin.file}:{entry.origin.line} reading of {entry.item.point}"
            problems += lacking(entry.item, where, both, everything)
    for ident, jurisdiction in book.jurisdictions.items():
        problems += lacking(jurisdiction, f"jurisdiction {ident}", both, everything)
    for amount in book.amounts:
        if amount.origin.file.startswith("jurisdictions/"):
            where = f"{amount.origin.file}:{amount.origin.line} amount {amount.formula.id}"
            problems += lacking(amount.formula, where, both, everything)
    assert problems == [], f"{len(problems)} texts lack a language, the first: " + "\n".join(problems[:20])
    assert sum(len(entries) for entries in book.readings.values()) >= 500  # the walk saw them all
