"""The command group, shared options, and how errors reach the user (never as tracebacks)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

import tolka
from tolka.errors import CaseError, RulebookInvalid, TolkaError
from tolka.render.labels import default_language


def default_rulebook() -> Path:
    """`$TOLKA_RULEBOOK`, else the rulebook shipped beside the package (the repository root)."""
    configured = os.environ.get("TOLKA_RULEBOOK")
    if configured:
        return Path(configured)
    return Path(tolka.__file__).resolve().parent.parent


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RulebookInvalid as exc:
            for error in exc.errors:
                click.echo(error.render(), err=True)
            click.echo(f"{len(exc.errors)} error(s) in the rulebook at {ctx.obj.root}", err=True)
            ctx.exit(1)
        except CaseError as exc:
            click.echo(exc.render(), err=True)
            ctx.exit(2)
        except TolkaError as exc:
            click.echo(exc.render(), err=True)
            ctx.exit(1)


class State:
    """What commands share: where the rulebook is, and the engine once it is built."""

    def __init__(self, root: Path, use_cache: bool) -> None:
        self.root = root
        self.use_cache = use_cache
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from tolka.evaluate import Engine

            self._engine = Engine.load(self.root, use_cache=self.use_cache)
        return self._engine

    @property
    def rulebook(self):
        return self.engine.rulebook


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--rulebook",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Rulebook directory (with rules/ and jurisdictions/). Default: $TOLKA_RULEBOOK or the shipped one.",
)
@click.option("--no-cache", is_flag=True, help="Do not use the on-disk cache of the compiled rulebook.")
@click.version_option(tolka.__version__, prog_name="tolka")
@click.pass_context
def cli(ctx: click.Context, rulebook: Path | None, no_cache: bool) -> None:
    """tolka: which support applies to a young adult, by which route, on what legal basis — and where
    jurisdictions read the law differently."""
    ctx.obj = State(rulebook or default_rulebook(), use_cache=not no_cache)


date_option = click.option(
    "--date",
    "day",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Evaluation date YYYY-MM-DD (decides which laws and readings are in force). Default: today.",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(["sv", "en", "nb"]),
    default=None,
    help="Language of the text output. Default: from the locale.",
)


def evaluation_day(day: dt.datetime | None) -> dt.date:
    return day.date() if day else dt.date.today()


def language(lang: str | None) -> str:
    return lang or default_language()


def main() -> None:
    cli(prog_name="tolka")


def emit(fmt: str, *, blocks=None, data=None, rows=None, title: str = "tolka", lang: str = "en") -> None:
    """Write a view in the requested format: text (rich), markdown, html, json or csv."""
    import csv
    import io

    from tolka.render.draw import to_html, to_markdown, to_terminal
    from tolka.render.json_out import to_json

    if fmt == "json":
        click.echo(to_json(data), nl=False)
    elif fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    elif fmt == "markdown":
        click.echo(to_markdown(blocks), nl=False)
    elif fmt == "html":
        click.echo(to_html(blocks, title, lang), nl=False)
    else:
        click.echo(to_terminal(blocks), nl=False)


def jurisdiction_list(rulebook, text: str, country: str = "SE") -> list[str]:
    """`all` (every jurisdiction of the country) or a comma-separated list of ids."""
    if text.strip().lower() == "all":
        return [j.id for j in rulebook.jurisdictions.values() if j.country == country]
    return [part.strip() for part in text.split(",") if part.strip()]
