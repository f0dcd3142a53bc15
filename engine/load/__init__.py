"""Loading a rulebook: files → typed models → a linked, validated `Rulebook`.

The linker is imported when a rulebook is loaded, not with this package: a start from the compiled
rulebook's cache, and every case file read through `tolka.load.yaml_source`, need none of it (nor
the expression parser it brings).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tolka.errors import RulebookError, RulebookInvalid

if TYPE_CHECKING:
    from tolka.rulebook import Rulebook


def check_rulebook(root: Path) -> tuple[Rulebook, list[RulebookError]]:
    """Read and cross-check the rulebook at `root`; returns it with every error found (file order)."""
    from tolka.fingerprint import fingerprint
    from tolka.load.link import link
    from tolka.load.sections import read_rulebook_files

    raw = read_rulebook_files(root)
    rulebook, errors = link(raw)
    errors.sort(key=lambda e: (e.file or "", e.line or 0))
    rulebook.fingerprint = fingerprint(rulebook, raw.known_forms())
    return rulebook, errors


def load_rulebook(root: Path) -> Rulebook:
    """The validated rulebook at `root`. Raises `RulebookInvalid` carrying every error."""
    rulebook, errors = check_rulebook(root)
    if errors:
        raise RulebookInvalid(errors)
    return rulebook
