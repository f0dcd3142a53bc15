"""Where tolka keeps what it can rebuild (the compiled rulebook, compiled message catalogues).

A module of its own so that light users (tolka.i18n) need not import the rulebook compiler.
Location: `$TOLKA_CACHE_DIR`, else `$XDG_CACHE_HOME/tolka`, else `~/.cache/tolka`; set
`TOLKA_CACHE_DIR=off` to disable every cache.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get("TOLKA_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tolka"
