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
    assert "'2006-02-30' är inte ett datum som finns" in result.stderr
    assert result.stdout == ""


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
    assert f"{case}:6:" in result.stderr and "'2025-02-30' är inte ett datum som finns" in result.stderr
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
        (["readings", "--point", "vocational_support_ofered"], "`vocational_support_ofered`", "`vocational_support_offered`"),
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
