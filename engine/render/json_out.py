"""JSON output: the contract, byte for byte the same for the same rulebook, case and date."""

from __future__ import annotations

import json
import math
from typing import Any

import orjson
from pydantic import BaseModel


def to_data(value: Any) -> Any:
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
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
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
