"""A Swedish and a Norwegian case worker each go through a case start to finish in the terminal, in
their own language, and never meet an English sentence or an internal id (issue 15).

The Swedish one works in Stockholm (SE-0180) with Amira, the Norwegian one in Oslo (NO-0301) with
Ida (examples/cases/). Each runs what a case worker runs: the evaluation (table, explanations, plan,
budget, the printable report), the guided questions with answers typed on standard input, the team
brief, a comparison with a neighbour and across the border, the mandate view, the readings,
jurisdictions, facts, supports, rules, coverage and limits, and the mistakes a person makes (a date
that does not exist, a place that does not, a case file with an unknown name or a bad value, help
and a mistyped option). `tests.e2e.test_languages.problems` finds a phrase of another language's
catalogue or an id where a word belongs.

Lists whose id column is what a case file or an option takes (`facts`, `supports`, `readings`'
points, `rules`, `limits`, the help's examples, a case file's keys and values in its errors;
docs/i18n.md) are checked for foreign phrases only. `rules` is read for
the country's own supports: a Norwegian rule's note is written in Norwegian and English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.e2e.test_languages import NORWEGIAN_CASE, SWEDISH_CASE, problems

from tolka.cli import cli
from tolka.cli.help_language import install

DAY = "2025-09-01"
WORKERS = {
    # language: (case, home, neighbour, across the border, a support of the mandate view, country)
    "sv": (SWEDISH_CASE, "SE-0180", "SE-1480", "NO-0301", "ips", "SE"),
    "nb": (NORWEGIAN_CASE, "NO-0301", "NO-1103", "SE-0180", "no_ips", "NO"),
}
OTHER_SUPPORT = {"sv": "no_ips", "nb": "ips"}  # the mandate view of a support of the other country
# What each worker must read somewhere on the way (the language really is hers).
ANCHORS = {
    "sv": ("Stöd", "Handlingsplan", "berättigad", "Fel:", "ingen uppgift som tolka känner till"),
    "nb": ("Støtte", "Handlingsplan", "har rett", "Feil:", "ingen opplysning som tolka kjenner til"),
}
# Answers typed to `tolka ask`: don't know, a choice by number, don't know, yes, then stop.
ANSWERS = "\n1\n?\nja\nq\n"
# Words another helper of issue 15 owns: a provision's label as the law file writes it
# (rules/no/laws/opplaringslova-2023.yaml, "… (paragraf og aldersgrense ikke verifisert)").
OTHER_LANES = {("sv", "limits"): {"foreign phrase 'ikke verifisert'"}}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    install("en")  # click's words are process-wide: leave them as the other tests expect


def run(*args: str, stdin: str | None = None, expect: int = 0) -> str:
    # Wide enough that the terminal never wraps a URL or an id in two.
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "2000"}, input=stdin, catch_exceptions=False)
    assert result.exit_code == expect, (args, result.output)
    assert "Traceback" not in result.output
    return result.output


def walk(language: str, tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(what the worker reads in full, lists read for their words) by step."""
    case, home, neighbour, abroad, support, country = WORKERS[language]
    common = ["--date", DAY, "--lang", language]
    unknown_name = tmp_path / "case.yaml"
    unknown_name.write_text(Path(case).read_text(encoding="utf-8") + "wings: 2\nstudy_form: flying\n", encoding="utf-8")
    read = {
        "evaluate": run("evaluate", case, "-j", home, *common),
        "evaluate --explain --plan --budget": run(
            "evaluate", case, "-j", home, *common, "--explain", "--plan", "--budget"
        ),
        "evaluate --format markdown": run("evaluate", case, "-j", home, *common, "--plan", "--format", "markdown"),
        "ask": run("ask", "-j", home, "--case", case, *common, "--max-questions", "4", stdin=ANSWERS),
        "brief": run("brief", case, "-j", home, *common),
        "compare": run("compare", case, "-J", f"{home},{neighbour}", *common),
        "compare across the border": run("compare", case, "-J", f"{home},{abroad}", *common),
        "mandate": run("mandate", support, "-j", home, *common),
        "coverage": run("coverage", "--country", country, *common),
        "a date that does not exist": run(
            "evaluate", case, "-j", home, "--date", "2025-13-01", "--lang", language, expect=2
        ),
        "a place that does not exist": run("evaluate", case, "-j", home[:-1], *common, expect=2),
        "the other country's support": run("mandate", OTHER_SUPPORT[language], "-j", home, *common, expect=2),
        "no place given": run("compare", case, "-J", ",", *common, expect=2),
        "a mistyped option": run("evaluate", case, "--lang", language, "--plna", expect=2),
    }
    lists = {
        # Its sources' addresses wrap in their column (ids in them are the publishers' words).
        "jurisdictions": run("jurisdictions", "--country", country, "--lang", language),
        # `--if FACT=VALUE` and the case file's `home_municipality` are named as typed.
        "help": run("evaluate", "--help", "--lang", language) + run("--help", "--lang", language),
        # A case file's mistakes name its keys and the values to write instead, as the file writes them.
        "an unknown name and a bad value": run("evaluate", str(unknown_name), "-j", home, *common, expect=2),
        "readings": run("readings", "--country", country, *common),
        "facts": run("facts", "--lang", language),
        "supports": run("supports", "--country", country, "--lang", language),
        "rules": "".join(
            run("rules", "--support", item, "--format", "text", "--lang", language)
            for item in ("ips", "forsorjningsstod", "supported_education")
            if language == "sv"
        )
        or "".join(
            run("rules", "--support", item, "--format", "text", "--lang", language) for item in ("no_ips", "no_aap")
        ),
        "limits": run("limits", "--lang", language),
    }
    return read, lists


@pytest.mark.parametrize("language", ["sv", "nb"])
def test_a_case_worker_goes_start_to_finish_in_her_language(language, tmp_path):
    read, lists = walk(language, tmp_path)
    found = {step: problems(text, language) for step, text in read.items()}
    found |= {
        step: [
            problem
            for problem in problems(text, language)
            if problem.startswith("foreign phrase") and problem not in OTHER_LANES.get((language, step), set())
        ]
        for step, text in lists.items()
    }
    assert {step: items for step, items in found.items() if items} == {}
    everything = " ".join(" ".join(text.split()) for text in [*read.values(), *lists.values()])
    for anchor in ANCHORS[language]:
        assert anchor in everything, anchor
    # The case worker's mistakes name what she wrote, in her words.
    assert "2025-13-01" in read["a date that does not exist"]
    mistakes = " ".join(lists["an unknown name and a bad value"].split())
    assert "wings" in mistakes and "flying" in mistakes
    # Values quoted in a sentence stand in the language's quotation marks, not English straight ones.
    opening, closing = {"sv": ("”", "”"), "nb": ("«", "»")}[language]
    assert f"{opening}2025-13-01{closing}" in read["a date that does not exist"]
    assert f"{opening}--plna{closing}" in read["a mistyped option"]
    assert f"{opening}flying{closing}" in mistakes
    for step in ("a date that does not exist", "a mistyped option"):
        assert not re.search(r"'[^'\s]+'", read[step]), read[step]
    for english in ("is not", "not a", "Usage", "Options", "Error", "CASE_FILE", "[OPTIONS]", "FILE", "YYYY-MM-DD"):
        assert not re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", lists["help"] + read["a mistyped option"]), (
            english
        )
