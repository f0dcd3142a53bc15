"""`tolka coverage`: how many jurisdictions have a sourced reading, and how old and certain it is."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.boundary import code
from tolka.cli.app import State, cli, date_option, emit, evaluation_day, lang_option, language
from tolka.errors import CaseFileError, UnknownIdError
from tolka.i18n import translator
from tolka.render.labels import COUNTRY, as_language, word


@cli.command()
@click.option("--country", type=click.Choice(["SE", "NO"]), default="SE", show_default=True)
@click.option("--point", "points", multiple=True, help="Only these interpretation points (repeatable).")
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown", "html"]), default="text", show_default=True
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw a county × point heatmap to this file (.png, .svg or .pdf).",
)
@lang_option
@click.pass_obj
def coverage(state: State, country: str, points, day, fmt: str, plot: Path | None, lang: str | None) -> None:
    """Per point and per county: how many jurisdictions have a sourced reading, how old, how certain.

    A comparison of jurisdictions is only as good as this coverage. Example units are not counted.
    """
    from tolka.coverage import coverage as compute
    from tolka.render.coverage_view import coverage_blocks, coverage_data, coverage_plot, coverage_rows

    rulebook = state.rulebook
    words = language(lang)
    _ = translator(as_language(words))
    for point in points:
        if point not in rulebook.points or rulebook.points[point].country != country:
            raise UnknownIdError(
                _(
                    "no interpretation point {point} in {country}",
                    point=code(point),
                    country=word(COUNTRY, country, words),
                ),
                hint=_("`tolka coverage` without --point lists them"),
            )
    if plot is not None and plot.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise CaseFileError(
            _("cannot draw to {name}", name=plot.name), hint=_("use a file name ending in .png, .svg or .pdf")
        )
    result = compute(rulebook, country, evaluation_day(day), list(points) or None)
    emit(
        fmt,
        blocks=coverage_blocks(rulebook, result, words),
        data=coverage_data(result),
        rows=coverage_rows(result),
        title="tolka coverage",
        lang=words,
    )
    if plot is not None:
        coverage_plot(rulebook, result, plot, words)
