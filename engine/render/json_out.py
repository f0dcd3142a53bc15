"""JSON output: the contract, byte for byte the same for the same rulebook, case and date."""

from __future__ import annotations

import json
from typing import Any

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
    """Indented UTF-8 JSON with a final newline; key order is the models' declared order."""
    return json.dumps(to_data(value), ensure_ascii=False, indent=2) + "\n"
