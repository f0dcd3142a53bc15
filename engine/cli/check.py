"""`tolka check`: every error in a rulebook, with file and line."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.cli.app import State, cli, lang_option, language
from tolka.i18n import translator
from tolka.load import check_rulebook
from tolka.render.labels import as_language


@cli.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@lang_option
@click.pass_obj
def check(state: State, path: Path | None, strict: bool, lang: str | None) -> None:
    """Check the rulebook at PATH (default: the one in use) and list every error and warning found.

    Errors make the rulebook unusable (exit 1); warnings are listed for a reviewer and the rulebook
    still loads (exit 0, or 1 with --strict).
    """
    chosen = as_language(language(lang))
    _ = translator(chosen)
    root = path or state.root
    rulebook, errors = check_rulebook(root)
    for error in errors:
        click.echo(error.render(chosen))
    for warning in rulebook.warnings:
        click.echo(warning.render(chosen))
    if errors:
        click.echo(
            _(
                "{errors} error(s), {warnings} warning(s) in {root}",
                errors=len(errors),
                warnings=len(rulebook.warnings),
                root=root,
            )
        )
        raise SystemExit(1)
    if rulebook.warnings:
        click.echo(
            _(
                "{warnings} warning(s) in {root} (docs/check-warnings.md explains the shipped ones)",
                warnings=len(rulebook.warnings),
                root=root,
            )
        )
        if strict:
            raise SystemExit(1)
    click.echo(
        _(
            "ok: {files} files, {laws} laws, {provisions} provisions, {supports} supports, {facts} facts, "
            "{points} interpretation points, {rules} rules, {jurisdictions} jurisdictions, {readings} readings, "
            "{parameters} parameters",
            files=len(rulebook.files),
            laws=len(rulebook.laws),
            provisions=len(rulebook.provisions),
            supports=len(rulebook.supports),
            facts=len(rulebook.facts),
            points=len(rulebook.points),
            rules=len(rulebook.rules),
            jurisdictions=len(rulebook.jurisdictions),
            readings=sum(len(v) for v in rulebook.readings.values()),
            parameters=len(rulebook.parameters),
        )
    )
    click.echo(_("fingerprint {fingerprint}", fingerprint=rulebook.fingerprint))
