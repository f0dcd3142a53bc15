"""`tolka schema`: the JSON Schemas of the outputs (the published contract)."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.cli.app import cli, lang_option, language
from tolka.i18n import N_, translator
from tolka.render.labels import as_language

# What each output is, for the list in the reader's language (the models' docstrings say it for developers).
DESCRIPTIONS = {
    "evaluate": N_(
        "`tolka evaluate --format json` and `POST /api/evaluate`; `plan` and `explanations` only when asked."
    ),
    "compare": N_("`tolka compare --format json`, `POST /api/compare`, `tolka.api.compare`."),
    "diff-dates": N_("`tolka diff --from A --to B --format json`: what changes in the rulebook between two dates."),
    "diff-jurisdictions": N_("`tolka diff -J A,B --format json`."),
    "mandate": N_("`tolka mandate --format json` and `GET /api/mandate`."),
    "brief": N_("`tolka brief --format json` and `POST /api/brief`."),
    "next-questions": N_("`POST /api/next-questions` (as `tolka ask` ranks them)."),
    "rules": N_("`tolka rules --format json`."),
    "limits": N_("`tolka limits --format json`: every age and date limit, with its provision and wording."),
    "readings": N_("`tolka readings --format json` and `GET /api/readings`."),
    "jurisdictions": N_("`tolka jurisdictions --format json` and `GET /api/jurisdictions`."),
    "coverage": N_("`tolka coverage --format json`."),
    "facts": N_("`tolka facts --format json` and `GET /api/facts`: the fact vocabulary."),
    "supports": N_("`tolka supports --format json` and `GET /api/supports`: the support catalogue."),
    "parameters": N_("`tolka parameters --format json`: the dated parameters' values in force on a day."),
    "population-row": N_("One row of `tolka population --out` (Parquet or CSV): a person × jurisdiction × support."),
    "population-summary-row": N_(
        "One row of `tolka population --summary` (CSV); `section` says which figures the row holds."
    ),
}


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--write",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every schema to this folder as NAME.json (the repository keeps them in docs/schema).",
)
@lang_option
def schema(name: str | None, folder: Path | None, lang: str | None) -> None:
    """The JSON Schema of an output (evaluate, compare, …); without NAME, the list of outputs."""
    from tolka.schema import SCHEMAS, schema_text, schemas_fingerprint, write_schemas

    _ = translator(as_language(language(lang)))
    if folder is not None:
        for path in write_schemas(folder):
            click.echo(str(path))
        click.echo(_("schemas fingerprint: {fingerprint}", fingerprint=schemas_fingerprint()))
    elif name is None:
        for output in SCHEMAS:
            click.echo(f"{output}\t{_(DESCRIPTIONS[output])}")
    else:
        click.echo(schema_text(name), nl=False)
