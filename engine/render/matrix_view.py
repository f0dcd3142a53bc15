"""`tolka readings` and `tolka jurisdictions`: the readings matrix and the jurisdiction list.

In a terminal the whole matrix (every jurisdiction × 30-odd points) cannot be read, so the text,
Markdown and HTML views summarise it: one row per jurisdiction with the points on which it reads the
law differently from the national default, then the points that differ somewhere, with the option
that shows one point for everybody. With `--point` they show the matrix of the points chosen. CSV and
JSON always carry the whole matrix.
"""

from __future__ import annotations

import datetime as dt

from tolka.i18n import N_
from tolka.jurisdictions import ResolvedReading
from tolka.matrix import JurisdictionListing, MatrixRow, cell_marks, cell_text
from tolka.model import contract as C
from tolka.model.jurisdiction import Jurisdiction
from tolka.render.labels import BASIS, WORDS, sentence, word
from tolka.render.report import Block, Heading, Paragraph, Table
from tolka.render.resolved import listed_ids, resolved_data, value_words
from tolka.rulebook import Rulebook

PHRASES = {
    "jurisdiction": N_("Jurisdiction"),
    "own": N_("Readings of its own"),
    "differs": N_("Reads differently from the national default"),
    "summary_title": N_("Readings in force on {day}: {n} jurisdictions"),
    "points_title": N_("Points read differently somewhere"),
    "point": N_("Point (--point)"),
    "question": N_("Question"),
    "count": N_("Jurisdictions"),
    "pointer": N_(
        "One point for every jurisdiction: `tolka readings --point ID` (add --all for those without a reading"
        " of their own). The whole matrix, for a spreadsheet: `tolka readings --format csv`."
    ),
    "legend": N_(
        "* national default (no local reading) · ? unverified · ! contested · ~ source over 5 years old · — no position"
    ),
    "nothing": N_("No jurisdiction matches the filters."),
    "listed": N_("{n} jurisdictions"),
    "own_count": N_("{n} of its own"),
    "kind": N_("Kind"),
    "part_of": N_("Part of"),
    "county": N_("County"),
    "sources": N_("Sources"),
}

KIND_ONE = {
    "country": N_("country"),
    "region": N_("region"),
    "county": N_("county"),
    "municipality": N_("municipality"),
    "kommunalforbund": N_("municipal federation"),
    "samordningsforbund": N_("coordination association"),
    "nav_office": N_("NAV office"),
    "example_unit": N_("example unit"),
}


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


def matrix_blocks(
    rulebook: Rulebook, columns: list[str], rows: list[MatrixRow], day: dt.date, language: str, chosen: bool
) -> list[Block]:
    """The readings as text: the summary (one row per jurisdiction), or with `chosen` points the matrix."""
    if not rows:
        return [Paragraph(sentence(PHRASES, "nothing", language))]
    if chosen:
        return _chosen_points(rulebook, columns, rows, language)
    table = Table([sentence(PHRASES, "jurisdiction", language), sentence(PHRASES, "differs", language)])
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
        place = f"{place_name(row.jurisdiction)}\n{sentence(PHRASES, 'own_count', language, n=own)}"
        table.rows.append([place, "\n".join(lines) or "—"])
    blocks: list[Block] = [
        Heading(2, sentence(PHRASES, "summary_title", language, day=day.isoformat(), n=len(rows))),
        table,
    ]
    if differing:
        points = Table(
            [
                sentence(PHRASES, "point", language),
                sentence(PHRASES, "question", language),
                sentence(PHRASES, "count", language),
            ]
        )
        for point, count in sorted(differing.items(), key=lambda item: (-item[1], item[0])):
            points.rows.append([point, rulebook.points[point].question.get(language), str(count)])
        blocks += [Heading(3, sentence(PHRASES, "points_title", language)), points]
    return blocks + [Paragraph(sentence(PHRASES, "pointer", language))]


def _chosen_points(rulebook: Rulebook, columns: list[str], rows: list[MatrixRow], language: str) -> list[Block]:
    table = Table(
        [sentence(PHRASES, "jurisdiction", language)] + [rulebook.points[c].question.get(language) for c in columns]
    )
    for row in rows:
        cells = []
        for column in columns:
            reading = row.cells.get(column)
            cells.append("" if reading is None else value_words(rulebook, reading, language) + cell_marks(reading))
        table.rows.append([place_name(row.jurisdiction)] + cells)
    return [table, Paragraph(sentence(PHRASES, "legend", language))]


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
            sentence(PHRASES, "jurisdiction", language),
            sentence(PHRASES, "kind", language),
            sentence(PHRASES, "part_of", language),
            sentence(PHRASES, "county", language),
            sentence(PHRASES, "own", language),
            sentence(PHRASES, "sources", language),
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
    return [table, Paragraph(sentence(PHRASES, "listed", language, n=len(listings)))]


def listing_data(listings: list[JurisdictionListing]) -> C.JurisdictionsOut:
    return C.JurisdictionsOut(
        jurisdictions=[
            C.JurisdictionListedOut(**dict(item.jurisdiction), reading_count=item.readings, sources=item.sources)
            for item in listings
        ]
    )
