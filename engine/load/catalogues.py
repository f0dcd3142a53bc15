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

from tolka.errors import CycleError, DuplicateIdError, MissingCitationError, Phrase, SchemaError, UnknownNameError
from tolka.i18n import N_
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
    book.laws = {ident: item for ident, (item, _) in unique(raw.laws, lambda law: law.id, N_("law"), errors).items()}
    for entry in raw.laws:
        for provision in entry.item.provisions:
            if provision.id in book.provisions:
                errors.add(
                    DuplicateIdError(N_("provision `{provision}` is defined twice"), provision=provision.id),
                    entry.origin,
                )
            else:
                book.provisions[provision.id] = (entry.item, provision)
                book.origins[("provision", provision.id)] = entry.origin
    for entry in raw.laws:
        for provision in entry.item.provisions:
            what = Phrase(N_("provision {provision} replaces"), provision=provision.id)
            check_cites(book, errors, provision.replaces, entry.origin, what)


def parameters(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Dated parameters: unique ids, a name in the country's language, citations that exist,
    and values that never overlap (so one value is in force on any day)."""
    seen = unique(raw.parameters, lambda p: p.id, N_("parameter"), errors)
    book.parameters = {ident: item for ident, (item, _) in seen.items()}
    for ident, (_, origin) in seen.items():
        book.origins[("parameter", ident)] = origin
    for entry in raw.parameters:
        problem = P.missing_name(entry)
        if problem is not None:
            errors.add(problem, entry.origin)
        for index, value in enumerate(entry.item.values):
            what = Phrase(N_("parameter {parameter} cites"), parameter=entry.item.id)
            check_cites(book, errors, value.cites, P.value_origin(entry, index), what)
        versions_overlap(P.versions(entry), Phrase(N_("parameter {parameter}"), parameter=entry.item.id), errors)


def bodies_supports_facts(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Bodies, supports and facts by id; a support's providers, counterparts and periods exist."""
    bodies = unique(raw.bodies, lambda b: b.id, N_("body"), errors)
    supports = unique(raw.supports, lambda s: s.id, N_("support"), errors)
    facts = unique(raw.facts, lambda f: f.name, N_("fact"), errors)
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
                        N_("support {support}: unknown provider `{provider}`"),
                        hint=N_("bodies are declared under `bodies:`"),
                        support=entry.item.id,
                        provider=provider,
                    ),
                    entry.origin,
                )
        for counterpart in entry.item.counterparts:
            if counterpart not in {e.item.id for e in raw.supports}:
                errors.add(
                    UnknownNameError(
                        N_("support {support}: unknown counterpart `{counterpart}`"),
                        support=entry.item.id,
                        counterpart=counterpart,
                    ),
                    entry.origin,
                )
        for period in entry.item.periods:
            fact = book.facts.get(period.start)
            if fact is None or fact.type != "date":
                errors.add(
                    SchemaError(
                        N_("support {support}: a period starts at a date fact, not `{start}`"),
                        support=entry.item.id,
                        start=period.start,
                    ),
                    entry.origin,
                )
            cited_by = Phrase(N_("support {support}: a period cites"), support=entry.item.id)
            check_cites(book, errors, period.cites, entry.origin, cited_by)


