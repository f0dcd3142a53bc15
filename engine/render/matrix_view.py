"""`tolka readings` and `tolka jurisdictions`: the readings matrix and the jurisdiction list.

In a terminal the whole matrix (every jurisdiction × 30-odd points) cannot be read, so the text,
Markdown and HTML views summarise it: one row per jurisdiction with the points on which it reads the
law differently from the national default, then the points that differ somewhere, with the option
that shows one point for everybody. With `--point` they show the matrix of the points chosen. CSV and
JSON always carry the whole matrix.
"""

from __future__ import annotations

import datetime as dt

from tolka.jurisdictions import ResolvedReading
from tolka.matrix import JurisdictionListing, MatrixRow, cell_marks, cell_text
from tolka.model import contract as C
from tolka.model.jurisdiction import Jurisdiction
from tolka.render.labels import BASIS, WORDS, word
from tolka.render.report import Block, Heading, Paragraph, Table
from tolka.render.resolved import listed_ids, resolved_data
from tolka.rulebook import Rulebook

PHRASES = {
    "jurisdiction": {"en": "Jurisdiction", "sv": "Jurisdiktion", "nb": "Jurisdiksjon"},
    "own": {"en": "Readings of its own", "sv": "Egna tolkningar", "nb": "Egne tolkninger"},
    "differs": {
        "en": "Reads differently from the national default",
        "sv": "Tolkar annorlunda än den nationella utgångspunkten",
        "nb": "Tolker annerledes enn det nasjonale utgangspunktet",
    },
    "summary_title": {
        "en": "Readings in force on {day}: {n} jurisdictions",
        "sv": "Tolkningar som gäller {day}: {n} jurisdiktioner",
        "nb": "Tolkninger som gjelder {day}: {n} jurisdiksjoner",
    },
    "none_differ": {
        "en": "the same as the national default",
        "sv": "samma som den nationella utgångspunkten",
        "nb": "det samme som det nasjonale utgangspunktet",
    },
    "points_title": {
        "en": "Points read differently somewhere",
        "sv": "Punkter som tolkas annorlunda någonstans",
        "nb": "Punkter som tolkes annerledes et sted",
    },
    "point": {"en": "Point (--point)", "sv": "Punkt (--point)", "nb": "Punkt (--point)"},
    "question": {"en": "Question", "sv": "Fråga", "nb": "Spørsmål"},
    "count": {"en": "Jurisdictions", "sv": "Jurisdiktioner", "nb": "Jurisdiksjoner"},
    "pointer": {
        "en": "One point for every jurisdiction: `tolka readings --point ID` (add --all for those without a "
        "reading of their own). The whole matrix, for a spreadsheet: `tolka readings --format csv`.",
        "sv": "En punkt för varje jurisdiktion: `tolka readings --point ID` (lägg till --all för dem utan egen "
        "tolkning). Hela matrisen, för ett kalkylark: `tolka readings --format csv`.",
        "nb": "Ett punkt for hver jurisdiksjon: `tolka readings --point ID` (legg til --all for dem uten egen "
        "tolkning). Hele matrisen, for et regneark: `tolka readings --format csv`.",
    },
    "legend": {
        "en": "* national default (no local reading) · ? unverified · ! contested · ~ source over 5 years old "
        "· — no position",
        "sv": "* nationell utgångspunkt (ingen lokal tolkning) · ? ej verifierad · ! ifrågasatt · ~ källan är "
        "över 5 år gammal · — ingen hållning",
        "nb": "* nasjonalt utgangspunkt (ingen lokal tolkning) · ? ikke verifisert · ! omstridt · ~ kilden er "
        "over 5 år gammel · — ingen posisjon",
    },
    "nothing": {
        "en": "No jurisdiction matches the filters.",
        "sv": "Ingen jurisdiktion matchar filtren.",
        "nb": "Ingen jurisdiksjon passer til filtrene.",
    },
    "listed": {"en": "{n} jurisdictions", "sv": "{n} jurisdiktioner", "nb": "{n} jurisdiksjoner"},
    "own_count": {"en": "{n} of its own", "sv": "{n} egna", "nb": "{n} egne"},
    "kind": {"en": "Kind", "sv": "Slag", "nb": "Type"},
    "part_of": {"en": "Part of", "sv": "Del av", "nb": "Del av"},
    "county": {"en": "County", "sv": "Län", "nb": "Fylke"},
    "sources": {"en": "Sources", "sv": "Källor", "nb": "Kilder"},
}

KIND_ONE = {
    "country": {"en": "country", "sv": "land", "nb": "land"},
    "region": {"en": "region", "sv": "region", "nb": "region"},
    "county": {"en": "county", "sv": "län", "nb": "fylke"},
    "municipality": {"en": "municipality", "sv": "kommun", "nb": "kommune"},
    "kommunalforbund": {"en": "municipal federation", "sv": "kommunalförbund", "nb": "kommunalt samarbeid"},
    "samordningsforbund": {"en": "coordination association", "sv": "samordningsförbund", "nb": "samordningsforbund"},
    "nav_office": {"en": "NAV office", "sv": "NAV-kontor", "nb": "NAV-kontor"},
    "example_unit": {"en": "example unit", "sv": "exempelenhet", "nb": "eksempelenhet"},
}


def _say(key: str, language: str, **values: object) -> str:
    return word(PHRASES, key, language).format(**values)


def place_name(place: Jurisdiction) -> str:
    """A jurisdiction as people name it, with the id to type after it: `Stockholm (SE-0180)` (an
    example unit's name says that it is one)."""
    return f"{place.name} ({place.id})"


