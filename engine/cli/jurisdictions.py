"""Jurisdiction commands: `compare`, `mandate`, `readings`, `jurisdictions`."""

from __future__ import annotations

from pathlib import Path

import click

# duplicates: commands import the same CLI helpers and declare the same case_file/date options.
from tolka.cli.app import (
    State,
    cli,
    date_option,
    emit,
    evaluation_day,
    jurisdiction_list,
    lang_option,
    language,
    read_checked_case,
)
from tolka.compare import compare_explained
from tolka.mandate import mandate as find_mandate
from tolka.matrix import SourceFilter, list_jurisdictions, readings_matrix
from tolka.render import compare_view, mandate_view, matrix_view
from tolka.suggest import known, known_county, known_kind


@cli.command()
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--jurisdictions", "-J", "which", required=True, help="`all`, or ids separated by commas (SE-EX-A,SE-0180)."
)
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown", "html"]), default="text", show_default=True
)
@lang_option
@click.pass_obj
def compare(state: State, case_file: Path, which: str, day, fmt: str, lang: str | None) -> None:
    """One person's outcomes side by side across jurisdictions, differences traced to readings.

    With exactly two jurisdictions, also the minimal set of differing readings that explains
    every differing outcome.
    """
    engine = state.engine
    words, when = language(lang), evaluation_day(day)
    case = read_checked_case(state, case_file, when, words)
    country = case.facts.get("home_country", "SE")
    ids = jurisdiction_list(engine.rulebook, which, country, words)
    explained = compare_explained(engine, case, ids, when)
    emit(
        fmt,
        blocks=compare_view.explained_comparison_blocks(engine.rulebook, explained, words),
        data=compare_view.explained_comparison_data(explained),
        rows=compare_view.comparison_rows(explained.comparison),
        title="tolka compare",
        lang=words,
    )


@cli.command()
@click.argument("support")
@click.option("--jurisdiction", "-j", required=True, help="Jurisdiction id.")
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True
)
@lang_option
@click.pass_obj
def mandate(state: State, support: str, jurisdiction: str, day, fmt: str, lang: str | None) -> None:
    """Is SUPPORT mandated here — by law, by the local reading, by national guidance — and how do others read it?"""
    engine = state.engine
    words = language(lang)
    view = find_mandate(engine, support, jurisdiction, evaluation_day(day), words)
    emit(
        fmt,
        blocks=mandate_view.mandate_blocks(engine.rulebook, view, words),
        data=mandate_view.mandate_data(engine.rulebook, view),
        title="tolka mandate",
        lang=words,
    )


@cli.command()
@click.option("--point", "points", multiple=True, help="Only these interpretation points (repeatable).")
@click.option("--county", help="Only jurisdictions in this county (name or 2-digit code).")
@click.option(
    "--kind", help="Only jurisdictions of this kind (municipality, region, samordningsforbund, example_unit …)."
)
@click.option("--country", type=click.Choice(["SE", "NO"]), default="SE", show_default=True)
@click.option("--all", "include_all", is_flag=True, help="Include jurisdictions without readings of their own.")
@click.option("--verified", "verified_only", is_flag=True, help="Only verified local readings.")
@click.option(
    "--max-age",
    type=click.FloatRange(min=0),
    help="Only local readings whose source is at most this many years old on the date (undated sources fail).",
)
@click.option("--own-page", "own_page_only", is_flag=True, help="Only readings from the body's own page.")
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "csv", "json", "markdown", "html"]), default="text", show_default=True
)
@lang_option
@click.pass_obj
def readings(
    state: State, points, county, kind, country, include_all, verified_only, max_age, own_page_only, day, fmt, lang
) -> None:
    """How jurisdictions read the law: per jurisdiction, the points it reads differently from the
    national default (text); with --point, those points for every jurisdiction; --format csv or json,
    the whole matrix of jurisdictions × interpretation points."""
    rulebook, words = state.rulebook, language(lang)
    country_points = {p.id for p in rulebook.points_of(country)}
    for point in points:
        known("point", point, country_points, "tolka readings", words)
    check_place_filters(rulebook, county, kind, country, words)
    day = evaluation_day(day)
    wanted = SourceFilter(verified_only, max_age, own_page_only)
    filtered = wanted != SourceFilter()
    columns, rows = readings_matrix(
        rulebook, day, country, list(points) or None, county, kind, include_all, wanted if filtered else None
    )
    emit(
        fmt,
        blocks=matrix_view.matrix_blocks(rulebook, columns, rows, day, words, chosen=bool(points)),
        data=matrix_view.matrix_data(columns, rows, day.isoformat()),
        rows=matrix_view.matrix_rows(columns, rows),
        title="tolka readings",
        lang=words,
    )


def check_place_filters(rulebook, county: str | None, kind: str | None, country: str | None, lang: str) -> None:
    """A county or kind that no jurisdiction has is a typo, not an empty answer: refuse it."""
    if county is not None:
        known_county(rulebook, county, country, lang)
    if kind is not None:
        known_kind(kind, lang)


@cli.command(name="jurisdictions")
@click.option(
    "--kind", help="Only this kind (country, region, municipality, kommunalforbund, samordningsforbund, example_unit)."
)
@click.option("--county", help="Only this county (name or 2-digit code).")
@click.option("--country", type=click.Choice(["SE", "NO"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@click.pass_obj
def list_command(state: State, kind, county, country, fmt, lang) -> None:
    """Every jurisdiction, with how many readings it has and from which sources."""
    rulebook, words = state.rulebook, language(lang)
    check_place_filters(rulebook, county, kind, country, words)
    listings = list_jurisdictions(rulebook, kind, county, country)
    emit(
        fmt,
        blocks=matrix_view.listing_blocks(rulebook, listings, words),
        data=matrix_view.listing_data(listings),
        lang=words,
    )