def routes(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Routes (versions by validity): a known body, known citations in force, an appeal that cites."""
    by_id: dict[str, list[Entry[Route]]] = {}
    for entry in raw.routes:
        by_id.setdefault(entry.item.id, []).append(entry)
        route = entry.item
        if route.body not in book.bodies:
            errors.add(
                UnknownNameError(N_("route {route}: unknown body `{body}`"), route=route.id, body=route.body),
                entry.origin,
            )
        check_cites(book, errors, route.cites, entry.origin, Phrase(N_("route {route} cites"), route=route.id))
        if route.appeal:
            what = Phrase(N_("route {route}: appeal cites"), route=route.id)
            check_cites(book, errors, route.appeal.cites, entry.origin, what)
            if route.appeal.appealable and not route.appeal.cites:
                errors.add(
                    MissingCitationError(
                        N_("route {route}: an appealable decision must cite the appeal provision"), route=route.id
                    ),
                    entry.origin,
                )
    for entry in raw.routes:
        route = entry.item
        cited = route.cites + (route.appeal.cites if route.appeal else ())
        what = Phrase(N_("route {route}"), route=route.id)
        check_in_force(book, errors, what, cited, route, entry.origin, chain=True)
    for ident, entries in by_id.items():
        versions_overlap([(e.item, e.origin) for e in entries], Phrase(N_("route `{route}`"), route=ident), errors)
        book.routes[ident] = sorted((e.item for e in entries), key=lambda r: r.valid_from or dt.date.min)
        book.origins[("route", ident)] = entries[0].origin


def jurisdictions(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Jurisdictions: known parents in the same country, known members, no circle of inheritance."""
    seen = unique(raw.jurisdictions, lambda j: j.id, N_("jurisdiction"), errors)
    book.jurisdictions = {ident: item for ident, (item, _) in seen.items()}
    for ident, (_, origin) in seen.items():
        book.origins[("jurisdiction", ident)] = origin
    for entry in raw.jurisdictions:
        j = entry.item
        if j.parent and j.parent not in book.jurisdictions:
            errors.add(
                UnknownNameError(
                    N_("jurisdiction {jurisdiction}: unknown parent `{parent}`"), jurisdiction=j.id, parent=j.parent
                ),
                entry.origin,
            )
        elif j.parent and book.jurisdictions[j.parent].country != j.country:
            errors.add(
                SchemaError(
                    N_("jurisdiction {jurisdiction}: its parent {parent} is in another country"),
                    jurisdiction=j.id,
                    parent=j.parent,
                ),
                entry.origin,
            )
        for member in j.members:
            if member not in book.jurisdictions:
                errors.add(
                    UnknownNameError(
                        N_("jurisdiction {jurisdiction}: unknown member `{member}`"), jurisdiction=j.id, member=member
                    ),
                    entry.origin,
                )
    cycle = find_cycle({j.id: [j.parent] for j in book.jurisdictions.values() if j.parent})
    if cycle:
        origin = book.origins[("jurisdiction", cycle[0])]
        errors.add(
            CycleError(
                N_("jurisdictions inherit in a circle: {circle}"),
                hint=N_("a parent chain must end at a country"),
                circle=" → ".join(cycle),
            ),
            origin,
        )
        for ident in cycle:  # keep later steps from looping
            book.jurisdictions[ident] = book.jurisdictions[ident].model_copy(update={"parent": None})
    for ref in raw.jurisdiction_refs:
        if ref.item not in book.jurisdictions:
            errors.add(
                UnknownNameError(
                    N_("this file binds readings to jurisdiction `{jurisdiction}`, which is not defined"),
                    hint=N_("jurisdictions are defined in jurisdictions/ (YAML or CSV)"),
                    jurisdiction=ref.item,
                ),
                ref.origin,
            )


# duplicates: every check reports its own error (message, hint, place); the `errors.add` calls look alike.
def points(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Interpretation points: known provisions and supports, a national default among their values."""
    seen = unique(raw.points, lambda p: p.id, N_("interpretation point"), errors)
    book.points = {ident: item for ident, (item, _) in seen.items()}
    for ident, (point, origin) in seen.items():
        book.origins[("point", ident)] = origin
        check_cites(book, errors, point.provisions, origin, Phrase(N_("point {point} interprets"), point=ident))
        _check_supports(book, errors, point.supports, Phrase(N_("point {point}"), point=ident), origin)
        if not point.default:
            errors.add(
                SchemaError(
                    N_("point {point} has no national default"),
                    hint=N_("use `value: null` with a note for 'no national position'"),
                    point=ident,
                ),
                origin,
            )
        for default in point.default:
            what = Phrase(N_("point {point}: the default rests on"), point=ident)
            check_cites(book, errors, default.rests_on.cites, origin, what)
            what = Phrase(N_("point {point}: the default"), point=ident)
            check_in_force(book, errors, what, default.rests_on.cites, default, origin, chain=True)
            if default.value is not None and point.value_type != "amount" and default.value not in point.value_ids:
                errors.add(
                    SchemaError(
                        N_("point {point}: the default {value} is not one of its values"),
                        point=ident,
                        value=repr(default.value),
                    ),
                    origin,
                )
        what = Phrase(N_("the default of point `{point}`"), point=ident)
        versions_overlap([(d, origin) for d in point.default], what, errors)


def readings(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Readings: of a known point of the jurisdiction's country, one of its values, never two at once."""
    grouped: dict[tuple[str, str], list[Entry[Reading]]] = {}
    for entry in raw.readings:
        reading, scope = entry.item, entry.jurisdiction
        point = book.points.get(reading.point)
        if point is None:
            errors.add(
                UnknownNameError(N_("reading of unknown interpretation point `{point}`"), point=reading.point),
                entry.origin,
            )
            continue
        if scope in book.jurisdictions and book.jurisdictions[scope].country != point.country:
            errors.add(
                SchemaError(
                    N_("point {point} belongs to {country}, but {scope} does not"),
                    point=point.id,
                    country=point.country,
                    scope=scope,
                ),
                entry.origin,
            )
        if point.value_type == "amount":
            if reading.value is not None and (isinstance(reading.value, str) or reading.value < 0):
                errors.add(
                    SchemaError(
                        N_("{value} is not an amount: {point} is read as {unit} {period}"),
                        hint=N_("write the amount as a number, e.g. `value: 4250`"),
                        value=repr(reading.value),
                        point=point.id,
                        unit=point.unit,
                        period=point.period,
                    ),
                    entry.origin,
                )
                continue
        elif reading.value is not None and reading.value not in point.value_ids:
            errors.add(
                SchemaError(
                    N_("{value} is not a possible reading of {point}"),
                    hint=N_("possible readings: {values}"),
                    value=repr(reading.value),
                    point=point.id,
                    values=", ".join(str(v) for v in point.value_ids),
                ),
                entry.origin,
            )
            continue
        _reading_provenance(entry, point.country, errors)
        if reading.contested:
            what = Phrase(N_("a contested reading names"))
            check_cites(book, errors, [reading.contested.provision], entry.origin, what)
        grouped.setdefault((scope, reading.point), []).append(entry)
    for (scope, point_id), entries in grouped.items():
        what = Phrase(N_("{scope}'s reading of `{point}`"), scope=scope, point=point_id)
        versions_overlap([(e.item, e.origin) for e in entries], what, errors)
        book.readings.setdefault(scope, []).extend(entries)


def _reading_provenance(entry: Entry[Reading], country: str, errors: Collector) -> None:
    """A reading is shown to case workers in their language and dated honestly."""
    reading = entry.item
    language = "nb" if country == "NO" else "sv"
    if not getattr(reading.summary, language):
        errors.add(
            SchemaError(
                N_("the reading of `{point}` has no summary in {language}"),
                hint=N_("write `summary: {{{language}: …, en: …}}` in your own words"),
                point=reading.point,
                language=language,
            ),
            entry.origin,
        )
    source = reading.source
    for note, (hint, choices) in SOURCE_NOTE_HINTS.items():
        if getattr(source, note) is not None and not source.structured_note(note):
            errors.add(
                SchemaError(
                    N_(
                        "the source of the reading of `{point}` gives `{note}` as free English text, which a "
                        "Swedish or Norwegian reader would be shown as is"
                    ),
                    hint=hint,
                    point=reading.point,
                    note=note,
                    choices=", ".join(get_args(choices)),
                ),
                entry.at(f"source.{note}"),
            )
    for aside in ("date_aside", "seen_aside"):
        text = getattr(source, aside)
        if text is not None and not getattr(text, language):
            errors.add(
                SchemaError(
                    N_("the source of the reading of `{point}` has a `{aside}` without {language}"),
                    hint=N_("write `{aside}: {{{language}: …, en: …}}`; URLs, dates and quoted page text stay as is"),
                    point=reading.point,
                    aside=aside,
                    language=language,
                ),
                entry.at(f"source.{aside}"),
            )
    if source.published and source.found and source.published > source.found:
        errors.add(
            SchemaError(
                N_("the source of the reading of `{point}` is published {published}, after it was found ({found})"),
                hint=N_("check both dates"),
                point=reading.point,
                published=source.published,
                found=source.found,
            ),
            entry.origin,
        )


# A note's hint, and the type whose values it lists as `{choices}`.
SOURCE_NOTE_HINTS: dict[Literal["date_note", "retrieved"], tuple[str, object]] = {
    "date_note": (
        N_(
            "write `date_state:` ({choices}) and what else is known of the date in `date_aside: {{sv, en, nb}}` "
            "(docs/harvesting.md)"
        ),
        DateState,
    ),
    "retrieved": (
        N_(
            "write `seen:` ({choices}), what else about the copy matters in `seen_aside: {{sv, en, nb}}` and a "
            "reference to your notes in `harvest_ref` (docs/harvesting.md)"
        ),
        Seen,
    ),
}


def team(raw: RawRulebook, book: Rulebook, errors: Collector) -> None:
    """Team roles: the supports and facts each task names exist, and are asked in the role's country."""
    seen = unique(raw.team, lambda role: role.id, N_("team role"), errors)
    book.team = {ident: item for ident, (item, _) in seen.items()}
    for ident, (role, origin) in seen.items():
        for task in role.tasks:
            _check_supports(book, errors, task.supports, Phrase(N_("team role {role}"), role=ident), origin)
        # (unknown fact, fact of another country) for each way a role names a fact
        explores = (
            N_("team role {role}: explores unknown fact `{fact}`"),
            N_("team role {role}: explores `{fact}`, a fact not asked in {country}"),
        )
        finds_out = (
            N_("team role {role}: finds out unknown fact `{fact}`"),
            N_("team role {role}: finds out `{fact}`, a fact not asked in {country}"),
        )
        named = [(explores, fact) for task in role.tasks for fact in task.explores] + [
            (finds_out, fact) for fact in role.finds_out
        ]
        for (unknown, foreign), fact in named:
            if fact not in book.facts:
                errors.add(UnknownNameError(unknown, role=ident, fact=fact), origin)
            elif role.country not in book.facts[fact].countries:
                errors.add(UnknownNameError(foreign, role=ident, fact=fact, country=role.country), origin)


def _check_supports(book: Rulebook, errors: Collector, supports: Iterable[str], owner: Phrase, origin: Origin) -> None:
    """Report every support `owner` names that the catalogue does not have."""
    for support in supports:
        if support not in book.supports:
            errors.add(
                UnknownNameError(N_("{owner}: unknown support `{support}`"), owner=owner, support=support), origin
            )
