"""The `tolka` command line (click). Each command family lives in its own module.

The modules are imported when one of their commands is run (see `tolka.cli.app.COMMAND_MODULES`),
so `tolka evaluate` does not pay for the server, population or plotting imports.
"""

from __future__ import annotations

from tolka.cli.app import cli, main

__all__ = ["cli", "main"]
