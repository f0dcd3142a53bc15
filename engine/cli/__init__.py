"""The `tolka` command line (click). Each command family lives in its own module."""

from __future__ import annotations

from engine.cli.app import cli, main
from engine.cli import ask, brief, catalogue, check, evaluate, jurisdictions, population, rulebook, serve  # noqa: F401  (registers the commands)

__all__ = ["cli", "main"]
