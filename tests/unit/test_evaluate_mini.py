"""End-to-end evaluation on the mini rulebook: exceptions, readings, inheritance, unknowns."""

from __future__ import annotations

import datetime as dt

import pytest

from tolka.case import Case, case_from_mapping
from tolka.errors import FactValueError, UnknownFactError, UnknownIdError
from tolka.evaluate import Engine
from tolka.load import load_rulebook
from tolka.render.json_out import to_json

DAY = dt.date(2025, 9, 1)


@pytest.fixture
def engine(mini):
    return Engine(load_rulebook(mini))


def outcome(engine, facts, jurisdiction="SE-0001"):
    case = case_from_mapping(facts, engine.rulebook)
    return engine.evaluate(case, jurisdiction, DAY).outcomes[0]


def test_right_applies_with_route_legal_status_and_citation(engine):
    result = outcome(engine, {"birth_date": "2000-01-01", "lacks_means": True, "activity": "working"})
    assert result.status == "eligible_after_decision"
    assert result.route.id == "apply" and result.route.appeal.appealable
    assert result.legal_status == "mandated_by_law"
    decisive = [r for r in result.reasons.rules if r.role == "decisive"]
    assert [r.rule for r in decisive] == ["money.right"]
    assert decisive[0].citations[0].text == "TL (2000:1) 1 kap. 1 §"


def test_exception_defeats_the_rule_it_overrides(engine):
    result = outcome(engine, {"birth_date": "2000-01-01", "lacks_means": True, "activity": "studying"})
    assert result.status == "not_eligible"
    roles = {r.rule: (r.role, r.defeated_by) for r in result.reasons.rules}
    assert roles["money.right"] == ("defeated", ["money.studies"])
    assert roles["money.studies"][0] == "decisive"
    assert result.unverified  # money.studies cites an unverified provision
    assert any("money.studies" in item for item in result.unverified_items)


def test_a_local_reading_changes_the_answer_and_is_shown_with_its_source(engine):
    facts = {"birth_date": "2000-01-01", "lacks_means": True, "activity": "studying"}
    strict, lenient = outcome(engine, facts, "SE-0001"), outcome(engine, facts, "SE-0002")
    assert (strict.status, lenient.status) == ("not_eligible", "eligible_after_decision")
    strict_reading = strict.reasons.readings[0]
    assert strict_reading.basis == "national_default"
    assert strict_reading.note == "local reading unknown — national default applied"
    lenient_reading = lenient.reasons.readings[0]
    assert lenient_reading.basis == "local" and lenient_reading.source.url == "https://example.invalid/lenient"


def test_unknown_fact_gives_undetermined_naming_what_is_missing(engine):
    result = outcome(engine, {"lacks_means": True})
    assert result.status == "undetermined"
    assert result.missing_facts == ["birth_date", "activity"]


def test_unknown_fact_does_not_block_an_answer_it_cannot_change(engine):
    result = outcome(engine, {"lacks_means": False})  # age and activity unknown, but the right fails anyway
    assert result.status == "not_eligible"
    assert result.missing_facts == []


def test_same_input_gives_byte_identical_json(engine):
    case = case_from_mapping({"birth_date": "2001-02-03", "lacks_means": True}, engine.rulebook)
    first = to_json(engine.evaluate(case, "SE-0002", DAY))
    second = to_json(Engine(load_rulebook(engine.rulebook.root)).evaluate(case, "SE-0002", DAY))
    assert first == second
    assert '"rulebook_fingerprint": "sha256:' in first and '"evaluation_date": "2025-09-01"' in first


@pytest.mark.parametrize(
    ("facts", "error"),
    [
        ({"lacks_money": True}, UnknownFactError),
        ({"lacks_means": "perhaps"}, FactValueError),
        ({"activity": "sleeping"}, FactValueError),
        ({"birth_date": "1st of May"}, FactValueError),
    ],
)
def test_bad_case_input_names_the_fact(engine, facts, error):
    with pytest.raises(error) as raised:
        case_from_mapping(facts, engine.rulebook)
    assert next(iter(facts)) in raised.value.message


def test_unknown_jurisdiction_is_a_user_error(engine):
    with pytest.raises(UnknownIdError):
        engine.evaluate(Case({}), "SE-9999", DAY)


def test_unknown_spelled_out_is_unknown(engine):
    case = case_from_mapping({"lacks_means": "unknown", "activity": None}, engine.rulebook)
    assert case.facts == {}
