"""JSON output through orjson is byte for byte what the standard library writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, Field, field_serializer

from tests.property.test_tree_agrees import _synthetic
from tolka.amounts import copied_from, note_copy
from tolka.case import read_case
from tolka.jurisdictions import default_jurisdiction
from tolka.model.common import Text
from tolka.model.outcome import Amount, AmountInput, Outcome, ReadingUsed
from tolka.model.source import Source
from tolka.render.json_out import _plain_data, plain_type, to_data, to_json

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


def test_answers_with_amounts_are_byte_identical_when_their_outcomes_share_data(shipped_engine):
    """An outcome with its amount shares the data of the remembered outcome it was copied from; the
    answer is still written byte for byte as the standard library writes the models' own dump, for
    new outcomes and for ones found in memory (each case is evaluated twice)."""
    rulebook = shipped_engine.rulebook
    people = _synthetic(rulebook, 24, seed=29)
    places = ["SE", "SE-EX-A", "SE-EX-C", "SE-0180"]
    day = dt.date(2025, 9, 1)
    amounts = 0
    for n, case in enumerate(people * 2):
        evaluation = shipped_engine.evaluate(case, places[n % len(places)], day)
        for outcome in evaluation.outcomes:
            if outcome.amount is not None:  # built without validation: it must validate as it is
                assert Amount.model_validate(outcome.amount.model_dump()) == outcome.amount
                amounts += 1
        expected = json.dumps(evaluation.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        assert to_json(evaluation) == expected
        assert json.dumps(to_data(evaluation), ensure_ascii=False, indent=2) + "\n" == expected
    assert amounts > 48  # the cases reach the calculations


def test_a_copy_with_other_changes_is_not_shared(shipped_engine):
    """Only the amount and the unverified marks may differ from the outcome copied from: a copy
    of that copy with any other field changed is dumped whole."""
    case = _synthetic(shipped_engine.rulebook, 1, seed=31)[0]
    evaluation = shipped_engine.evaluate(case, "SE", dt.date(2025, 9, 1))
    outcome = next(outcome for outcome in evaluation.outcomes if outcome.amount is not None)
    original = copied_from(outcome)
    assert original is not None and original.amount is None
    changed = outcome.model_copy(update={"missing_facts": ["something_else"]})
    note_copy(changed, original)  # as if `with_amounts` had made it
    again = evaluation.model_copy(update={"outcomes": [changed]})
    assert to_data(again)["outcomes"][0] == changed.model_dump(mode="json")
    assert to_json(again) == _standard(again)


def test_plain_data_is_the_models_dump():
    """Amounts are dumped field by field in Python: the same data, keys in the same order."""
    source = Source.model_validate(
        {"url": "https://example.invalid/p", "published": "2024-03-05", "date_state": "shown", "seen": "whole_page"}
    )
    given = AmountInput(
        kind="parameter",
        id="p",
        name=Text(en="A parameter", sv="En parameter"),
        value="1.5",
        low="1.5",
        high="1.5",
        unit="SEK",
        period="month",
        valid_from="2025-01-01",
        source=source,
        citations=[],
    )
    for model in (source, given, given):  # the second time from what was remembered
        assert json.dumps(_plain_data(model)) == json.dumps(model.model_dump(mode="json"))


class _Aliased(BaseModel):
    text: str = Field(serialization_alias="words")


class _Floats(BaseModel):
    share: float


class _Written(BaseModel):
    text: str

    @field_serializer("text")
    def _as_number(self, text: str) -> float:
        return 1e16


def test_types_proved_safe_for_orjson():
    """Proved once per type: strings, booleans, None, dates, lists and models of those only."""
    assert plain_type(Amount)  # what an amount adds to an outcome is checked by its type
    assert not plain_type(Outcome)  # a reading's value may be a float
    assert not plain_type(ReadingUsed)
    assert not plain_type(_Floats)
    assert not plain_type(_Written)  # its own serialiser may write anything
    assert not plain_type(_Aliased)  # its data's keys are not its fields' names
    assert not plain_type(dict[str, str])  # checked per value
    assert plain_type(list[str | None])
    assert plain_type(Literal["a", "b"])
    assert not plain_type(Literal["a", 1])
