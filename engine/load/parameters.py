"""Loading dated parameters: where each value was written, and the checks only parameters need.

The generic section reader validates a parameter like any other item; this module adds the line of
each of its values (so an overlap or an unknown citation points at the value, not the parameter)
and the per-parameter checks the linker runs: the name in the country's own language, and versions
that must not overlap.
"""

from __future__ import annotations

from typing import Any

from tolka.errors import SchemaError
from tolka.i18n import N_
from tolka.load.yaml_source import line_of
from tolka.model.common import Validity
from tolka.model.origin import Entry, Origin
from tolka.model.parameter import Parameter

COUNTRY_LANGUAGE = {"SE": "sv", "NO": "nb"}


def value_key(index: int) -> str:
    """The key under which the line of a parameter's `index`-th value is kept in its entry."""
    return f"values.{index}"


def value_lines(data: Any, location: tuple, count: int) -> tuple[tuple[str, int], ...]:
    """The line of each of a parameter's values, as extra key lines of its entry."""
    lines = ((value_key(index), line_of(data, (*location, "values", index))) for index in range(count))
    return tuple((key, line) for key, line in lines if line is not None)


def step_key(index: int) -> str:
    """The key under which the line of an amount calculation's `index`-th step formula is kept."""
    return f"steps.{index}"


def step_lines(data: Any, location: tuple, count: int) -> tuple[tuple[str, int], ...]:
    """The line of each step's `value` of an amount calculation, as extra key lines of its entry."""
    lines = ((step_key(index), line_of(data, (*location, "steps", index, "value"))) for index in range(count))
    return tuple((key, line) for key, line in lines if line is not None)


def value_origin(entry: Entry[Parameter], index: int) -> Origin:
    """Where the `index`-th value of a parameter was written."""
    return entry.at(value_key(index))


def versions(entry: Entry[Parameter]) -> list[tuple[Validity, Origin]]:
    """The parameter's values with their origins, for the linker's overlap check."""
    return [(value, value_origin(entry, index)) for index, value in enumerate(entry.item.values)]


def missing_name(entry: Entry[Parameter]) -> SchemaError | None:
    """A parameter's name must be readable by the case workers of its country."""
    parameter = entry.item
    language = COUNTRY_LANGUAGE[parameter.country]
    if getattr(parameter.name, language):
        return None
    return SchemaError(
        N_("parameter `{parameter}` has no name in {language}"),
        hint=N_("write `name: {{{language}: …, en: …}}`"),
        parameter=parameter.id,
        language=language,
    )
