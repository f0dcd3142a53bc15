"""Where an item of the rulebook was written: file and line, kept beside the validated item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from tolka.errors import EngineInvariantError

T = TypeVar("T")


@dataclass(frozen=True)
class Origin:
    """Where an item was written: file (relative to the rulebook) and 1-based line."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A validated item, where it came from, and (for rules and readings) the jurisdiction it belongs to."""

    item: T
    origin: Origin
    scope: str | None = None
    key_lines: tuple[tuple[str, int | None], ...] = ()  # line of each top-level key of the item, where known

    def line(self, key: str) -> int | None:
        """The line of one of the item's keys (e.g. `when`), else the item's own line."""
        return dict(self.key_lines).get(key, self.origin.line)

    def at(self, key: str) -> Origin:
        return Origin(self.origin.file, self.line(key))

    @property
    def jurisdiction(self) -> str:
        """The jurisdiction of a rule or reading, which reading the files always sets."""
        if self.scope is None:
            raise EngineInvariantError(f"{self.origin}: a rule or reading was read without its jurisdiction")
        return self.scope
