"""The command group, shared options, and how errors reach the user (never as tracebacks)."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

import tolka
from tolka.boundary import parse_date
from tolka.cli.help_language import TranslatedCommand, TranslatedHelp, install, installed, language_in
from tolka.errors import CaseError, RulebookInvalid, TolkaError, UnknownIdError
from tolka.i18n import translator
from tolka.render.labels import as_language, default_language, phrase
from tolka.shipped import rulebook_root

if TYPE_CHECKING:
    from tolka.case import Case
    from tolka.plausible import CaseWarning


def default_rulebook() -> Path:
    """`$TOLKA_RULEBOOK`, else the shipped rulebook (package data, or the repository in a checkout)."""
    configured = os.environ.get("TOLKA_RULEBOOK")
    if configured:
        return Path(configured)
    return rulebook_root()


# Which module registers each command: only that module is imported to run it. A command missing
# here is still found (every module of tolka.cli is imported before giving up), only slower.
COMMAND_MODULES = {
    "ask": "ask",
    "brief": "brief",
    "facts": "catalogue",
    "supports": "catalogue",
    "check": "check",
    "coverage": "coverage",
    "evaluate": "evaluate",
    "compare": "jurisdictions",
    "mandate": "jurisdictions",
    "readings": "jurisdictions",
    "jurisdictions": "jurisdictions",
    "population": "population",
    "expand": "population",
    "synth": "population",
    "plot": "population",
    "rules": "rulebook",
    "limits": "rulebook",
    "diff": "rulebook",
    "serve": "serve",
    "parameters": "parameters",
    "schema": "schema",
}


def _import_all_commands() -> None:
    import pkgutil

    import tolka.cli

    for module in pkgutil.iter_modules(tolka.cli.__path__):
        importlib.import_module(f"tolka.cli.{module.name}")


class _Group(TranslatedHelp, click.Group):
    command_class = TranslatedCommand

    def main(self, args=None, *extra, **options):
        # Help and usage errors come before any option is processed: choose their language first.
        install(language_in(sys.argv[1:] if args is None else list(args), default_language()))
        return super().main(args, *extra, **options)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            module = COMMAND_MODULES.get(cmd_name)
            if module is not None:
                importlib.import_module(f"tolka.cli.{module}")
            if cmd_name not in self.commands:
                _import_all_commands()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _import_all_commands()  # help lists every command
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RulebookInvalid as exc:
            chosen = as_language(ctx.obj.lang)
            for error in exc.errors:
                click.echo(error.render(chosen), err=True)
            _ = translator(chosen)
            count = len(exc.errors)
            click.echo(_("{count} error(s) in the rulebook at {root}", count=count, root=ctx.obj.root), err=True)
            ctx.exit(1)
        except CaseError as exc:
            click.echo(exc.render(ctx.obj.lang if isinstance(ctx.obj, State) else default_language()), err=True)
            ctx.exit(2)
        except TolkaError as exc:
            click.echo(exc.render(ctx.obj.lang if isinstance(ctx.obj, State) else default_language()), err=True)
            ctx.exit(1)


class State:
    """What commands share: where the rulebook is, and the engine once it is built."""

    def __init__(self, root: Path, use_cache: bool) -> None:
        self.root = root
        self.use_cache = use_cache
        self.lang = default_language()  # the command's --lang, once its options are read (for errors)
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from tolka.evaluate import Engine

            self._engine = Engine.load(self.root, use_cache=self.use_cache)
            if _one_shot_process:
                # The loaded rulebook (about a million objects) lives as long as the process: each
                # full collection after this traversed all of it, about half of deciding `ask -j
                # all`'s first table. Frozen, the collector only looks at what the command makes.
                gc.freeze()
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
@click.option(
    "--lang",
    type=click.Choice(["sv", "en", "nb"]),
    default=None,
    help="Language of the help, the output and error messages, for the command that follows too "
    "(its own --lang wins). Default: from the locale.",
)
@click.version_option(tolka.__version__, prog_name="tolka")
@click.pass_context
def cli(ctx: click.Context, rulebook: Path | None, no_cache: bool, lang: str | None) -> None:
    """tolka: which support applies to a young adult, by which route, on what legal basis — and where
    jurisdictions read the law differently."""
    ctx.obj = State(rulebook or default_rulebook(), use_cache=not no_cache)
    if lang is not None:
        # `tolka --lang sv evaluate …` as `tolka evaluate --lang sv …`: the command's --lang takes
        # this as its default (click's default_map), so its output and errors speak it too.
        ctx.obj.lang = lang
        ctx.default_map = _EveryCommand(lang=lang)


class _EveryCommand(dict[str, object]):
    """A click default map that gives every subcommand the same defaults (`--lang`)."""

    def __init__(self, **defaults: object) -> None:
        super().__init__()
        self.defaults = defaults

    def get(self, key: str, default: object = None) -> object:
        return dict(self.defaults)


class IsoDate(click.ParamType):
    """A date written exactly YYYY-MM-DD (as in case files and the API), checked by the input boundary."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:  # options are parsed in any order: `--lang` is the one read from the command line first
            return parse_date(value, installed())
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


