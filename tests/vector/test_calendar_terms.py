"""Calendar terms (`start_of_quarter_after(turns(birth_date, 16))`, …) agree across the back ends.

Three computations must give the same thing: `tolka.periods` (one date at a time, what the case
document holds), the array form in the vectorised back end, and the durable_rules network that
compares the document's value with the rule's constant. Dates include 29 February and the first
and last days of months, quarters and years, where off-by-one errors live.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI_FILES, write_rulebook
from tolka.backends.vector.backend import VectorBackend, situation_of
from tolka.backends.vector.columns import Frame, term_dates
from tolka.case import Case
from tolka.document import build_document
from tolka.evaluate import Engine
from tolka.expr.evaluate import truth
from tolka.expr.logic import Truth
from tolka.jurisdictions import reading_values, resolve_readings
from tolka.model.limit import BOUND_OPERATORS
from tolka.periods import PERIOD_FUNCTIONS, DateTerm

EDGES = [
    dt.date(y, m, d)
    for y in (1999, 2000, 2004, 2006, 2023, 2024)
    for m, d in ((1, 1), (2, 28), (2, 29), (3, 1), (3, 31), (4, 1), (6, 30), (7, 1), (7, 31), (8, 1), (12, 31))
    if not (m == 2 and d == 29 and y % 4)
]
DATES = st.one_of(st.dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(EDGES))
TERMS = st.builds(
    DateTerm,
    st.just("birth_date"),
    st.one_of(st.none(), st.integers(0, 70)),
    st.lists(st.sampled_from(sorted(PERIOD_FUNCTIONS)), max_size=2).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(TERMS, st.lists(DATES, min_size=1, max_size=30))
def test_array_terms_equal_single_dates(term, dates):
    ordinals = np.array([d.toordinal() for d in dates], dtype=np.int64)
    got = term_dates(term, ordinals)
    for position, value in enumerate(dates):
        assert int(got[position]) == term.date(value).toordinal(), (term.text(), value)


def test_term_names_round_trip():
    term = DateTerm("birth_date", 16, ("start_of_quarter_after",))
    assert term.text() == "start_of_quarter_after(turns(birth_date, 16))"
    assert DateTerm.from_field(term.field_name, "birth_date") == term
    assert DateTerm.from_field(DateTerm("x").field_name, "x") == DateTerm("x")


OPERATORS = (">=", "<=", "<", ">")
FUNCTIONS = sorted(PERIOD_FUNCTIONS)


def _calendar_rules() -> str:
    lines = [
        "country: SE",
        "supports:",
        "  - {id: cal, category: financial, providers: [office], name: {en: Calendar}, description: {en: x}}",
        "rules:",
        "  - {id: cal.default, support: cal, default: true, then: {route: apply}, cites: [testlaw.1.1]}",
        "  - {id: cal.status, support: cal, default: true, then: {status: eligible}, cites: [testlaw.1.1]}",
    ]
    for index, function in enumerate(FUNCTIONS):
        years = 16 + index % 15
        op = OPERATORS[index % len(OPERATORS)]
        term = f"{function}(turns(birth_date, {years}))"
        bound = {v: k for k, v in BOUND_OPERATORS.items()}[op]
        lines.append(
            f"  - {{id: cal.r{index}, support: cal, when: 'evaluation_date {op} {term}',"
            f" then: {{legal_status: discretionary}}, cites: [testlaw.1.1],"
            f" limits: [{{bound: {bound}, term: '{term}', provision: testlaw.1.1, wording: {{en: test}}}}]}}"
        )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def calendar_engine(tmp_path_factory):
    root = write_rulebook(tmp_path_factory.mktemp("calendar"), {**MINI_FILES, "rules/calendar.yaml": _calendar_rules()})
    return Engine.load(root, use_cache=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DATES, min_size=1, max_size=12), st.sampled_from([d for d in EDGES if d.year >= 2004]))
def test_rete_vector_and_reference_agree_on_calendar_terms(calendar_engine, births, day):
    rulebook = calendar_engine.rulebook
    place = "SE-0001"
    resolved = resolve_readings(rulebook, place, day)
    cases = [Case({"birth_date": b}) for b in births]
    session = VectorBackend(rulebook, day).session(Frame.from_facts(rulebook, [c.facts for c in cases], day))
    situation = situation_of(rulebook, place, "cal", day, resolved)
    rules = [e for e in rulebook.rules_by_support(place, day)["cal"] if e.id.startswith("cal.r")]
    assert len(rules) == len(FUNCTIONS)
    for person, case in enumerate(cases):
        truths = calendar_engine.truths(case, place, day, {}, resolved, backend="rete")[0]
        assert calendar_engine.truths(case, place, day, None, resolved, backend="tree")[0] == truths
        document = build_document(case, day, reading_values(resolved), rulebook)
        for entry in rules:
            expected = truth(entry.condition, document)
            assert truths.get(entry.key, (Truth.FALSE, ()))[0] is expected, (entry.rule.when, case.facts, day)
            coded = session.rule(entry.key, situation)
            assert coded.table[coded.codes[person]][0] is expected, (entry.rule.when, case.facts, day)
            # and the value means what the rule text says: the evaluation date compared with the term's date
            term_day = DateTerm.from_field(entry.condition.field.name, "birth_date").date(case.facts["birth_date"])
            meant = {">=": day >= term_day, "<=": day <= term_day, "<": day < term_day, ">": day > term_day}
            assert (expected is Truth.TRUE) == meant[entry.condition.op], (entry.rule.when, case.facts, day)


def test_unknown_birth_date_leaves_every_term_unknown(calendar_engine):
    rulebook = calendar_engine.rulebook
    day = dt.date(2026, 1, 1)
    resolved = resolve_readings(rulebook, "SE-0001", day)
    truths = calendar_engine.truths(Case({}), "SE-0001", day, {}, resolved, backend="rete")[0]
    for entry in rulebook.rules:
        if entry.id.startswith("cal.r"):
            value, missing = truths[entry.key]
            assert value is Truth.UNKNOWN and missing == (entry.condition.field.key,)
