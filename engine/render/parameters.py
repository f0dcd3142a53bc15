"""The `tolka parameters` view: the values of the dated parameters in force on a day.

Rows are the JSON contract's records (English keys and values as stored, for JSON and CSV). The text
table is in the reader's language: a value as the language writes it, with its unit and period
("2,041 G per år", "66 %"), the unverified mark, and a numbered reference to its source; the sources
follow the table, one line each (title, what is known of its date, address), so that a long address
never wraps a table cell. A parameter without a value on the day is listed with an empty value and
says so, rather than being left out: a missing figure must be visible, never read as zero.
"""

from __future__ import annotations

import datetime as dt

from tolka.citations import citation
from tolka.i18n import N_
from tolka.model.contract import ParameterRowOut
from tolka.model.parameter import Parameter
from tolka.render.amounts_view import parameter_value_text
from tolka.render.labels import WORDS, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table
from tolka.render.source_note import source_note
from tolka.rulebook import Rulebook

COLUMNS = {
    "id": N_("id"),
    "name": N_("name"),
    "value": N_("value"),
    "valid": N_("in force"),
    "source": N_("source"),
}
TEXTS = {
    "title": N_("Parameters in force on {day}"),
    "no_value": N_("no sourced value for this date"),
    "none": N_("The rulebook has no parameters for this selection."),
    "sources": N_("Sources"),
}


def parameter_row(rulebook: Rulebook, parameter: Parameter, day: dt.date, language: str) -> ParameterRowOut:
    """One parameter's value on `day` as a flat record (value as text, so no float rounding creeps in)."""
    value = parameter.value_at(day)
    source = value.source if value else None
    return ParameterRowOut(
        id=parameter.id,
        country=parameter.country,
        name=parameter.name.get(language),
        value=str(value.value) if value else None,
        unit=parameter.unit,
        period=parameter.period,
        valid_from=value.valid_from.isoformat() if value and value.valid_from else None,
        valid_to=value.valid_to.isoformat() if value and value.valid_to else None,
        source=(source.url or source.document) if source else None,
        source_date=(source.published.isoformat() if source.published else source.date_note) if source else None,
        citations=[citation(rulebook, p) for p in value.cites] if value else [],
        verified=value.verified if value else None,
        source_title=source.title if source else None,
        source_note=source_note(source, language) if source else None,
    )


def parameter_rows(rulebook: Rulebook, country: str | None, day: dt.date, language: str) -> list[ParameterRowOut]:
    """Every parameter of `country` (or of both countries), with its value in force on `day`."""
    chosen = sorted(
        (p for p in rulebook.parameters.values() if country is None or p.country == country), key=lambda p: p.id
    )
    return [parameter_row(rulebook, parameter, day, language) for parameter in chosen]


def parameter_blocks(rows: list[ParameterRowOut], day: dt.date, language: str) -> list[Block]:
    """The rows as a table in the reader's language, unverified values marked, then the sources they cite."""
    blocks: list[Block] = [Heading(2, word(TEXTS, "title", language).format(day=day.isoformat()))]
    if not rows:
        return blocks + [Paragraph(word(TEXTS, "none", language))]
    table = Table([word(COLUMNS, key, language) for key in COLUMNS])
    sources: dict[tuple[str | None, ...], int] = {}  # one number per source, in the order the table cites them
    for row in rows:
        if row.value is None:
            value, valid, reference = f"({word(TEXTS, 'no_value', language)})", "", ""
        else:
            mark = "" if row.verified else f" ⚠ {word(WORDS, 'unverified', language)}"
            value = parameter_value_text(row.value, row.unit, row.period, language) + mark
            valid = f"{row.valid_from} – {row.valid_to or '…'}"
            number = sources.setdefault((row.source, row.source_title, row.source_note), len(sources) + 1)
            reference = f"[{number}]"
        table.rows.append([row.id, row.name, value, valid, reference])
    blocks.append(table)
    if sources:
        blocks += [Paragraph(word(TEXTS, "sources", language) + ":"), Bullets(_source_lines(sources))]
    return blocks


def _source_lines(sources: dict[tuple[str | None, ...], int]) -> list[str]:
    """ "[1] title (what is known of its date)", and the address on a line of its own."""
    lines = []
    for (where, title, note), number in sources.items():
        about = " ".join(part for part in (title, f"({note})" if note else None) if part)
        lines.append(f"[{number}] {about}\n    {where}" if about else f"[{number}] {where}")
    return lines
