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
}


ITEM = Phrase(N_("(item)"))
ROW = Phrase(N_("(row)"))


def schema_error(problem: ErrorDetails, file: str | Path, line: int | None, empty: Phrase = ITEM) -> SchemaError:
    """The schema error for one of pydantic's problems, located at `file` and `line` and naming the
    key path (`empty` when the problem is the whole item)."""
    loc = tuple(problem["loc"])
    where: Phrase | str = ".".join(str(part) for part in loc) or empty
    kind = problem["type"]
    context: dict[str, Any] = dict(problem.get("ctx") or {})
    if kind == "extra_forbidden":
        error = SchemaError(
            N_("unknown key `{key}`"),
            file=file,
            line=line,
            hint=N_("check the spelling; docs/rule-format.md lists every key"),
            key=loc[-1],
        )
    elif kind == "missing":
        error = SchemaError(N_("missing required key `{key}`"), file=file, line=line, key=loc[-1])
    elif kind == "value_error" and isinstance(context.get("error"), InvalidValue):
        error = SchemaError(context["error"].phrase, file=file, line=line)
    elif kind in MESSAGES:
        values = {name: value for name, value in context.items() if name != "error"}
        if "expected" in values:  # "'a', 'b' or 'c'": the values, without pydantic's English "or"
            values["expected"] = ", ".join(re.findall(r"'[^']*'", str(values["expected"]))) or values["expected"]
        error = SchemaError(MESSAGES[kind], file=file, line=line, input=shown(problem.get("input"), 60), **values)
    else:  # a rare type: pydantic's own (English) words
        error = SchemaError(problem["msg"], file=file, line=line)
    return error.within(where)
