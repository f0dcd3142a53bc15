"""The named items of a rulebook, linked: laws and their provisions, parameters, bodies, supports,
facts, routes, jurisdictions, interpretation points, readings and the team.

Each step takes what was read from the files, keeps the first item of each id, fills the matching
table of the `Rulebook` and reports names that point nowhere. They run in the order `tolka.load.link`
gives (laws first: everything else cites their provisions); rules come after, in `tolka.load.rules`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal, get_args

from tolka.errors import CycleError, DuplicateIdError, MissingCitationError, SchemaError, UnknownNameError
from tolka.load import parameters as P
from tolka.load.citations import check_cites, check_in_force
from tolka.load.collector import Collector, find_cycle, unique, versions_overlap
from tolka.load.sections import RawRulebook
from tolka.model.catalogue import Route
from tolka.model.interpretation import Reading
from tolka.model.origin import Entry, Origin
from tolka.model.source import DateState, Seen
from tolka.rulebook import Rulebook


def laws(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Laws by id, and every provision by its id (unique across laws); `replaces` names provisions."""
    book.laws = {ident: item for ident, (item, _) in unique(raw.laws, lambda law: law.id, "law", errors).items()}
    for entry in raw.laws:
        for provision in entry.item.provisions:
            if provision.id in book.provisions:
                errors.add(DuplicateIdError(f"provision `{provision.id}` is defined twice"), entry.origin)
            else:
                book.provisions[provision.id] = (entry.item, provision)
                book.origins[("provision", provision.id)] = entry.origin
    for entry in raw.laws:
        for provision in entry.item.provisions:
            check_cites(book, errors, provision.replaces, entry.origin, f"provision {provision.id} replaces")


