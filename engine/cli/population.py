"""`tolka population`, `tolka expand`, `tolka synth` and `tolka plot`: population runs for researchers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from tolka.cli.app import State, cli, date_option, evaluation_day, jurisdiction_list, lang_option, language
from tolka.i18n import translator
from tolka.population.people import count_rows
from tolka.population.run import DEFAULT_CHUNK, local_results, run_population
from tolka.population.synth import DEFAULT_CONFIG, read_manifest, write_population
from tolka.render.amounts_view import number_text
from tolka.render.labels import as_language


# duplicates: one click.option per flag; the option blocks look alike by necessity.
@cli.command()
@click.argument("people", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--jurisdictions",
    "-J",
    "which",
    default="all",
    show_default=True,
    help="`all` (every jurisdiction of --country) or comma-separated ids.",
)
@click.option(
    "--country", type=click.Choice(["SE", "NO"]), default="SE", show_default=True, help="The country `all` means."
)
@date_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Results (.parquet or .csv): one row per person × jurisdiction × support, or see --layout.",
)
@click.option(
    "--layout",
    type=click.Choice(["long", "compact"]),
    default="long",
    show_default=True,
    help="compact: one row per person × situation, and the jurisdiction × support → situation map in "
    "<out>.situations.csv (`tolka expand` turns it into the long layout).",
)
@click.option(
    "--summary",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Summary CSV: share eligible, differences and their causes.",
)
@click.option(
    "--rejected",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where rows with bad values are listed. Default: <out or summary>.rejected.csv.",
)
@click.option(
    "--bad-rows",
    type=click.Choice(["report", "stop"]),
    default="report",
    show_default=True,
    help="report: leave bad rows out and list them in the rejected file; stop: exit 2 at the first one.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=DEFAULT_CHUNK,
    show_default=True,
    help="Persons evaluated at a time (bounds memory).",
)
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Evaluate in this process, or on Dask.",
)
@click.option(
    "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786). Default: start a local cluster."
)
@click.option("--workers", type=click.IntRange(min=1), help="Workers of the local Dask cluster. Default: one per core.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar. Default: when stderr is a terminal.")
@click.option(
    "--amounts/--no-amounts",
    default=True,
    show_default=True,
    help="Add amounts and what readings cost to the summary (where the rulebook has amount calculations).",
)
@lang_option
@click.pass_obj
def population(
    state: State,
    people: Path,
    which: str,
    country: str,
    day: dt.datetime | None,
    out: Path | None,
    layout: str,
    summary: Path | None,
    rejected: Path | None,
    bad_rows: str,
    chunk_size: int,
    engine_name: str,
    scheduler: str | None,
    workers: int | None,
    progress: bool | None,
    amounts: bool,
    lang: str | None,
) -> None:
    """Evaluate every person in PEOPLE (.csv or .parquet: one column per fact) in many jurisdictions.

    Empty cells are unknown facts. The vectorised back end gives the same answers as `tolka evaluate`.
    """
    rulebook = state.rulebook
    words = language(lang)
    _ = translator(as_language(words))
    when = evaluation_day(day)
    places = jurisdiction_list(rulebook, which, country, words)
    if engine_name == "dask":
        from tolka.population.distributed import dask_executor

        executor = dask_executor(scheduler, workers)
    else:
        executor = local_results
    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]" + _("persons")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not (console.is_terminal if progress is None else progress),
    ) as bar:
        task = bar.add_task("persons", total=count_rows(people))
        # duplicates: options passed on under their own names; alike in shape only (server/pages.py)
        report = run_population(
            rulebook,
            people,
            places,
            when,
            out=out,
            summary=summary,
            rejected=rejected,
            bad_rows=bad_rows,
            chunk_size=chunk_size,
            executor=executor,
            progress=lambda n: bar.advance(task, n),
            amounts=amounts,
            layout=layout,
            lang=as_language(words),
        )
    rate = report.persons * report.jurisdictions / report.seconds if report.seconds else 0.0
    click.echo(
        _(
            "{persons} persons × {jurisdictions} jurisdictions × {supports} supports on {day} in {seconds} s "
            "({rate} persons × jurisdictions per second)",
            persons=number_text(report.persons, words),
            jurisdictions=number_text(report.jurisdictions, words),
            supports=number_text(report.supports, words),
            day=when.isoformat(),
            seconds=number_text(report.seconds, words, 1),
            rate=number_text(rate, words),
        )
    )
    if read_manifest(people):
        click.echo(_("{file} is a synthetic population (see its manifest).", file=people.name))
    if out is not None:
        rows = number_text(report.rows_written, words)
        click.echo(
            _.ngettext(
                "results: {out} ({rows} row)", "results: {out} ({rows} rows)", report.rows_written, out=out, rows=rows
            )
        )
    if summary is not None:
        click.echo(_("summary: {file}", file=summary))
    if report.rejected:
        click.echo(
            _.ngettext(
                "warning: {count} row with bad values was left out; it is listed in {file}",
                "warning: {count} rows with bad values were left out; each is listed in {file}",
                report.rejected,
                count=number_text(report.rejected, words),
                file=report.rejected_file,
            ),
            err=True,
        )
    click.echo(_("rulebook {fingerprint}", fingerprint=rulebook.fingerprint))


@cli.command()
@click.option("--n", "n", type=click.IntRange(min=1), required=True, help="Number of persons.")
@click.option("--seed", type=int, required=True, help="Random seed: the same seed gives the same persons.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="People file to write (.parquet or .csv).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_CONFIG,
    show_default="examples/synth/young-adults-se.yaml",
    help="Distribution file (format in docs/population.md).",
)
@date_option
@lang_option
@click.pass_obj
def synth(state: State, n: int, seed: int, out: Path, config: Path, day: dt.datetime | None, lang: str | None) -> None:
    """Write a SYNTHETIC population of invented persons (no real personal data), reproducible from its seed.

    Ages are counted at --date: use the same date for `tolka population`.
    """
    words = language(lang)
    _ = translator(as_language(words))
    when = evaluation_day(day)
    manifest = write_population(state.rulebook, config, n, seed, when, out, as_language(words))
    click.echo(
        _.ngettext(
            "{count} synthetic person (seed {seed}, age at {day}) written to {out}; manifest {manifest}",
            "{count} synthetic persons (seed {seed}, ages at {day}) written to {out}; manifest {manifest}",
            n,
            count=number_text(n, words),
            seed=seed,
            day=when.isoformat(),
            out=out,
            manifest=manifest,
        )
    )


@cli.command()
@click.argument("compact", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Long-layout results to write (.parquet or .csv).",
)
@click.option(
    "--situations",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The situation map. Default: <compact>.situations.csv beside it.",
)
@lang_option
def expand(compact: Path, out: Path, situations: Path | None, lang: str | None) -> None:
    """Expand COMPACT population results (--layout compact) to one row per person × jurisdiction × support."""
    from tolka.population.compact import expand_file

    words = language(lang)
    _ = translator(as_language(words))
    rows = expand_file(compact, out, situations)
    click.echo(
        _.ngettext(
            "{count} row written to {out}",
            "{count} rows written to {out}",
            rows,
            count=number_text(rows, words),
            out=out,
        )
    )


@cli.command()
@click.argument("summary", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Picture to write (.png, .svg or .pdf).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=15,
    show_default=True,
    help="Interpretation points shown in the bar chart.",
)
@lang_option
@click.pass_context
def plot(ctx: click.Context, summary: Path, out: Path, top: int, lang: str | None) -> None:
    """Draw a population SUMMARY: share eligible per jurisdiction × support, and the points behind differences."""
    from tolka.population.plot import Names, plot_summary  # matplotlib loads only for this command

    words = as_language(language(lang))
    _ = translator(words)
    # The summary names supports in English and points by id: the rulebook names them in the language.
    plot_summary(summary, out, top, Names(words, ctx.obj.rulebook))
    click.echo(_("Picture written to {out}", out=out))
