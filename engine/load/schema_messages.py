"""Pydantic's validation problems as schema errors worded from tolka's catalogue.

Pydantic words its messages in English ("Input should be a valid integer"). A rule author reads
`tolka check` in Swedish or Norwegian too, so each common error `type` is mapped to a message id
of our own, filled from the problem's context (`ctx`) and input; a model validator's `InvalidValue`
keeps its own message id. A rare type keeps pydantic's English text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from tolka.boundary import shown
from tolka.errors import InvalidValue, Phrase, SchemaError
from tolka.i18n import N_

# One message id per kind of problem; the types of one kind share it. `{input}` is the value as written.
_TEXT = N_("should be text, not {input}")
_WHOLE = N_("should be a whole number, not {input}")
_NUMBER = N_("should be a number, not {input}")
_BOOL = N_("should be true or false, not {input}")
_DATE = N_("should be a date written YYYY-MM-DD, not {input}")
_LIST = N_("should be a list, not {input}")
_MAPPING = N_("should be a mapping of keys to values, not {input}")

MESSAGES: dict[str, str] = {
    "literal_error": N_("{input} is not one of the allowed values: {expected}"),
    "enum": N_("{input} is not one of the allowed values: {expected}"),
    "string_type": _TEXT,
    "string_sub_type": _TEXT,
    "int_type": _WHOLE,
    "int_parsing": _WHOLE,
    "int_from_float": _WHOLE,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "decimal_parsing": _NUMBER,
    "bool_type": _BOOL,
    "bool_parsing": _BOOL,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_future": _DATE,
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "frozen_set_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "string_too_short": N_("should have at least {min_length} character(s)"),
    "string_too_long": N_("should have at most {max_length} character(s)"),
    "too_short": N_("should have at least {min_length} item(s)"),
    "too_long": N_("should have at most {max_length} item(s)"),
    "greater_than": N_("should be more than {gt}"),
    "greater_than_equal": N_("should be at least {ge}"),
    "less_than": N_("should be less than {lt}"),
    "less_than_equal": N_("should be at most {le}"),
    "string_pattern_mismatch": N_("should match the pattern {pattern}"),
    "finite_number": N_("should be a finite number, not {input}"),
    "multiple_of": N_("should be a multiple of {multiple_of}"),
    "none_required": N_("should be empty (null), not {input}"),
    "decimal_max_digits": N_("should have at most {max_digits} digit(s)"),
    "decimal_max_places": N_("should have at most {decimal_places} decimal(s)"),
    "decimal_whole_digits": N_("should have at most {whole_digits} digit(s) before the decimal point"),
}
# Any other of pydantic's types: its English text would be all a reader in sv or nb gets.
OTHER = N_("this value is not accepted here")

# What a value is, said instead of the value itself where a client's value must not be echoed (the API).
_NULL, _BOOLEAN, _A_NUMBER = N_("null"), N_("true or false"), N_("a number")
_A_TEXT, _A_LIST, _A_MAPPING = N_("a text"), N_("a list"), N_("a mapping")


ITEM = Phrase(N_("(item)"))
ROW = Phrase(N_("(row)"))


def problem_phrase(problem: ErrorDetails, echo: bool = True) -> Phrase:
    """What is wrong, for one of pydantic's problems: a message id with its values. With `echo` the
    value is quoted as written (a rule file's author wrote it); without, only what kind of value it is
    (the API never echoes a client's value)."""
    loc = tuple(problem["loc"])
    kind = problem["type"]
    context: dict[str, Any] = dict(problem.get("ctx") or {})
    if kind == "extra_forbidden":
        return Phrase(N_("unknown key `{key}`"), key=loc[-1])
    if kind == "missing":
        return Phrase(N_("missing required key `{key}`"), key=loc[-1])
    if kind == "value_error" and isinstance(context.get("error"), InvalidValue):
        phrase: Phrase = context["error"].phrase
        return phrase
    if kind not in MESSAGES:
        return Phrase(OTHER)
    values = {name: value for name, value in context.items() if name != "error"}
    if "expected" in values:  # "'a', 'b' or 'c'": the values, without pydantic's English "or"
        values["expected"] = ", ".join(re.findall(r"'[^']*'", str(values["expected"]))) or values["expected"]
    given = problem.get("input")
    return Phrase(MESSAGES[kind], input=shown(given, 60) if echo else _kind_of(given), **values)


def _kind_of(value: object) -> Phrase:
    if value is None:
        return Phrase(_NULL)
    if isinstance(value, bool):
        return Phrase(_BOOLEAN)
    if isinstance(value, (int, float)):
        return Phrase(_A_NUMBER)
    if isinstance(value, str):
        return Phrase(_A_TEXT)
    return Phrase(_A_LIST if isinstance(value, (list, tuple)) else _A_MAPPING)


def schema_error(problem: ErrorDetails, file: str | Path, line: int | None, empty: Phrase = ITEM) -> SchemaError:
    """The schema error for one of pydantic's problems, located at `file` and `line` and naming the
    key path (`empty` when the problem is the whole item)."""
    where: Phrase | str = ".".join(str(part) for part in problem["loc"]) or empty
    hint = (
        N_("check the spelling; docs/rule-format.md lists every key") if problem["type"] == "extra_forbidden" else None
    )
    return SchemaError(problem_phrase(problem), file=file, line=line, hint=hint).within(where)
