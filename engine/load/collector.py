"""What every cross-file check shares: the collector of problems and the generic checks on ids,
versions and cycles.

Every check reports through a `Collector` rather than raising, so that `tolka check` lists every
problem in one run; a warning (`RulebookWarning`) goes to the rulebook's warnings, anything else
makes the rulebook invalid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from tolka.errors import DuplicateIdError, OverlappingValidityError, Phrase, RulebookError, RulebookWarning
from tolka.i18n import N_
from tolka.model.common import Validity
from tolka.model.origin import Entry, Origin

T = TypeVar("T")


class Collector:
    """The errors and warnings found so far, each located at the item it is about."""

    def __init__(self) -> None:
        self.errors: list[RulebookError] = []
        self.warnings: list[RulebookWarning] = []

    def add(self, error: RulebookError, origin: Origin | None = None) -> None:
        """Record a problem, located at `origin` unless it already carries a location."""
        if origin is not None:
            error.located(origin.file, origin.line)
        if isinstance(error, RulebookWarning):
            self.warnings.append(error)
        else:
            self.errors.append(error)


def unique(
    entries: Iterable[Entry[T]], key: Callable[[T], str], what: str, errors: Collector
) -> dict[str, tuple[T, Origin]]:
    """The entries by id (the first of each), reporting every later entry with an id already taken.

    `what` names the kind of entry, a message id marked with `N_` ("body", "rule" …)."""
    seen: dict[str, tuple[T, Origin]] = {}
    for entry in entries:
        ident = key(entry.item)
        if ident in seen:
            errors.add(
                DuplicateIdError(
                    N_("{what} `{ident}` is defined twice"),
                    hint=N_("first defined at {first}"),
                    what=Phrase(what),
                    ident=ident,
                    first=seen[ident][1],
                ),
                entry.origin,
            )
        else:
            seen[ident] = (entry.item, entry.origin)
    return seen


def versions_overlap(versions: Sequence[tuple[Validity, Origin]], what: Phrase, errors: Collector) -> None:
    """Report two versions of one thing that are both in force on some day."""
    for index, (first, first_origin) in enumerate(versions):
        for second, second_origin in versions[index + 1 :]:
            if first.overlaps(second):
                errors.add(
                    OverlappingValidityError(
                        N_("two versions of {what} are both in force during an overlap ({first} and {second})"),
                        hint=N_("the other version is at {origin}; give them adjoining valid_from/valid_to"),
                        what=what,
                        first=first.period,
                        second=second.period,
                        origin=first_origin,
                    ),
                    second_origin,
                )


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A circle in `graph` (its nodes, the first repeated at the end), or None; searched in id order."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if state.get(nxt) is None and nxt in graph:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None