def parameters(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Dated parameters: unique ids, a name in the country's language, citations that exist,
    and values that never overlap (so one value is in force on any day)."""
    seen = unique(raw.parameters, lambda p: p.id, "parameter", errors)
    book.parameters = {ident: item for ident, (item, _) in seen.items()}
    for ident, (_, origin) in seen.items():
        book.origins[("parameter", ident)] = origin
    for entry in raw.parameters:
        problem = P.missing_name(entry)
        if problem is not None:
            errors.add(problem, entry.origin)
        for index, value in enumerate(entry.item.values):
            check_cites(book, errors, value.cites, P.value_origin(entry, index), f"parameter {entry.item.id} cites")
        versions_overlap(P.versions(entry), f"parameter {entry.item.id}", errors)


def bodies_supports_facts(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Bodies, supports and facts by id; a support's providers, counterparts and periods exist."""
    bodies = unique(raw.bodies, lambda b: b.id, "body", errors)
    supports = unique(raw.supports, lambda s: s.id, "support", errors)
    facts = unique(raw.facts, lambda f: f.name, "fact", errors)
    book.bodies = {ident: item for ident, (item, _) in bodies.items()}
    book.supports = {ident: item for ident, (item, _) in supports.items()}
    book.facts = {ident: item for ident, (item, _) in facts.items()}
    for what, seen in (("body", bodies), ("support", supports), ("fact", facts)):
        for ident, (_, origin) in seen.items():
            book.origins[(what, ident)] = origin
    for entry in raw.supports:
        for provider in entry.item.providers:
            if provider not in book.bodies:
                errors.add(
                    UnknownNameError(
                        f"support {entry.item.id}: unknown provider `{provider}`",
                        hint="bodies are declared under `bodies:`",
                    ),
                    entry.origin,
                )
        for counterpart in entry.item.counterparts:
            if counterpart not in {e.item.id for e in raw.supports}:
                errors.add(
                    UnknownNameError(f"support {entry.item.id}: unknown counterpart `{counterpart}`"), entry.origin
                )
        for period in entry.item.periods:
            fact = book.facts.get(period.start)
            if fact is None or fact.type != "date":
                errors.add(
                    SchemaError(f"support {entry.item.id}: a period starts at a date fact, not `{period.start}`"),
                    entry.origin,
                )
            check_cites(book, errors, period.cites, entry.origin, f"support {entry.item.id}: a period cites")


def routes(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Routes (versions by validity): a known body, known citations in force, an appeal that cites."""
    by_id: dict[str, list[Entry[Route]]] = {}
    for entry in raw.routes:
        by_id.setdefault(entry.item.id, []).append(entry)
        route = entry.item
        if route.body not in book.bodies:
            errors.add(UnknownNameError(f"route {route.id}: unknown body `{route.body}`"), entry.origin)
        check_cites(book, errors, route.cites, entry.origin, f"route {route.id} cites")
        if route.appeal:
            check_cites(book, errors, route.appeal.cites, entry.origin, f"route {route.id}: appeal cites")
            if route.appeal.appealable and not route.appeal.cites:
                errors.add(
                    MissingCitationError(f"route {route.id}: an appealable decision must cite the appeal provision"),
                    entry.origin,
                )
    for entry in raw.routes:
        route = entry.item
        cited = route.cites + (route.appeal.cites if route.appeal else ())
        check_in_force(book, errors, f"route {route.id}", cited, route, entry.origin, chain=True)
    for ident, entries in by_id.items():
        versions_overlap([(e.item, e.origin) for e in entries], f"route `{ident}`", errors)
        book.routes[ident] = sorted((e.item for e in entries), key=lambda r: r.valid_from or dt.date.min)
        book.origins[("route", ident)] = entries[0].origin


def jurisdictions(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Jurisdictions: known parents in the same country, known members, no circle of inheritance."""
    seen = unique(raw.jurisdictions, lambda j: j.id, "jurisdiction", errors)
    book.jurisdictions = {ident: item for ident, (item, _) in seen.items()}
    for ident, (_, origin) in seen.items():
        book.origins[("jurisdiction", ident)] = origin
    for entry in raw.jurisdictions:
        j = entry.item
        if j.parent and j.parent not in book.jurisdictions:
            errors.add(UnknownNameError(f"jurisdiction {j.id}: unknown parent `{j.parent}`"), entry.origin)
        elif j.parent and book.jurisdictions[j.parent].country != j.country:
            errors.add(SchemaError(f"jurisdiction {j.id}: its parent {j.parent} is in another country"), entry.origin)
        for member in j.members:
            if member not in book.jurisdictions:
                errors.add(UnknownNameError(f"jurisdiction {j.id}: unknown member `{member}`"), entry.origin)
    cycle = find_cycle({j.id: [j.parent] for j in book.jurisdictions.values() if j.parent})
    if cycle:
        origin = book.origins[("jurisdiction", cycle[0])]
        errors.add(
            CycleError(
                f"jurisdictions inherit in a circle: {' → '.join(cycle)}",
                hint="a parent chain must end at a country",
            ),
            origin,
        )
        for ident in cycle:  # keep later steps from looping
            book.jurisdictions[ident] = book.jurisdictions[ident].model_copy(update={"parent": None})
    for ref in raw.jurisdiction_refs:
        if ref.item not in book.jurisdictions:
            errors.add(
                UnknownNameError(
                    f"this file binds readings to jurisdiction `{ref.item}`, which is not defined",
                    hint="jurisdictions are defined in jurisdictions/ (YAML or CSV)",
                ),
                ref.origin,
            )


# duplicates: every check reports its own error (message, hint, place); the `errors.add` calls look alike.
def points(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Interpretation points: known provisions and supports, a national default among their values."""
    seen = unique(raw.points, lambda p: p.id, "interpretation point", errors)
    book.points = {ident: item for ident, (item, _) in seen.items()}
    for ident, (point, origin) in seen.items():
        book.origins[("point", ident)] = origin
        check_cites(book, errors, point.provisions, origin, f"point {ident} interprets")
        _check_supports(book, errors, point.supports, f"point {ident}", origin)
        if not point.default:
            errors.add(
                SchemaError(
                    f"point {ident} has no national default",
                    hint="use `value: null` with a note for 'no national position'",
                ),
                origin,
            )
        for default in point.default:
            check_cites(book, errors, default.rests_on.cites, origin, f"point {ident}: the default rests on")
            check_in_force(
                book, errors, f"point {ident}: the default", default.rests_on.cites, default, origin, chain=True
            )
            if default.value is not None and point.value_type != "amount" and default.value not in point.value_ids:
                errors.add(
                    SchemaError(f"point {ident}: the default {default.value!r} is not one of its values"), origin
                )
        versions_overlap([(d, origin) for d in point.default], f"the default of point `{ident}`", errors)


def readings(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Readings: of a known point of the jurisdiction's country, one of its values, never two at once."""
    grouped: dict[tuple[str, str], list[Entry[Reading]]] = {}
    for entry in raw.readings:
        reading, scope = entry.item, entry.jurisdiction
        point = book.points.get(reading.point)
        if point is None:
            errors.add(UnknownNameError(f"reading of unknown interpretation point `{reading.point}`"), entry.origin)
            continue
        if scope in book.jurisdictions and book.jurisdictions[scope].country != point.country:
            errors.add(SchemaError(f"point {point.id} belongs to {point.country}, but {scope} does not"), entry.origin)
        if point.value_type == "amount":
            if reading.value is not None and (isinstance(reading.value, str) or reading.value < 0):
                errors.add(
                    SchemaError(
                        f"{reading.value!r} is not an amount: {point.id} is read as {point.unit} {point.period}",
                        hint="write the amount as a number, e.g. `value: 4250`",
                    ),
                    entry.origin,
                )
                continue
        elif reading.value is not None and reading.value not in point.value_ids:
            errors.add(
                SchemaError(
                    f"{reading.value!r} is not a possible reading of {point.id}",
                    hint=f"possible readings: {', '.join(str(v) for v in point.value_ids)}",
                ),
                entry.origin,
            )
            continue
        _reading_provenance(entry, point.country, errors)
        if reading.contested:
            check_cites(book, errors, [reading.contested.provision], entry.origin, "a contested reading names")
        grouped.setdefault((scope, reading.point), []).append(entry)
    for (scope, point_id), entries in grouped.items():
        versions_overlap([(e.item, e.origin) for e in entries], f"{scope}'s reading of `{point_id}`", errors)
        book.readings.setdefault(scope, []).extend(entries)


def _reading_provenance(entry: Entry[Reading], country: str, errors: Collector) -> None:
    """A reading is shown to case workers in their language and dated honestly."""
    reading = entry.item
    language = "nb" if country == "NO" else "sv"
    if not getattr(reading.summary, language):
        errors.add(
            SchemaError(
                f"the reading of `{reading.point}` has no summary in {language}",
                hint=f"write `summary: {{{language}: …, en: …}}` in your own words",
            ),
            entry.origin,
        )
    source = reading.source
    for note, hint in SOURCE_NOTE_HINTS.items():
        if getattr(source, note) is not None and not source.structured_note(note):
            errors.add(
                SchemaError(
                    f"the source of the reading of `{reading.point}` gives `{note}` as free English text, "
                    "which a Swedish or Norwegian reader would be shown as is",
                    hint=hint,
                ),
                entry.at(f"source.{note}"),
            )
    for aside in ("date_aside", "seen_aside"):
        text = getattr(source, aside)
        if text is not None and not getattr(text, language):
            errors.add(
                SchemaError(
                    f"the source of the reading of `{reading.point}` has a `{aside}` without {language}",
                    hint=f"write `{aside}: {{{language}: …, en: …}}`; URLs, dates and quoted page text stay as is",
                ),
                entry.at(f"source.{aside}"),
            )
    if source.published and source.found and source.published > source.found:
        errors.add(
            SchemaError(
                f"the source of the reading of `{reading.point}` is published {source.published}, "
                f"after it was found ({source.found})",
                hint="check both dates",
            ),
            entry.origin,
        )


SOURCE_NOTE_HINTS: dict[Literal["date_note", "retrieved"], str] = {
    "date_note": f"write `date_state:` ({', '.join(get_args(DateState))}) and what else is known of the date in "
    "`date_aside: {sv, en, nb}` (docs/harvesting.md)",
    "retrieved": f"write `seen:` ({', '.join(get_args(Seen))}), what else about the copy matters in "
    "`seen_aside: {sv, en, nb}` and a reference to your notes in `harvest_ref` (docs/harvesting.md)",
}


def team(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Team roles: the supports and facts each task names exist, and are asked in the role's country."""
    seen = unique(raw.team, lambda role: role.id, "team role", errors)
    book.team = {ident: item for ident, (item, _) in seen.items()}
    for ident, (role, origin) in seen.items():
        for task in role.tasks:
            _check_supports(book, errors, task.supports, f"team role {ident}", origin)
        named = [("explores", fact) for task in role.tasks for fact in task.explores] + [
            ("finds out", fact) for fact in role.finds_out
        ]
        for verb, fact in named:
            if fact not in book.facts:
                errors.add(UnknownNameError(f"team role {ident}: {verb} unknown fact `{fact}`"), origin)
            elif role.country not in book.facts[fact].countries:
                errors.add(
                    UnknownNameError(f"team role {ident}: {verb} `{fact}`, a fact not asked in {role.country}"),
                    origin,
                )


def _check_supports(book: Rulebook, errors: Collector, supports: Iterable[str], owner: str, origin: Origin) -> None:
    """Report every support `owner` names that the catalogue does not have."""
    for support in supports:
        if support not in book.supports:
            errors.add(UnknownNameError(f"{owner}: unknown support `{support}`"), origin)
