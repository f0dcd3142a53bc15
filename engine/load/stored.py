"""What loading derives from one file's bytes, kept under the cache directory for the next start.

Loading a rulebook without the compiled-rulebook cache (after any edit of any file, that cache is
gone) would otherwise parse and validate every file again, although all but the edited one are
unchanged. So each file's parsed YAML (`parsed-yaml/`) and its validated items (`validated/`) are
kept on their own, each named by a SHA-256 of the file's bytes and of everything that shapes the
result (the engine's code, the Python and library versions). An entry can never be stale: other
bytes or other code give another name. Results derived from several files' content (whether two
rules can conflict) are kept in a `Table`: one entry per kind and engine, each value named by a
digest of everything it was derived from. Entries are pickles of trusted local files written by tolka
itself in the user's own cache directory; `TOLKA_CACHE_DIR=off` turns them off with every cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import tolka
from tolka.cache_dir import cache_dir

MISSING: Any = object()  # a cached value may itself be None (an empty file)


def engine_sources() -> list[Path]:
    """The engine's own code: what it derived must not be reused by other code."""
    package = Path(tolka.__file__).resolve().parent
    return sorted(package.rglob("*.py")) + sorted(package.rglob("*.lark"))


@functools.cache
def engine_digest() -> bytes:
    """A digest of tolka's version, the Python version and every engine source file."""
    digest = hashlib.sha256(f"tolka {tolka.__version__} python {sys.version}".encode())
    for path in engine_sources():
        digest.update(path.read_bytes())
    return digest.digest()


def entry(kind: str, salt: bytes, *parts: bytes) -> Path | None:
    """Where the `kind` derived from `parts` (a file's bytes, its name) under `salt` is kept; None
    when caching is off."""
    directory = cache_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(salt)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return directory / kind / f"{digest.hexdigest()}.pickle"


def load(where: Path | None) -> Any:
    """The value kept at `where`, or `MISSING` (nothing kept, or an entry that cannot be read)."""
    if where is None:
        return MISSING
    try:
        return pickle.loads(where.read_bytes())
    except FileNotFoundError:
        return MISSING
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return MISSING  # a damaged entry is derived again by the caller (and rewritten)


class Table:
    """Values derived from content, each named by a SHA-256 of a text that holds all of that content,
    kept together in one entry of `kind` under `salt` (the engine's code). A damaged or missing entry
    is an empty table; values asked for and found or made are written back with the rest (only
    those, once the table would hold more than `LIMIT`)."""

    LIMIT = 20_000

    def __init__(self, kind: str, salt: bytes) -> None:
        self._where = entry(kind, salt)
        kept = load(self._where)
        self._kept: dict[bytes, Any] = kept if isinstance(kept, dict) else {}
        self._used: dict[bytes, Any] = {}
        self._changed = False

    @staticmethod
    def name(content: str) -> bytes:
        """The name of the value derived from `content` (a text that determines it entirely)."""
        return hashlib.sha256(content.encode("utf-8")).digest()

    def get(self, name: bytes) -> Any:
        """The value kept under `name`, or `MISSING`."""
        value = self._kept.get(name, MISSING)
        if value is not MISSING:
            self._used[name] = value
        return value

    def put(self, name: bytes, value: Any) -> None:
        self._used[name] = value
        self._changed = True

    def save(self) -> None:
        """Write the table back if a value was added."""
        if self._changed:
            merged = {**self._kept, **self._used}
            store(self._where, merged if len(merged) <= self.LIMIT else self._used)
            self._kept, self._changed = merged, False


def store(where: Path | None, value: Any) -> None:
    """Keep `value` at `where` (atomically: a reader never sees half an entry)."""
    if where is None:
        return
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=where.parent, delete=False) as written:
            pickle.dump(value, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, where)
    except OSError:
        pass  # a read-only cache directory only costs start-up time
