"""`tolka check`: every error in a rulebook, with file and line."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.cli.app import State, cli
from tolka.load import check_rulebook


@cli.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.pass_obj
def check(state: State, path: Path | None, strict: bool) -> None:
    """Check the rulebook at PATH (default: the one in use) and list every error and warning found.

    Errors make the rulebook unusable (exit 1); warnings are listed for a reviewer and the rulebook
    still loads (exit 0, or 1 with --strict).
    """
    root = path or state.root
    rulebook, errors = check_rulebook(root)
    for error in errors:
        click.echo(error.render())
    for warning in rulebook.warnings:
        click.echo(warning.render())
    if errors:
        click.echo(f"{len(errors)} error(s), {len(rulebook.warnings)} warning(s) in {root}")
        raise SystemExit(1)
    if rulebook.warnings:
        click.echo(f"{len(rulebook.warnings)} warning(s) in {root} (docs/check-warnings.md explains the shipped ones)")
        if strict:
            raise SystemExit(1)
    click.echo(
        f"ok: {len(rulebook.files)} files, {len(rulebook.laws)} laws, {len(rulebook.provisions)} provisions, "
        f"{len(rulebook.supports)} supports, {len(rulebook.facts)} facts, {len(rulebook.points)} "
        "interpretation points, "
        f"{len(rulebook.rules)} rules, {len(rulebook.jurisdictions)} jurisdictions, "
        f"{sum(len(v) for v in rulebook.readings.values())} readings, {len(rulebook.parameters)} parameters"
    )
    click.echo(f"fingerprint {rulebook.fingerprint}")
