"""One end-to-end test per CLI defect found when the terminal was tried as a new user would (issue 15),
each typed as that user would type it, through the installed `tolka` console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOLKA = Path(sys.executable).parent / "tolka"
CASE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
DAY = "2025-09-01"


def tolka(*args: str, lang: str = "en_GB.UTF-8", status: int = 0) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(TOLKA), *args], capture_output=True, text=True, env=dict(os.environ, LANG=lang), timeout=300
    )
    assert result.returncode == status, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr
    return result


# --- item 6: input checks ------------------------------------------------------------------------


def test_an_impossible_date_in_a_yaml_case_is_a_clear_error_in_the_users_language(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text("birth_date: 2006-02-30\nmental_health_problem: true\n", encoding="utf-8")
    result = tolka("evaluate", str(case), "-j", "SE-0180", "--date", DAY, "--lang", "sv", status=2)
    assert f"{case}:1:" in result.stderr
    assert "”2006-02-30” är inte ett datum som finns" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "kan inte läsa ärendefilen: filen finns inte"), ("nb", "kan ikke lese saksfilen: filen finnes ikke")],
)
def test_a_case_file_that_is_not_there_is_said_in_the_users_language(tmp_path, lang, words):
    result = tolka("evaluate", str(tmp_path / "missing.yaml"), "--date", DAY, "--lang", lang, status=2)
    assert words in result.stderr and "No such file" not in result.stderr, result.stderr


def test_every_problem_of_a_case_is_reported_at_once(tmp_path):
    """An impossible date, an unknown fact, a period that began before birth and a contradiction
    between two facts: all in one run, not one per run."""
    case = tmp_path / "case.yaml"
    case.write_text(
        "birth_date: 2006-03-14\n"
        "current_activity: upper_secondary\n"
        "completed_upper_secondary: true\n"
        "mental_helth_problem: true\n"
        "ill_since: 2001-01-01\n"
        "registered_unemployed_since: 2025-02-30\n",
        encoding="utf-8",
    )
    result = tolka("evaluate", str(case), "-j", "SE-0180", "--date", DAY, "--lang", "sv", status=2)
    assert f"{case}:6:" in result.stderr and "”2025-02-30” är inte ett datum som finns" in result.stderr
    assert f"{case}:4:" in result.stderr and "`mental_health_problem`" in result.stderr
    assert "`ill_since` 2001-01-01 är före `birth_date` 2006-03-14" in result.stderr
    assert "personen går i gymnasiet men har redan fullföljt det" in result.stderr
    assert "3 problem i ärendet" in result.stderr


def test_a_birth_date_after_the_evaluation_date_is_refused(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text("birth_date: 2030-02-03\nmental_health_problem: true\n", encoding="utf-8")
    result = tolka("evaluate", str(case), "-j", "SE-0180", "--date", DAY, "--lang", "nb", status=2)
    assert "`birth_date` 2030-02-03 er etter vurderingsdatoen 2025-09-01" in result.stderr


def test_attending_upper_secondary_after_completing_it_is_a_warning_beside_the_answer(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(
        "birth_date: 2006-03-14\ncurrent_activity: upper_secondary\ncompleted_upper_secondary: true\n",
        encoding="utf-8",
    )
    result = tolka("evaluate", str(case), "-j", "SE-0180", "--date", DAY, "--lang", "sv")
    assert "varning" in result.stderr and "personen går i gymnasiet men har redan fullföljt det" in result.stderr
    assert "Studiehjälp" in result.stdout


# --- item 7: unknown ids, filters, JSON --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "typo", "suggestion"),
    [
        (["mandate", "ipz", "-j", "SE-0180"], "`ipz`", "`ips`"),
        (["rules", "--support", "ipz", "--format", "text"], "`ipz`", "`ips`"),
        (["rules", "--rule", "se.ips.needs_asessed"], "`se.ips.needs_asessed`", "`se.ips.needs_assessed`"),
        (["mandate", "ips", "-j", "Stokholm"], "`Stokholm`", "`SE-0180` (Stockholm)"),
        (["evaluate", str(CASE), "-j", "SE-018", "--date", DAY], "`SE-018`", "`SE-0180` (Stockholm)"),
        (["compare", str(CASE), "-J", "SE-0180,Malmo", "--date", DAY], "`Malmo`", "`SE-1280` (Malmö)"),
        (["diff", "-J", "SE-0180,SE-018"], "`SE-018`", "`SE-0180`"),
        (
            ["readings", "--point", "vocational_support_ofered"],
            "`vocational_support_ofered`",
            "`vocational_support_offered`",
        ),
        (["readings", "--county", "Stokholm"], "`Stokholm`", "`Stockholms län`"),
        (["jurisdictions", "--kind", "municipalty"], "`municipalty`", "`municipality`"),
    ],
)
def test_an_unknown_id_is_refused_with_the_nearest_match(args, typo, suggestion):
    result = tolka(*args, status=2)
    assert typo in result.stderr and "did you mean" in result.stderr and suggestion in result.stderr
    assert result.stdout == ""


def test_an_unknown_fact_in_a_case_suggests_the_nearest_fact(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text("birth_dat: 2006-01-01\n", encoding="utf-8")
    result = tolka("evaluate", str(case), "-j", "SE-0180", "--date", DAY, status=2)
    assert "`birth_dat`" in result.stderr and "did you mean `birth_date`?" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rules_support_filter_filters_every_format(fmt):
    output = tolka("rules", "--support", "ips", "--format", fmt, "--lang", "en").stdout
    if fmt == "json":
        assert {r["support"] for r in json.loads(output)["rules"]} == {"ips"}
        return
    assert "Individual Placement and Support (IPS)" in output and "se.ips.needs_assessed" in output
    assert "Supported Education" not in output and "se.fs.right" not in output


def test_evaluate_json_explain_is_what_the_api_returns(shipped_engine):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from tolka.server import create_app

    cli = tolka(
        "evaluate", str(CASE), "-j", "SE-EX-C", "--date", DAY, "--format", "json", "--explain", "--plan", "--lang", "en"
    ).stdout
    assert '"explanations"' in cli
    from ruamel.yaml import YAML

    facts = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in YAML(typ="safe").load(CASE).items()}
    body = {"case": facts, "jurisdiction": "SE-EX-C", "date": DAY, "plan": True, "explain": True, "lang": "en"}
    with TestClient(create_app(shipped_engine)) as client:
        response = client.post("/api/evaluate", json=body)
    assert response.status_code == 200
    assert response.text == cli


# --- item 7: readings readable, --lang everywhere ----------------------------------------------------


def test_readings_in_a_terminal_is_one_row_per_jurisdiction_with_a_pointer_to_the_rest():
    """It printed ~1,859 lines of one-letter vertical column headers (one column per point)."""
    output = tolka("readings", "--date", DAY, "--lang", "en").stdout
    lines = output.splitlines()
    assert all(len(line) <= 120 for line in lines)
    header = lines[lines.index(next(line for line in lines if line.startswith("┏"))) + 1]
    assert "Jurisdiction" in header and "Reads differently from the national default" in header
    # the same view as Markdown (no wrapping): a jurisdiction by name, the point's question, the value's label
    markdown = tolka("readings", "--date", DAY, "--lang", "en", "--format", "markdown").stdout
    row = next(line for line in markdown.splitlines() if line.startswith("| Exempelenhet A (kommunal socialtjänst)"))
    assert "Can financial assistance continue during studies? → yes, within a rehabilitation plan" in row
    assert "`tolka readings --point ID`" in markdown and "`tolka readings --format csv`" in markdown


def test_readings_for_chosen_points_head_the_columns_with_the_question_in_swedish():
    output = tolka(
        "readings",
        "--point",
        "vocational_support_offered",
        "--kind",
        "example_unit",
        "--date",
        DAY,
        "--lang",
        "sv",
        "--format",
        "markdown",
    ).stdout
    assert "Erbjuder jurisdiktionen IPS?" in output and "Exempelenhet A" in output
    assert "ja, som ordinarie verksamhet" in output and "vocational_support_offered" not in output


def test_jurisdictions_speaks_norwegian_and_names_kinds_and_parents():
    output = tolka("jurisdictions", "--country", "NO", "--county", "Oslo", "--lang", "nb", "--format", "text").stdout
    assert "Jurisdiksjon" in output and "kommune" in output and "Oslo (NO-0301)" in output
    assert "municipality" not in output


def test_diff_of_two_jurisdictions_is_in_swedish_with_questions_not_point_ids():
    """`tolka diff --lang sv` printed English and point ids."""
    output = tolka("diff", "-J", "SE-EX-A,SE-EX-C", "--date", DAY, "--lang", "sv", "--format", "markdown").stdout
    assert "Exempelenhet A (kommunal socialtjänst) (SE-EX-A) och Exempelenhet C" in output
    assert "Kan försörjningsstöd ges under studier?" in output and "Tolkas på samma sätt" in output
    for english in ("Read the same way", " vs ", "point", "vocational_support_mandate", "no national position"):
        assert english not in output, english


def test_diff_between_dates_is_in_norwegian():
    output = tolka("diff", "--from", "2025-06-30", "--to", "2025-07-01", "--lang", "nb", "--format", "markdown").stdout
    assert "Hva som endres fra 2025-06-30 til 2025-07-01" in output
    assert "trer i kraft" in output and "opphører" in output and "entered" not in output


# --- item 5: words, not ids; which jurisdiction has which outcome ---------------------------------------


def test_ask_with_two_jurisdictions_shows_each_jurisdictions_outcome_not_counts():
    result = subprocess.run(
        [str(TOLKA), "ask", "-j", "SE-0180,SE-1480", "--date", DAY, "--lang", "sv"],
        input="q\n",
        capture_output=True,
        text=True,
        env=dict(os.environ, LANG="sv_SE.UTF-8"),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    table = result.stdout
    assert "Stockholm" in table and "Göteborg" in table
    assert "Individanpassat stöd till arbete (IPS)" in table and "kan inte avgöras" in table
    assert "│ 0 " not in table and "│ 2 " not in table  # no columns of counts


def test_compare_names_jurisdictions_routes_and_points_in_the_readers_language():
    output = tolka(
        "compare", str(CASE), "-J", "SE-EX-A,SE-EX-C", "--date", DAY, "--lang", "sv", "--format", "markdown"
    ).stdout
    assert (
        "Varför Exempelenhet A (kommunal socialtjänst) och Exempelenhet C (kommunal socialtjänst) svarar olika"
        in output
    )
    assert "Direktkontakt – insats utan individuell behovsprövning" in output  # the route by its name
    assert "Krävs ett behovsprövat beslut för att få IPS/SEd" in output  # the point by its question
    for leftover in (
        "se.sol_direct_contact",
        "vocational_support_access_route",
        "— differs",
        "Same answer",
        " in SE-EX",
    ):
        assert leftover not in output, leftover


def test_error_messages_follow_the_language_asked_for():
    result = tolka("mandate", "ips", "-j", "SE-018", "--lang", "sv", status=2)
    assert "okänt id: ingen jurisdiktion `SE-018`" in result.stderr
    assert "tips: menade du `SE-0180` (Stockholm)" in result.stderr


def test_the_catalogue_and_the_rules_speak_the_language_asked_for():
    supports = tolka("supports", "--country", "SE", "--lang", "sv", "--format", "text").stdout
    assert "Ges av" in supports and "Arbete" in supports and "provided by" not in supports
    facts = tolka("facts", "--lang", "nb").stdout
    assert "Spørsmål" in facts and "Hva er personens fødselsdato?" in facts
    rules = tolka("rules", "--support", "ips", "--format", "markdown", "--lang", "sv").stdout
    assert "- villkor: `" in rules and "- hänvisar till: SoL" in rules and "condition:" not in rules


def test_a_national_default_is_said_in_the_readers_language():
    """'local reading unknown — national default applied' was English in Swedish output."""
    output = tolka("mandate", "ips", "-j", "SE-0180", "--date", DAY, "--lang", "sv", "--format", "markdown").stdout
    assert "Den lokala tolkningen är inte känd; den nationella utgångspunkten gäller." in output
    assert "local reading unknown" not in output and "national default" not in output
    assert ".. " not in output


def test_ask_says_what_a_valid_answer_looks_like_in_words_not_by_the_facts_id():
    """A Norwegian case worker types a date where a choice is asked, then a number where yes/no is."""
    result = subprocess.run(
        [str(TOLKA), "ask", "-j", "NO-0301", "--date", DAY, "--lang", "nb", "--max-questions", "2"],
        input="2003-05-01\n4\nkanskje\nja\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ikke et gyldig svar: skriv nummeret på ett av alternativene (1–6)" in out
    assert "Ikke et gyldig svar: svar ja eller nei" in out
    for leak in ("current_activity", "mental_health_problem", "cannot be", "is answered yes or no"):
        assert leak not in out
