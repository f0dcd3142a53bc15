"""JSON output: the contract, byte for byte the same for the same rulebook, case and date."""

from __future__ import annotations

import json
import math
from typing import Any

import orjson
from pydantic import BaseModel

from tolka.model.outcome import Evaluation, Outcome

_EVALUATION_FIELDS = tuple(Evaluation.model_fields)
DUMP_MEMO_LIMIT = 4_096  # outcomes whose data is remembered (as many as the engine remembers)
# id of an outcome → the outcome (kept alive, so the id is not reused), its data, and whether orjson
# writes that data as the standard library does (see `_orjson_safe`)
_dumped: dict[int, tuple[Outcome, dict, bool]] = {}
# id of a remembered outcome's data → (the data, `_orjson_safe` of it)
_verdicts: dict[int, tuple[dict, bool]] = {}


def _outcome_data(outcome: Outcome) -> dict:
    found = _dumped.get(id(outcome))
    if found is not None and found[0] is outcome:
        return found[1]
    data = outcome.model_dump(mode="json")
    if outcome.amount is not None:
        return data  # an amount is the case's own: its outcome is a new one each time
    if len(_dumped) >= DUMP_MEMO_LIMIT:
        _dumped.clear()
        _verdicts.clear()
    safe = _orjson_safe(data)
    _dumped[id(outcome)] = (outcome, data, safe)
    _verdicts[id(data)] = (data, safe)
    return data


def to_data(value: Any) -> Any:
    """JSON data (dicts, lists, scalars) for a model or a container of models.

    An evaluation's outcomes are frozen and the engine shares equal ones between answers
    (`tolka.answer.remembered_outcome`), so each outcome's data is made once and shared too: treat
    the data as read-only below its top level.
    """
    if isinstance(value, Evaluation):
        data = value.model_dump(mode="json", exclude={"outcomes"})
        data["outcomes"] = [_outcome_data(outcome) for outcome in value.outcomes]
        return {name: data[name] for name in _EVALUATION_FIELDS}  # the declared order
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


def to_json(value: Any) -> str:
    """Indented UTF-8 JSON with a final newline; key order is the models' declared order.

    Written by orjson (about ten times faster than the standard library's indented encoder, which
    runs in Python), byte for byte as `json.dumps(data, ensure_ascii=False, indent=2)` would write
    it; data orjson would write differently (see `_orjson_safe`) goes to the standard library.
    """
    data = to_data(value)
    if _orjson_safe(data):
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _orjson_safe(data: Any) -> bool:
    """Whether orjson writes `data` exactly as the standard library does.

    They differ on floats written in exponent form (`1e+16` against `1e16`), NaN and infinities
    (orjson writes null), integers beyond 64 bits (orjson refuses them) and non-string keys.
    """
    stack = [data]
    verdicts = _verdicts
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            known = verdicts.get(id(item))
            if known is not None and known[0] is item:  # an outcome's data, checked when it was made
                if not known[1]:
                    return False
                continue
            if not all(type(key) is str for key in item):
                return False
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is float:
            if not math.isfinite(item) or "e" in repr(item):
                return False
        elif kind is int:
            if not -(2**63) <= item < 2**64:
                return False
        elif kind is not str and kind is not bool and item is not None:
            return False  # anything else: let the standard library decide (or refuse) as before
    return True
