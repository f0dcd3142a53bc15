"""`tolka brief`: what each member of the IPS team needs to know and do for this person."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.brief import brief as make_brief
from tolka.cli.app import (
    State,
    case_place,
    cli,
    date_option,
    emit,
    evaluation_day,
    lang_option,
    language,
    read_checked_case,
)
from tolka.render import brief_view


@cli.command()
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--jurisdiction", "-j", help="Jurisdiction id (e.g. NO-0301, SE-0180). Default: the case's home municipality."
)
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True
)
@lang_option
@click.pass_obj
def brief(state: State, case_file: Path, jurisdiction: str | None, day, fmt: str, lang: str | None) -> None:
    """The IPS team brief: by the meeting's agenda (work, treatment, economy, open concerns), what the
    employment specialist, the social worker and the therapist need to know and do for this person."""
    engine = state.engine
    words, when = language(lang), evaluation_day(day)
    case = read_checked_case(state, case_file, when, words)
    place = case_place(engine.rulebook, case, jurisdiction, words)
    result = make_brief(engine, case, place, when, words)
    emit(
        fmt,
        blocks=brief_view.brief_blocks(result, words),
        data=brief_view.brief_data(result),
        title="tolka brief",
        lang=words,
    )
