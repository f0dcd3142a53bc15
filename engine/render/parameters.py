"""The `tolka parameters` view: the values of the dated parameters in force on a day.

Rows are the JSON contract's records (English keys, for JSON and CSV); the text table's headings, periods and marks are
in the reader's language. A parameter without a value on the day is listed with an empty value and
says so, rather than being left out: a missing figure must be visible, never read as zero.
"""

from __future__ import annotations

import datetime as dt

from tolka.citations import citation
from tolka.i18n import N_
from tolka.model.contract import ParameterRowOut
from tolka.model.parameter import Parameter
from tolka.render.labels import WORDS, word
from tolka.render.report import Block, Heading, Paragraph, Table
from tolka.rulebook import Rulebook

COLUMNS = {
    "id": N_("id"),
    "name": N_("name"),
    "value": N_("value"),
    "unit": N_("unit"),
    "period": N_("period"),
    "valid": N_("in force"),
    "source": N_("source"),
}
PERIOD_WORDS = {
    "per_month": N_("per month"),
    "per_year": N_("per year"),
    "per_4_weeks": N_("per 4 weeks"),
    "per_week": N_("per week"),
    "none": "",
}
TEXTS = {
    "title": N_("Parameters in force on {day}"),
    "no_value": N_("no sourced value for this date"),
    "none": N_("The rulebook has no parameters for this selection."),
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
    )


def parameter_rows(rulebook: Rulebook, country: str | None, day: dt.date, language: str) -> list[ParameterRowOut]:
    """Every parameter of `country` (or of both countries), with its value in force on `day`."""
    chosen = sorted(
        (p for p in rulebook.parameters.values() if country is None or p.country == country), key=lambda p: p.id
    )
    return [parameter_row(rulebook, parameter, day, language) for parameter in chosen]


def parameter_blocks(rows: list[ParameterRowOut], day: dt.date, language: str) -> list[Block]:
    """The rows as a table in the reader's language, unverified values marked."""
    blocks: list[Block] = [Heading(2, word(TEXTS, "title", language).format(day=day.isoformat()))]
    if not rows:
        return blocks + [Paragraph(word(TEXTS, "none", language))]
    table = Table([word(COLUMNS, key, language) for key in COLUMNS])
    for row in rows:
        if row.value is None:
            value, valid, source = f"({word(TEXTS, 'no_value', language)})", "", ""
        else:
            mark = "" if row.verified else f" ⚠ {word(WORDS, 'unverified', language)}"
            value = (f"{int(row.value):,}".replace(",", " ") if row.value.isdigit() else row.value) + mark
            valid = f"{row.valid_from} – {row.valid_to or '…'}"
            source = f"{row.source} ({row.source_date})"
        period = word(PERIOD_WORDS, row.period, language)
        table.rows.append([row.id, row.name, value, row.unit, period, valid, source])
    return blocks + [table]