def differs_from_default(rulebook: Rulebook, reading: ResolvedReading, day: dt.date) -> bool:
    """Whether a jurisdiction's own or inherited reading says something other than the national default."""
    if reading.basis not in ("local", "inherited"):
        return False
    default = rulebook.point_default(reading.point, day)
    return default is None or default.value != reading.value


def _reading_words(rulebook: Rulebook, reading: ResolvedReading, language: str) -> str:
    """The reading's value in words, with what makes it less certain."""
    flags = [] if reading.verified else [word(WORDS, "unverified", language)]
    if reading.reading is not None and reading.reading.contested:
        flags.append(word(WORDS, "contested", language))
    if reading.stale:
        flags.append(word(WORDS, "stale", language))
    if reading.basis == "inherited":
        flags.append(f"{word(BASIS, 'inherited', language)}, {rulebook.jurisdictions[reading.jurisdiction].name}")
    marks = f" ({'; '.join(flags)})" if flags else ""
    return f"{value_words(rulebook, reading, language)}{marks}"


def value_words(rulebook: Rulebook, reading: ResolvedReading, language: str) -> str:
    """The value's label, or that there is no national position."""
    if reading.value is None:
        return word(BASIS, "no_national_position", language)
    return rulebook.points[reading.point].label(reading.value, language)


def matrix_blocks(
    rulebook: Rulebook, columns: list[str], rows: list[MatrixRow], day: dt.date, language: str, chosen: bool
) -> list[Block]:
    """The readings as text: the summary (one row per jurisdiction), or with `chosen` points the matrix."""
    if not rows:
        return [Paragraph(_say("nothing", language))]
    if chosen:
        return _chosen_points(rulebook, columns, rows, language)
    table = Table([_say("jurisdiction", language), _say("differs", language)])
    differing: dict[str, int] = {}
    for row in rows:
        cells = [r for r in (row.cells.get(c) for c in columns) if r is not None]
        own = sum(1 for r in cells if r.basis == "local")
        lines = []
        for reading in cells:
            if differs_from_default(rulebook, reading, day):
                differing[reading.point] = differing.get(reading.point, 0) + 1
                question = rulebook.points[reading.point].question.get(language)
                lines.append(f"• {question} → {_reading_words(rulebook, reading, language)}")
        place = f"{place_name(row.jurisdiction)}\n{_say('own_count', language, n=own)}"
        table.rows.append([place, "\n".join(lines) or "—"])
    blocks: list[Block] = [
        Heading(2, _say("summary_title", language, day=day.isoformat(), n=len(rows))),
        table,
    ]
    if differing:
        points = Table([_say("point", language), _say("question", language), _say("count", language)])
        for point, count in sorted(differing.items(), key=lambda item: (-item[1], item[0])):
            points.rows.append([point, rulebook.points[point].question.get(language), str(count)])
        blocks += [Heading(3, _say("points_title", language)), points]
    return blocks + [Paragraph(_say("pointer", language))]


def _chosen_points(rulebook: Rulebook, columns: list[str], rows: list[MatrixRow], language: str) -> list[Block]:
    table = Table([_say("jurisdiction", language)] + [rulebook.points[c].question.get(language) for c in columns])
    for row in rows:
        cells = []
        for column in columns:
            reading = row.cells.get(column)
            cells.append("" if reading is None else value_words(rulebook, reading, language) + cell_marks(reading))
        table.rows.append([place_name(row.jurisdiction)] + cells)
    return [table, Paragraph(_say("legend", language))]


def matrix_rows(columns: list[str], rows: list[MatrixRow]) -> list[dict]:
    out = []
    for row in rows:
        record = {
            "jurisdiction": row.jurisdiction.id,
            "name": row.jurisdiction.name,
            "kind": row.jurisdiction.kind,
            "county": row.jurisdiction.county or "",
            "example": row.jurisdiction.example,
        }
        for column in columns:
            record[column] = cell_text(row.cells.get(column))
        out.append(record)
    return out


def matrix_data(columns: list[str], rows: list[MatrixRow], day: str) -> C.ReadingsOut:
    return C.ReadingsOut(
        evaluation_date=day,
        points=columns,
        jurisdictions=[
            C.MatrixRowOut(
                jurisdiction=row.jurisdiction.id,
                name=row.jurisdiction.name,
                kind=row.jurisdiction.kind,
                example=row.jurisdiction.example,
                readings={c: resolved_data(row.cells.get(c)) for c in columns},
            )
            for row in rows
        ],
    )


def listing_blocks(rulebook: Rulebook, listings: list[JurisdictionListing], language: str) -> list[Block]:
    """`tolka jurisdictions` as text: name, kind and county in words, the id to type, the readings."""
    table = Table(
        [
            _say("jurisdiction", language),
            _say("kind", language),
            _say("part_of", language),
            _say("county", language),
            _say("own", language),
            _say("sources", language),
        ]
    )
    for item in listings:
        j = item.jurisdiction
        parent = "" if j.parent is None else f"{rulebook.jurisdictions[j.parent].name} ({j.parent})"
        table.rows.append(
            [
                place_name(j),
                word(KIND_ONE, j.kind, language),
                parent,
                j.county or "",
                str(item.readings),
                listed_ids(item.sources) if item.sources else "",
            ]
        )
    return [table, Paragraph(_say("listed", language, n=len(listings)))]


def listing_data(listings: list[JurisdictionListing]) -> C.JurisdictionsOut:
    return C.JurisdictionsOut(
        jurisdictions=[
            C.JurisdictionListedOut(**dict(item.jurisdiction), reading_count=item.readings, sources=item.sources)
            for item in listings
        ]
    )
