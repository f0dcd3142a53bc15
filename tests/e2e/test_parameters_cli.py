"""`tolka parameters` and the parameter lines of `tolka diff`, through the installed console script."""

from __future__ import annotations

import csv
import io
import json

from tests.e2e.test_cli import tolka


def test_parameters_lists_the_value_in_force_with_source_and_mark():
    data = json.loads(tolka("parameters", "--country", "NO", "--date", "2025-05-01", "--format", "json").stdout)
    assert data["evaluation_date"] == "2025-05-01" and data["rulebook_fingerprint"].startswith("sha256:")
    (row,) = [row for row in data["parameters"] if row["id"] == "no.grunnbelop"]
    assert (row["id"], row["value"], row["unit"], row["period"]) == ("no.grunnbelop", "130160", "NOK", "per_year")
    assert (row["valid_from"], row["verified"]) == ("2025-05-01", True)
    assert row["source"].startswith("https://")
    # Additions within schema 2.0: the source's title and its note, in the language asked for.
    assert (
        row["source_title"].startswith("NAV")
        and row["source_note"] == "2025-05-23 — the day the value was added to NAV's table"
    )
    nb = json.loads(
        tolka("parameters", "--country", "NO", "--date", "2025-05-01", "--format", "json", "--lang", "nb").stdout
    )
    (row,) = [row for row in nb["parameters"] if row["id"] == "no.grunnbelop"]
    assert row["source_note"] == "2025-05-23 — dagen verdien ble lagt inn i NAVs tabell"
    assert row["value"] == "130160" and row["unit"] == "NOK"  # the JSON keeps values and units as stored


def test_parameters_text_is_in_the_reader_language_and_marks_unverified_values():
    out = tolka("parameters", "--date", "2024-06-01", "--lang", "sv").stdout
    assert "Parametrar som gäller 2024-06-01" in out
    assert "57 300" in out and "57 300 ⚠" not in out  # the government's own page
    out = tolka("parameters", "--date", "2025-04-30", "--lang", "nb").stdout
    assert "124 028" in out and "124 028 ⚠" not in out  # NAV's own table
    assert "2,041 G per år ⚠" in out  # the AAP minimum from 1 July 2024: seen only in NAV's code
    assert "3 910 SEK per måned ⚠" in out  # the 2025 riksnorm before 1 July: SoF 2001:937 in force then was not read
    assert "66 %" in out and "0.66" not in out  # a share as per cent, as the statute writes it
    assert "(ingen belagt" in out  # bostadstillägg before 2025-12-01 is not sourced: shown as missing, not zero


def test_parameters_csv_has_one_row_per_parameter():
    out = tolka("parameters", "--country", "SE", "--date", "2026-06-01", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({row["id"] for row in rows}) == len(rows)
    (row,) = [row for row in rows if row["id"] == "se.prisbasbelopp"]
    expected = ("se.prisbasbelopp", "59200", "sfb.2.6-8", "True")
    assert (row["id"], row["value"], row["citations"], row["verified"]) == expected


def test_diff_shows_the_grunnbelop_changing_on_1_may():
    data = json.loads(tolka("diff", "--from", "2025-04-30", "--to", "2025-05-01", "--format", "json").stdout)
    changes = [c for c in data["changes"] if c["kind"] == "parameter"]
    assert [(c["subject"], c["change"]) for c in changes] == [("no.grunnbelop", "changed")]
    assert changes[0]["before"].startswith("124028 NOK") and changes[0]["after"].startswith("130160 NOK")
    text = tolka("diff", "--from", "2025-04-30", "--to", "2025-05-01").stdout
    assert "National insurance basic" in text and "no.grunnbelop" not in text  # words, not ids (the table may wrap)


def test_parameters_text_lists_the_sources_below_the_table():
    """A source's address is on a line of its own under the table, so a narrow terminal wraps no cell
    into twenty lines; the table cites it by number."""
    out = tolka("parameters", "--country", "NO", "--date", "2025-05-01", "--lang", "sv").stdout
    table, _, sources = out.partition("Källor:")
    assert "https://" not in table and "[1]" in table
    assert "\n    https://www.nav.no/aap\n" in sources
    assert "datum visas inte" in sources and "date not shown" not in out
