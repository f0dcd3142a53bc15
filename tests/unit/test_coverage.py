"""Coverage counts real sourced readings in force, their age and certainty — never example units."""

from __future__ import annotations

import datetime as dt

from tests.unit.test_rulebook_errors import add, edit
from tolka.coverage import coverage
from tolka.load import load_rulebook


def test_coverage_of_the_mini_rulebook(mini):
    cov = coverage(load_rulebook(mini), "SE", dt.date(2026, 1, 1))
    assert cov.municipalities == 2 and cov.municipalities_with_reading == 1
    (point,) = cov.points
    assert point.point == "studies_allowed" and point.jurisdictions == 1 and point.municipalities == 1
    assert point.newest == dt.date(2024, 1, 1) and point.undated == 0 and point.stale == 0
    assert point.median_age_years == 2.0


def test_a_source_over_five_years_old_is_stale_and_an_example_unit_never_counts(mini):
    add(
        mini,
        "jurisdictions/example.yaml",
        """
        jurisdiction: {id: SE-EX-Z, kind: example_unit, name: Unit Z, parent: SE-0001, example: true}
        readings:
          - point: studies_allowed
            value: "yes"
            source: {document: "A study", date_state: not_shown}
            summary: {en: "An example.", sv: "Ett exempel."}
            verified: true
        """,
    )
    cov = coverage(load_rulebook(mini), "SE", dt.date(2029, 1, 2))
    (point,) = cov.points
    assert point.jurisdictions == 1  # the municipality; not the example unit
    assert point.stale == 1  # 2024-01-01 is over five years before 2029-01-02


def test_a_reading_out_of_force_is_not_coverage(mini):
    edit(mini, "jurisdictions/lenient.yaml", "verified: true", "verified: true\n    valid_to: 2025-06-30")
    cov = coverage(load_rulebook(mini), "SE", dt.date(2025, 7, 1))
    assert cov.municipalities_with_reading == 0 and cov.points[0].jurisdictions == 0
