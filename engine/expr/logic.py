"""Kleene's strong three-valued logic: true, false and unknown.

Unknown is a value in its own right and never collapses to false: `unknown and false` is false
(the answer is settled whatever the unknown turns out to be), `unknown and true` stays unknown.
This is the logic of NAV's `nare` (JA / NEI / KANSKJE) and of SQL's NULL.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Truth(enum.Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    # Members are singletons compared by identity; Enum's own __hash__ (a Python-level call that
    # hashes the name) showed up in profiles of memoised decisions, whose keys hold many of them.
    __hash__ = object.__hash__

    # `and` and `or` are duals (each is the other with TRUE and FALSE swapped); both are written out
    # rather than derived through `~`, since they run for every rule of every case.
    def __and__(self, other: Truth) -> Truth:
        if self is Truth.FALSE or other is Truth.FALSE:
            return Truth.FALSE
        if self is Truth.TRUE and other is Truth.TRUE:
            return Truth.TRUE
        return Truth.UNKNOWN

    def __or__(self, other: Truth) -> Truth:
        if self is Truth.TRUE or other is Truth.TRUE:
            return Truth.TRUE
        if self is Truth.FALSE and other is Truth.FALSE:
            return Truth.FALSE
        return Truth.UNKNOWN

    def __invert__(self) -> Truth:
        if self is Truth.UNKNOWN:
            return Truth.UNKNOWN
        return Truth.FALSE if self is Truth.TRUE else Truth.TRUE

    @classmethod
    def of(cls, value: bool) -> Truth:
        return cls.TRUE if value else cls.FALSE


def all_of(values: Iterable[Truth]) -> Truth:
    """Kleene conjunction of any number of values (true for none)."""
    result = Truth.TRUE
    for value in values:
        result = result & value
        if result is Truth.FALSE:
            return result
    return result


def any_of(values: Iterable[Truth]) -> Truth:
    """Kleene disjunction of any number of values (false for none)."""
    result = Truth.FALSE
    for value in values:
        result = result | value
        if result is Truth.TRUE:
            return result
    return result
