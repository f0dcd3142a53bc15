"""`tolka parameters`: the dated figures (prisbasbelopp, grunnbeløpet, …) in force on a day."""

from __future__ import annotations

import datetime as dt

import click

from tolka.cli.app import State, cli, date_option, emit, evaluation_day, lang_option, language
from tolka.model import contract as C
from tolka.render.parameters import parameter_blocks, parameter_rows


@cli.command()
@click.option("--country", type=click.Choice(["SE", "NO"]), default=None, help="Only this country's parameters.")
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "markdown", "json", "csv"]), default="text", show_default=True
)
@lang_option
@click.pass_obj
def parameters(state: State, country: str | None, day: dt.date | None, fmt: str, lang: str | None) -> None:
    """The parameters' values in force on the date: value, unit, period, validity, source, verified."""
    rulebook, words, on = state.rulebook, language(lang), evaluation_day(day)
    rows = parameter_rows(rulebook, country, on, words)
    data = C.ParametersOut(
        evaluation_date=on.isoformat(),
        rulebook_fingerprint=rulebook.fingerprint,
        parameters=rows,
    )
    csv_rows = [{**row.model_dump(), "citations": " ".join(c.provision for c in row.citations)} for row in rows]
    emit(fmt, blocks=parameter_blocks(rows, on, words), data=data, rows=csv_rows)
