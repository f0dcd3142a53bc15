"""`tolka schema`: the JSON Schemas of the outputs (the published contract)."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.cli.app import cli


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--write",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every schema to this folder as NAME.json (the repository keeps them in docs/schema).",
)
def schema(name: str | None, folder: Path | None) -> None:
    """The JSON Schema of an output (evaluate, compare, …); without NAME, the list of outputs."""
    from tolka.schema import SCHEMAS, schema_text, schemas_fingerprint, write_schemas

    if folder is not None:
        for path in write_schemas(folder):
            click.echo(str(path))
        click.echo(f"schemas fingerprint: {schemas_fingerprint()}")
    elif name is None:
        for output, model in SCHEMAS.items():
            click.echo(f"{output}\t{(model.__doc__ or '').strip().splitlines()[0]}")
    else:
        click.echo(schema_text(name), nl=False)
