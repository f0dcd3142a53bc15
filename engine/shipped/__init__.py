"""Where the shipped rulebook and examples are: package data in a wheel, the repository in a checkout.

A wheel carries rules/, jurisdictions/ and examples/ as `tolka.shipped.*` (setup.cfg maps them), so
an installed tolka evaluates with no repository present. A source checkout or an editable install
reads the repository's own folders, so an edit to a rule file takes effect without reinstalling.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _packaged() -> Path:
    return Path(str(files(__name__)))


def _repository() -> Path:
    return Path(__file__).resolve().parent.parent.parent


def rulebook_root() -> Path:
    """The directory that holds the shipped rules/ and jurisdictions/."""
    packaged = _packaged()
    return packaged if (packaged / "rules").is_dir() else _repository()


def examples_root() -> Path:
    """The directory that holds the shipped example cases and synthetic-population configurations."""
    packaged = _packaged() / "examples"
    return packaged if packaged.is_dir() else _repository() / "examples"
