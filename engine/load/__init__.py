"""Loading a rulebook: files → typed models → a linked, validated `Rulebook`."""

from __future__ import annotations

from pathlib import Path

from tolka.errors import RulebookError, RulebookInvalid
from tolka.fingerprint import fingerprint
from tolka.load.link import link
from tolka.load.sections import read_rulebook_files
from tolka.rulebook import Rulebook


def check_rulebook(root: Path) -> tuple[Rulebook, list[RulebookError]]:
    """Read and cross-check the rulebook at `root`; returns it with every error found (file order)."""
    rulebook, errors = link(read_rulebook_files(root))
    errors.sort(key=lambda e: (e.file or "", e.line or 0))
    rulebook.fingerprint = fingerprint(rulebook)
    return rulebook, errors


def load_rulebook(root: Path) -> Rulebook:
    """The validated rulebook at `root`. Raises `RulebookInvalid` carrying every error."""
    rulebook, errors = check_rulebook(root)
    if errors:
        raise RulebookInvalid(errors)
    return rulebook
