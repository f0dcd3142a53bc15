"""Comparison across jurisdictions, minimal explanations and structural diffs on the mini rulebook."""

from __future__ import annotations

import datetime as dt

import pytest

from tolka.case import case_from_mapping
from tolka.compare import compare, why_different
from tolka.diff import date_diff, jurisdiction_diff
from tolka.evaluate import Engine
from tolka.load import load_rulebook
from tolka.matrix import cell_text, readings_matrix

DAY = dt.date(2025, 9, 1)
STUDENT = {"birth_date": "2000-01-01", "lacks_means": True, "activity": "studying"}


@pytest.fixture
def engine(mini):
    return Engine(load_rulebook(mini))


def test_identical_answers_collapse_and_differences_are_traced_to_the_reading(engine):
    case = case_from_mapping(STUDENT, engine.rulebook)
    result = compare(engine, case, ["SE", "SE-R01", "SE-0001", "SE-0002"], DAY)
    (money,) = result.supports
    assert money.differs
    assert [g.jurisdictions for g in money.groups] == [["SE", "SE-R01", "SE-0001"], ["SE-0002"]]
    assert money.points[0].point == "studies_allowed"
    assert money.points[0].values == {"no": ["SE", "SE-R01", "SE-0001"], "yes": ["SE-0002"]}


def test_many_jurisdictions_with_the_same_situation_are_evaluated_once(engine, monkeypatch):
    case = case_from_mapping(STUDENT, engine.rulebook)
    calls = []
    original = engine.evaluate
    monkeypatch.setattr(engine, "evaluate", lambda *a, **k: calls.append(a[1]) or original(*a, **k))
    engine.evaluate_many(case, ["SE-R01", "SE-0001", "SE-0002"], DAY)
    assert calls == ["SE-R01", "SE-0002"]  # SE-0001 has the same situation as SE-R01


def test_why_two_jurisdictions_differ_names_the_minimal_reading(engine):
    case = case_from_mapping(STUDENT, engine.rulebook)
    difference = why_different(engine, case, "SE-0001", "SE-0002", DAY)
    assert [a.support for a, _ in difference.differing] == ["money"]
    assert difference.explained_by_readings
    assert [(p.point, p.first.value, p.second.value) for p in difference.readings] == [("studies_allowed", "no", "yes")]


def test_no_difference_needs_no_explanation(engine):
    case = case_from_mapping({**STUDENT, "activity": "working"}, engine.rulebook)
    difference = why_different(engine, case, "SE-0001", "SE-0002", DAY)
    assert difference.differing == [] and difference.readings == []


def test_structural_diff_is_independent_of_any_case(engine):
    diff = jurisdiction_diff(engine.rulebook, "SE-0001", "SE-0002", DAY)
    assert [(p, a.value, b.value) for p, a, b in diff.readings] == [("studies_allowed", "no", "yes")]


def test_date_diff_lists_the_law_entering_force(engine):
    changes = date_diff(engine.rulebook, dt.date(2000, 12, 31), dt.date(2001, 1, 1))
    assert ("law", "testlaw", "entered") in {(c.kind, c.subject, c.change) for c in changes}
    assert {c.subject for c in changes if c.kind == "rule"} >= {"money.right", "money.default"}


def test_readings_matrix_marks_national_defaults(engine):
    columns, rows = readings_matrix(engine.rulebook, DAY, include_all=True)
    cells = {row.jurisdiction.id: cell_text(row.cells["studies_allowed"]) for row in rows}
    assert cells == {"SE": "no*", "SE-R01": "no*", "SE-0001": "no*", "SE-0002": "yes"}
    _, only_own = readings_matrix(engine.rulebook, DAY)
    assert [r.jurisdiction.id for r in only_own] == ["SE", "SE-0002"]
