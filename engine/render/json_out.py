"""JSON output: the contract, byte for byte the same for the same rulebook, case and date."""

from __future__ import annotations

import datetime as dt
import json
import math
import types
from typing import Any, Literal, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from tolka.amounts import AMOUNT_FIELDS, copied_from
from tolka.model.common import Text
from tolka.model.outcome import Amount, AmountInput, Citation, Evaluation, Outcome
from tolka.model.source import Source

_EVALUATION_FIELDS = tuple(Evaluation.model_fields)
DUMP_MEMO_LIMIT = 4_096  # outcomes whose data is remembered (as many as the engine remembers)
# id of an outcome → the outcome (kept alive, so the id is not reused), its data, and whether orjson
# writes that data as the standard library does (see `_orjson_safe`)
_dumped: dict[int, tuple[Outcome, dict, bool]] = {}
# id of a remembered outcome's data → (the data, `_orjson_safe` of it)
_verdicts: dict[int, tuple[dict, bool]] = {}
# id of the data of an outcome with its amount (made for one answer, not remembered) → (the data,
# `_orjson_safe` of it); only until the answer is written, so a small bound will do
_fresh_verdicts: dict[int, tuple[dict, bool]] = {}
FRESH_LIMIT = 64
_SHARED_FIELDS = tuple(name for name in Outcome.model_fields if name not in AMOUNT_FIELDS)


def _outcome_data(outcome: Outcome) -> dict:
    found = _dumped.get(id(outcome))
    if found is not None and found[0] is outcome:
        return found[1]
    if outcome.amount is not None:
        return _with_amount_data(outcome)
    data = outcome.model_dump(mode="json")
    if len(_dumped) >= DUMP_MEMO_LIMIT:
        _dumped.clear()
        _verdicts.clear()
    safe = _orjson_safe(data)
    _dumped[id(outcome)] = (outcome, data, safe)
    _verdicts[id(data)] = (data, safe)
    return data


def _with_amount_data(outcome: Outcome) -> dict:
    """An outcome with its amount: the case's own (its amount is), but apart from its amount and
    unverified marks it is the remembered outcome it was copied from, whose data is shared."""
    base = copied_from(outcome)
    if (
        base is None
        or base.amount is not None
        or any(outcome.__dict__[name] is not base.__dict__[name] for name in _SHARED_FIELDS)
    ):
        return outcome.model_dump(mode="json")  # not a plain copy with an amount added: nothing to share
    data = dict(_outcome_data(base))  # the declared order: the fields replaced keep their places
    data["unverified"] = outcome.unverified
    data["unverified_items"] = list(outcome.unverified_items)
    data["amount"] = _amount_data(outcome.amount) if outcome.amount is not None else None
    if len(_fresh_verdicts) >= FRESH_LIMIT:
        _fresh_verdicts.clear()
    # the base's data was checked when it was made; what replaces its fields is safe by its types
    _fresh_verdicts[id(data)] = (data, _dumped[id(base)][2] and _AMOUNT_FIELDS_SAFE)
    return data


_proving: set[type] = set()  # models whose proof is under way (a model may contain itself)
_proved: dict[Any, bool] = {}


def plain_type(annotation: Any) -> bool:
    """Whether any value of this type dumps to JSON data of strings, booleans and None (dates
    written as strings) in lists and models of those only, with no serialiser, alias or excluded
    field of its own. orjson writes such data exactly as the standard library does (see `_orjson_safe`),
    and `_plain_data` dumps it as pydantic does; proved once per type, not per value."""
    found = _proved.get(annotation)
    if found is None:
        found = _proved[annotation] = _plain_type(annotation)
    return found


def _plain_type(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Literal:
        return all(type(value) is str or type(value) is bool or value is None for value in get_args(annotation))
    if origin is list or origin is Union or origin is types.UnionType:
        return all(plain_type(item) for item in get_args(annotation))
    if origin is not None:
        return False  # dicts (their keys), tuples and the rest: checked per value
    if annotation in (str, bool, type(None), dt.date):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        decorators = annotation.__pydantic_decorators__
        if decorators.model_serializers or decorators.field_serializers or annotation.model_computed_fields:
            return False  # its own serialiser may write anything
        fields = annotation.model_fields.values()
        if any(info.alias or info.serialization_alias or info.exclude for info in fields):
            return False  # its data's keys are not simply its fields
        if annotation in _proving:
            return False  # a model inside itself: not proved (checked per value), never a false proof
        _proving.add(annotation)
        try:
            return all(plain_type(info.annotation) for info in fields)
        finally:
            _proving.discard(annotation)
    return False  # numbers (floats in exponent form, big integers) and anything else


_AMOUNT_FIELDS_SAFE = all(plain_type(Outcome.model_fields[name].annotation) for name in AMOUNT_FIELDS)
_AMOUNT_PLAIN = plain_type(Amount)


class _NotPlain(TypeError):
    """A value `_plain_data` does not dump itself (its model is then dumped by pydantic)."""


# id of a rulebook's text, citation or source, or of a parameter as a step shows it (built once
# per day, tolka.amount_calculation) → (it, its data): the same objects are in every answer's
# amounts, so their data is made once (kept alive, so an id is not reused; bounded)
_shared_plain: dict[int, tuple[BaseModel, dict]] = {}
SHARED_PLAIN_LIMIT = 16_384
_SHARED_PLAIN_TYPES = (Text, Citation, Source)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _amount_data(amount: Amount) -> dict:
    """An amount's JSON data: made per case, in Python, sharing the rulebook's texts and citations."""
    if not _AMOUNT_PLAIN:
        return amount.model_dump(mode="json")
    try:
        return _plain_data(amount)
    except _NotPlain:
        return amount.model_dump(mode="json")


def _plain_data(model: BaseModel) -> dict:
    """`model.model_dump(mode="json")` of a model of a `plain_type`, field by field."""
    names = _FIELD_NAMES.get(type(model))
    if names is None:
        names = _FIELD_NAMES[type(model)] = tuple(type(model).model_fields)  # the declared order
    values = model.__dict__
    data = {}
    for name in names:
        value = values[name]
        kind = type(value)
        data[name] = value if kind is str or kind is bool or value is None else _plain_value(value)
    return data


def _plain_value(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is list:
        return [item if type(item) is str else _plain_value(item) for item in value]
    if kind in _SHARED_PLAIN_TYPES or (kind is AmountInput and value.kind == "parameter"):
        found = _shared_plain.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        if len(_shared_plain) >= SHARED_PLAIN_LIMIT:
            _shared_plain.clear()
        data = _plain_data(value)
        _shared_plain[id(value)] = (value, data)
        return data
    if isinstance(value, BaseModel):
        return _plain_data(value)
    if kind is dt.date:
        return value.isoformat()
    raise _NotPlain(kind)


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
            known = verdicts.get(id(item)) or _fresh_verdicts.get(id(item))
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
