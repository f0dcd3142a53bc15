"""`tolka evaluate`: one case, one jurisdiction, one date → cited outcomes."""

from __future__ import annotations

from pathlib import Path

import click

from engine.case import read_case
from engine.cli.app import State, cli, date_option, evaluation_day, lang_option, language
from engine.jurisdictions import default_jurisdiction
from engine.render.draw import to_markdown, to_terminal
from engine.render.json_out import to_json
from engine.render.report import evaluation_blocks


@cli.command()
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jurisdiction", "-j", help="Jurisdiction id (e.g. SE-0180). Default: the case's home_municipality, else the country.")
@date_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
@click.pass_obj
def evaluate(state: State, case_file: Path, jurisdiction: str | None, day, fmt: str, lang: str | None) -> None:
    """Evaluate the case in CASE_FILE (YAML or JSON: fact name → value; missing facts are unknown)."""
    engine = state.engine
    case = read_case(case_file, engine.rulebook)
    place = jurisdiction or default_jurisdiction(case, engine.rulebook)
    result = engine.evaluate(case, place, evaluation_day(day))
    if fmt == "json":
        click.echo(to_json(result), nl=False)
    elif fmt == "markdown":
        click.echo(to_markdown(evaluation_blocks(result, language(lang))), nl=False)
    else:
        click.echo(to_terminal(evaluation_blocks(result, language(lang))), nl=False)
