"""Dated parameters: loading, the errors `tolka check` reports with file and line, and look-ups by date."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from tolka import errors as E
from tolka.diff import date_diff
from tolka.load import check_rulebook

FILE = "rules/parameters/base.yaml"

BASE = """
    country: SE
    parameters:
      - id: se.base
        name: {sv: Basbelopp, en: Base amount}
        unit: SEK
        period: per_year
        values:
          - value: 1000
            valid_from: 2024-01-01
            valid_to: 2024-12-31
            source: {url: "https://example.invalid/2024", published: 2023-09-01}
            cites: [testlaw.1.1]
            verified: true
          - value: 1100
            valid_from: 2025-01-01
            source: {url: "https://example.invalid/2025", date_note: "date not shown"}
            verified: false
"""


def write(root: Path, text: str = BASE) -> None:
    path = root / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def line_of(root: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate((root / FILE).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")


def errors_of(root: Path, kind: type[E.RulebookError]) -> list[E.RulebookError]:
    _, errors = check_rulebook(root)
    found = [e for e in errors if isinstance(e, kind)]
    assert found, f"expected a {kind.__name__}, got: {[e.render() for e in errors]}"
    return found


def test_a_parameter_loads_and_is_looked_up_by_date(mini):
    write(mini)
    rulebook, errors = check_rulebook(mini)
    assert errors == []
    parameter = rulebook.parameters["se.base"]
    assert parameter.value_at(dt.date(2024, 12, 31)).value == Decimal(1000)
    assert parameter.value_at(dt.date(2025, 1, 1)).value == Decimal(1100)
    assert parameter.value_at(dt.date(2023, 12, 31)) is None
    assert parameter.country == "SE"  # from the file's `country:`


def test_parameters_are_part_of_the_fingerprint(mini):
    write(mini)
    before = check_rulebook(mini)[0].fingerprint
    write(mini, BASE.replace("value: 1100", "value: 1101"))
    assert check_rulebook(mini)[0].fingerprint != before


def test_overlapping_values_are_refused_at_the_second_value(mini):
    write(mini, BASE.replace("valid_from: 2025-01-01", "valid_from: 2024-06-01"))
    error = errors_of(mini, E.OverlappingValidityError)[0]
    assert error.file == FILE
    assert error.line == line_of(mini, "- value: 1100")
    assert "se.base" in error.message


def test_an_unknown_unit_is_a_schema_error_on_its_line(mini):
    write(mini, BASE.replace("unit: SEK", "unit: EUR"))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.file == FILE
    assert error.line == line_of(mini, "unit: EUR")
    assert "unit" in error.message


def test_an_unknown_period_is_a_schema_error(mini):
    write(mini, BASE.replace("period: per_year", "period: per_fortnight"))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.line == line_of(mini, "period: per_fortnight")


def test_a_value_without_source_is_refused_on_its_line(mini):
    source = 'source: {url: "https://example.invalid/2025", date_note: "date not shown"}'
    write(mini, BASE.replace(source, "note: {en: x}"))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.file == FILE
    assert error.line == line_of(mini, "- value: 1100")
    assert "missing required key `source`" in error.message


def test_a_source_without_date_is_refused(mini):
    write(mini, BASE.replace(', date_note: "date not shown"', ""))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.file == FILE
    assert "date_note" in error.message


def test_a_value_without_valid_from_is_refused(mini):
    write(mini, BASE.replace("valid_from: 2025-01-01", "valid_to: 2025-12-31"))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.line == line_of(mini, "- value: 1100")
    assert "valid_from" in error.message


def test_a_citation_of_an_unknown_provision_names_the_value(mini):
    write(mini, BASE.replace("cites: [testlaw.1.1]", "cites: [testlaw.9.9]"))
    error = errors_of(mini, E.UnknownNameError)[0]
    assert error.file == FILE
    assert error.line == line_of(mini, "- value: 1000")
    assert "testlaw.9.9" in error.message


def test_a_name_in_the_country_language_is_required(mini):
    write(mini, BASE.replace("name: {sv: Basbelopp, en: Base amount}", "name: {en: Base amount}"))
    error = errors_of(mini, E.SchemaError)[0]
    assert error.line == line_of(mini, "- id: se.base")
    assert "no name in sv" in error.message


def test_a_duplicate_parameter_id_is_refused(mini):
    write(mini)
    (mini / "rules/parameters/again.yaml").write_text((mini / FILE).read_text(encoding="utf-8"), encoding="utf-8")
    error = errors_of(mini, E.DuplicateIdError)[0]
    assert "se.base" in error.message


@pytest.mark.parametrize(
    ("first", "second", "expected"), [("2024-06-01", "2025-06-01", True), ("2025-02-01", "2025-06-01", False)]
)
def test_date_diff_lists_a_changed_value(mini, first, second, expected):
    write(mini)
    rulebook, _ = check_rulebook(mini)
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(second)
    changes = [c for c in date_diff(rulebook, a, b) if c.kind == "parameter"]
    if expected:
        before, after = "1000 SEK per_year [2024-01-01 – 2024-12-31]", "1100 SEK per_year [2025-01-01 – …]"
        assert [(c.subject, c.change, c.before, c.after) for c in changes] == [("se.base", "changed", before, after)]
    else:
        assert changes == []