ISO_DATE = IsoDate()

date_option = click.option(
    "--date",
    "day",
    type=ISO_DATE,
    default=None,
    help="Evaluation date YYYY-MM-DD (decides which laws and readings are in force). Default: today.",
)


def _remember_language(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Keep the command's language where the error handler finds it, so errors speak it too."""
    state = ctx.find_object(State)
    if state is not None and value is not None:
        state.lang = value
    return value


lang_option = click.option(
    "--lang",
    type=click.Choice(["sv", "en", "nb"]),
    default=None,
    callback=_remember_language,
    help="Language of the text output and of error messages. Default: from the locale.",
)


def evaluation_day(day: dt.date | None) -> dt.date:
    return day or dt.date.today()


def read_checked_case(state: State, path: Path, day: dt.date, lang: str) -> Case:
    """The case in `path`, checked for plausibility at `day` (`checked_case`)."""
    return checked_case(state, path, day, lang)[0]


def checked_case(state: State, path: Path, day: dt.date, lang: str) -> tuple[Case, list[CaseWarning]]:
    """The case in `path` and its warnings, checked for plausibility at `day`. Every problem is
    reported at once: doubtful combinations as warnings on standard error, then the errors (exit 2)
    — or, when there are none, the answer follows the warnings."""
    from tolka.case import raise_all
    from tolka.plausible import check_case_file

    case, problems, doubts = check_case_file(path, state.rulebook, day, lang)
    for doubt in doubts:
        click.echo(f"{path}: {phrase('warning', lang)}: {doubt.message}", err=True)
    try:
        raise_all(problems, lang)
    except CaseError as exc:
        raise exc.located(path, None) from None
    return case, doubts


def language(lang: str | None) -> str:
    return lang or default_language()


# Set by `main` (the installed command), not when tests invoke `cli` in their own long-lived
# process: freezing there would keep every later test's garbage of the frozen moment forever.
_one_shot_process = False


def main() -> None:
    """The `tolka` command. A failure that is not a user error (a bug) never shows a traceback: it
    prints an error id, writes the traceback to a file named by the id, and exits with 70."""
    global _one_shot_process
    _one_shot_process = True
    try:
        cli(prog_name="tolka")
    except Exception as exc:  # noqa: BLE001 — the last resort: anything the commands did not handle
        sys.exit(internal_error(exc))


INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h)


def internal_error(exc: BaseException) -> int:
    """Report a bug: an id, and the traceback (without the exception's message, which may quote
    input) in $TOLKA_ERROR_DIR or the temporary directory. Returns the exit status."""
    import tempfile
    import traceback
    import uuid

    error_id = uuid.uuid4().hex[:12]
    folder = Path(os.environ.get("TOLKA_ERROR_DIR") or tempfile.gettempdir())
    log = folder / f"tolka-error-{error_id}.txt"
    frames = "".join(traceback.format_tb(exc.__traceback__))
    try:
        log.write_text(f"{type(exc).__module__}.{type(exc).__qualname__}\n{frames}", encoding="utf-8")
    except OSError:
        log = Path("(not written)")
    # In the language of the command line's --lang (the command's own may never have been read).
    language = language_in(sys.argv[1:], default_language())
    click.echo(f"tolka: {phrase('internal', language, id=error_id, log=log)}", err=True)
    return INTERNAL_ERROR


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


def jurisdiction_list(rulebook, text: str, country: str = "SE", lang: str = "en") -> list[str]:
    """`all` (every jurisdiction of the country) or a comma-separated list of ids, each checked (an
    unknown one is refused with the nearest ids and names)."""
    if text.strip().lower() == "all":
        return [j.id for j in rulebook.jurisdictions.values() if j.country == country]
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        _ = translator(as_language(lang))
        raise UnknownIdError(
            _("no jurisdiction given"), hint=_("`all`, or ids separated by commas (`tolka jurisdictions`)")
        )
    return [place_id(rulebook, typed, lang) for typed in ids]


def place_id(rulebook, typed: str, lang: str) -> str:
    """The id of the jurisdiction `typed`, or an `UnknownIdError` in `lang` suggesting the nearest."""
    from tolka.jurisdictions import jurisdiction

    return jurisdiction(rulebook, typed, lang).id


def case_place(rulebook, case: Case, typed: str | None, lang: str) -> str:
    """The jurisdiction asked for (checked), else the case's own: its home municipality, else its country."""
    from tolka.jurisdictions import default_jurisdiction

    return place_id(rulebook, typed, lang) if typed else default_jurisdiction(case, rulebook)
