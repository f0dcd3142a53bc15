"""JSON output through orjson is byte for byte what the standard library writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tolka.case import read_case
from tolka.jurisdictions import default_jurisdiction
from tolka.render.json_out import to_data, to_json

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "cases").glob("*.yaml"))


def _standard(value) -> str:
    return json.dumps(to_data(value), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "value",
    [
        {"å": "Malmö – ✓", "empty": [], "nothing": {}, "none": None, "flag": False},
        [1, 2.5, 0.1, -0.0, 123456789.125, 2**63 - 1, 2**64 + 5, -(2**63) - 1],
        {"small": 1e-05, "big": 1e16, "huge": 1.5e300, "nan": float("nan"), "inf": float("inf")},
        {1: "int key", None: "none key"},
        [[[]], [{}], {"a": [{"b": []}]}],
        "a string with \"quotes\", a \\ backslash, a tab\t and \u2028",
    ],
)
def test_edge_values_are_written_as_the_standard_library_writes_them(value):
    assert to_json(value) == _standard(value)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_evaluation_is_byte_identical(shipped_engine, path):
    case = read_case(path, shipped_engine.rulebook)
    evaluation = shipped_engine.evaluate(case, default_jurisdiction(case, shipped_engine.rulebook), dt.date(2025, 9, 1))
    assert to_json(evaluation) == _standard(evaluation)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_evaluation_data_is_the_models_dump_when_outcomes_are_shared(shipped_engine, path):
    """to_data shares each remembered outcome's data between answers; it is still the model's dump."""
    case = read_case(path, shipped_engine.rulebook)
    place = default_jurisdiction(case, shipped_engine.rulebook)
    for day in (dt.date(2025, 6, 30), dt.date(2025, 9, 1), dt.date(2025, 9, 1)):  # the last one from memory
        evaluation = shipped_engine.evaluate(case, place, day)
        assert to_data(evaluation) == evaluation.model_dump(mode="json")
        assert list(to_data(evaluation)) == list(evaluation.model_dump(mode="json"))
