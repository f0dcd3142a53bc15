"""The `tolka` command line (click). Each command family lives in its own module."""

from __future__ import annotations

from tolka.cli import ask, brief, catalogue, check, evaluate, jurisdictions, population, rulebook, serve  # noqa: F401  (registers the commands)
from tolka.cli.app import cli, main

__all__ = ["cli", "main"]
