"""The `tolka` command line (click). Each command family lives in its own module."""

from __future__ import annotations

from tolka.cli import (  # noqa: F401  (registers the commands)
    ask,
    brief,
    catalogue,
    check,
    coverage,
    evaluate,
    jurisdictions,
    parameters,
    population,
    rulebook,
    schema,
    serve,
)
from tolka.cli.app import cli, main

__all__ = ["cli", "main"]
