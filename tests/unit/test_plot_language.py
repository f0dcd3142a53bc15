"""`tolka plot` draws its picture in the reader's language: every title, axis label and number, the
supports by name and the points by their questions, never an id (docs/i18n.md).

The figure's texts are read from matplotlib's artists, not from pixels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from matplotlib.text import Text

from tolka.population.differences import ANY, OTHER
from tolka.population.plot import Names, summary_figure
from tolka.population.summary import COLUMNS, write_csv

PERSONS = 1200
POINT = "financial_support_during_studies"
SUPPORTS = ("forsorjningsstod", "studiemedel")
PLACES = (
    ("SE", "Sverige", "country"),
    ("SE-0180", "Stockholm", "municipality"),
    ("SE-1480", "Göteborg", "municipality"),
)
ENGLISH = (
    "persons",
    "Share of",
    "eligible",
    "any route",
    "jurisdiction",
    "Interpretation points",
    "alike",
    "month",
    "Readings behind",
    "Financial assistance",
    "Student finance",
    "differences no single",
)


def _row(section: str, count: int, **values: object) -> dict[str, object]:
    return {
        **dict.fromkeys(COLUMNS, ""),
        "section": section,
        "persons": PERSONS,
        "count": count,
        "share": round(count / PERSONS, 6),
        "evaluation_date": "2025-09-01",
        "rulebook_fingerprint": "sha256:0123456789abcdef",
        "schema_version": "2.0",
        **values,
    }


def summary_rows() -> list[dict[str, object]]:
    """A summary as `tolka population --summary` writes it (English names, point ids), with amounts."""
    rows = []
    english = {"forsorjningsstod": "Financial assistance (försörjningsstöd)", "studiemedel": "Student finance"}
    for place, name, kind in PLACES:
        for number, support in enumerate(SUPPORTS):
            count = 300 + number * 100 + (50 if place == "SE-0180" else 0)
            cell = {
                "jurisdiction": place,
                "jurisdiction_name": name,
                "jurisdiction_kind": kind,
                "support": support,
                "support_name": english[support],
            }
            rows.append(_row("eligibility", count, **cell))
            rows.append(
                _row(
                    "amounts",
                    count,
                    **cell,
                    amount_total_per_month=1234567.5,
                    amount_median_per_month=6224.3 + 10 * number,
                    currency="SEK",
                )
            )
    rows.append(_row("differences", 1100, support=ANY, support_name="any support"))
    rows.append(_row("causes", 1050, point=POINT, support=ANY, support_name="any support"))
    rows.append(_row("causes", 20, point=OTHER, support=ANY, support_name="any support"))
    rows.append(
        _row(
            "amount_causes",
            40,
            jurisdiction=ANY,
            point=POINT,
            support="forsorjningsstod",
            support_name=english["forsorjningsstod"],
            amount_total_per_month=-25000.0,
            currency="SEK",
        )
    )
    return [{key: str(value) for key, value in row.items()} for row in rows]


def figure_texts(figure) -> list[str]:
    return [text.get_text() for text in figure.findobj(Text) if text.get_text().strip()]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "sv",
            [
                "Andel av 1 200 personer",
                "Tolkningsfrågorna bakom skillnaderna: 1 100 av 1 200 personer",
                "Kan försörjningsstöd ges under studier?",
                "skillnader som ingen enskild tolkning förklarar",
                "Studiemedel",
                "Stockholm",
                "Sverige  (+1 med samma svar)",
                "1 050 (87,5 %)",
                "totalt 3 703 702 kr/månad",
                "−25 000 kr",
                "Belopp per månad bland 1 200 personer",
            ],
        ),
        (
            "nb",
            [
                "Andel av 1 200 personer",
                "Tolkningsspørsmålene bak forskjellene: 1 100 av 1 200 personer",
                "Kan försörjningsstöd (økonomisk sosialhjelp) gis under studier?",
                "forskjeller som ingen enkelt tolkning forklarer",
                "Stockholm",
                "Sverige  (+1 med samme svar)",
                "1 050 (87,5 %)",
                "totalt 3 703 702 SEK/måned",
                "−25 000 SEK",
                "Beløp per måned blant 1 200 personer",
            ],
        ),
    ],
)
def test_the_picture_speaks_the_language(shipped_engine, language, words):
    figure = summary_figure(summary_rows(), names=Names(language, shipped_engine.rulebook))
    texts = figure_texts(figure)
    joined = "\n".join(texts).replace("\n", " ")
    for word in words:
        assert word in joined, (word, texts)
    for english in ENGLISH:
        assert english not in joined, (english, texts)
    for internal in (POINT, OTHER, *SUPPORTS, "SE-0180", "SE-1480"):
        assert internal not in joined, (internal, texts)


def test_without_the_rulebook_the_summary_names_are_used():
    texts = "\n".join(figure_texts(summary_figure(summary_rows())))
    assert "Share of 1,200 persons" in texts and "Student finance" in texts and POINT in texts


def test_two_jurisdictions_with_one_name_are_told_apart_by_id(shipped_engine):
    rows = [
        row | {"jurisdiction_name": "Herøy"} if row["jurisdiction"] in ("SE-0180", "SE-1480") else row
        for row in summary_rows()
    ]
    rows = [row for row in rows if row["jurisdiction"] != "SE-1480" or row["section"] != "eligibility"] + [
        row | {"count": "1", "share": "0.0"}
        for row in rows
        if row["jurisdiction"] == "SE-1480" and row["section"] == "eligibility"
    ]
    texts = figure_texts(summary_figure(rows, names=Names("nb", shipped_engine.rulebook)))
    assert "Herøy (SE-0180)" in texts and "Herøy (SE-1480)" in texts


@pytest.mark.parametrize(("language", "written"), [("sv", "Bilden skrevs till"), ("nb", "Bildet ble skrevet til")])
def test_the_command_draws_in_the_language_given(tmp_path: Path, language, written):
    from tolka.cli.app import cli

    summary, picture = tmp_path / "summary.csv", tmp_path / "plot.png"
    write_csv(summary, summary_rows())
    result = CliRunner().invoke(cli, ["plot", str(summary), "--out", str(picture), "--lang", language])
    assert result.exit_code == 0, result.output
    assert written in result.output and picture.read_bytes()[:4] == b"\x89PNG"
    refused = CliRunner().invoke(cli, ["plot", str(summary), "--out", str(tmp_path / "x.gif"), "--lang", language])
    assert refused.exit_code == 2 and "x.gif" in refused.output and "picture" not in refused.output
