"""One end-to-end test per CLI command, through the installed `tolka` console script."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOLKA = Path(sys.executable).parent / "tolka"
CASE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"


def tolka(*args: str, rulebook: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    command = [str(TOLKA)] + (["--rulebook", str(rulebook)] if rulebook else []) + list(args)
    result = subprocess.run(
        command, capture_output=True, text=True, env=dict(os.environ, LANG="en_GB.UTF-8"), timeout=120
    )
    if check:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_evaluate_json_contract():
    data = json.loads(tolka("evaluate", str(CASE), "-j", "SE-EX-A", "--date", "2025-09-01", "--format", "json").stdout)
    assert data["rulebook_fingerprint"].startswith("sha256:") and data["evaluation_date"] == "2025-09-01"
    assert data["jurisdiction"]["id"] == "SE-EX-A" and data["jurisdiction"]["example"] is True
    outcome = next(o for o in data["outcomes"] if o["support"] == "studiehjalp")
    assert set(outcome) >= {"support", "status", "route", "legal_status", "reasons", "missing_facts", "unverified"}
    assert outcome["status"] == "eligible"
    assert outcome["reasons"]["rules"][0]["citations"][0]["text"].startswith("Studiestödslagen")


def test_evaluate_text_and_markdown_show_the_same_answer():
    text = tolka("evaluate", str(CASE), "-j", "SE-EX-A", "--date", "2025-09-01", "--lang", "en").stdout
    markdown = tolka(
        "evaluate", str(CASE), "-j", "SE-EX-A", "--date", "2025-09-01", "--format", "markdown", "--lang", "en"
    ).stdout
    for output in (text, markdown):
        assert "Study allowance for upper secondary (studiehjälp)" in output
        assert "Studiestödslagen (1999:1395) 2 kap. 3 §" in output
    assert markdown.startswith("## ")


def test_evaluate_is_byte_identical_across_runs():
    args = ("evaluate", str(CASE), "-j", "SE-EX-C", "--date", "2025-09-01", "--format", "json")
    assert tolka(*args).stdout == tolka(*args).stdout


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("lacks_money: true\n", "`lacks_money` is not a fact"),
        ("goal: fame\n", "`goal` cannot be 'fame'"),
        ("birth_date: yesterday\n", "`birth_date` must be a date"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_evaluate_bad_case_exits_2_naming_the_fact(tmp_path, content, needle):
    case = tmp_path / "case.yaml"
    case.write_text(content, encoding="utf-8")
    result = tolka("evaluate", str(case), check=False)
    assert result.returncode == 2
    assert needle in result.stderr


def test_evaluate_missing_file_and_unknown_jurisdiction_exit_2(tmp_path):
    assert "cannot read the case file" in tolka("evaluate", str(tmp_path / "nope.yaml"), check=False).stderr
    result = tolka("evaluate", str(CASE), "-j", "SE-9999", check=False)
    assert result.returncode == 2 and "no jurisdiction `SE-9999`" in result.stderr


def test_check_is_clean_on_the_shipped_rulebook():
    result = tolka("check")
    lines = result.stdout.splitlines()
    assert any(line.startswith("ok:") for line in lines) and "fingerprint sha256:" in result.stdout
    assert not [line for line in lines if ": error" in line or "error(s)" in line]
    # Every kind of warning the shipped rulebook still has is explained in docs/check-warnings.md.
    explained = (REPO / "docs" / "check-warnings.md").read_text(encoding="utf-8")
    kinds = {line.split(": warning: ", 1)[1].split(":", 1)[0] for line in lines if ": warning: " in line}
    for kind in kinds:
        assert f"### {kind[0].upper()}{kind[1:]}" in explained, f"warning kind {kind!r} not explained"


def test_check_lists_every_error_with_file_and_line(mini):
    (mini / "rules" / "money.yaml").write_text(
        (mini / "rules" / "money.yaml").read_text().replace("lacks_means and", "lacks_money and"), encoding="utf-8"
    )
    (mini / "rules" / "bad.yaml").write_text("facts: [\n", encoding="utf-8")
    result = tolka("check", str(mini), check=False)
    assert result.returncode == 1
    assert "rules/money.yaml:5: unknown name: unknown fact `lacks_money`" in result.stdout
    assert "rules/bad.yaml:" in result.stdout and "YAML syntax" in result.stdout
    assert "2 error(s)" in result.stdout


def test_evaluate_refuses_a_broken_rulebook_listing_its_errors(mini):
    (mini / "rules" / "money.yaml").write_text("rules: [\n", encoding="utf-8")
    case = mini / "case.yaml"
    case.write_text("lacks_means: true\n", encoding="utf-8")
    result = tolka("evaluate", str(case), rulebook=mini, check=False)
    assert result.returncode == 1
    assert "rules/money.yaml:" in result.stderr and "error(s) in the rulebook" in result.stderr


def test_facts_lists_the_vocabulary():
    facts = json.loads(tolka("facts", "--format", "json").stdout)
    names = [f["name"] for f in facts["facts"]]
    for required in (
        "birth_date",
        "home_municipality",
        "current_activity",
        "work_capacity_reduction",
        "receives_activity_compensation",
    ):
        assert required in names
    assert "birth_date" in tolka("facts").stdout


def test_supports_lists_at_least_twenty_in_every_category():
    supports = json.loads(tolka("supports", "--country", "SE", "--format", "json").stdout)
    assert len(supports["supports"]) >= 20
    assert {s["category"] for s in supports["supports"]} == {"vocational", "educational", "financial"}
    assert "IPS" in tolka("supports").stdout


def test_rules_exports_every_rule_with_its_citation():
    data = json.loads(tolka("rules", "--format", "json").stdout)
    assert data["rules"] and all(rule["citations"] for rule in data["rules"])
    markdown = tolka("rules", "--format", "markdown").stdout
    assert "### se.fs.right" in markdown and "SoL (2025:400) 12 kap. 1 §" in markdown


def test_diff_between_dates_shows_the_sol_switch():
    data = json.loads(tolka("diff", "--from", "2025-06-30", "--to", "2025-07-01", "--format", "json").stdout)
    laws = {(c["subject"], c["change"]) for c in data["changes"] if c["kind"] == "law"}
    assert ("sol2001", "ended") in laws and ("sol2025", "entered") in laws
    citations = [c for c in data["changes"] if c["kind"] == "citation" and c["subject"] == "se.fs.right"]
    assert (
        citations
        and "SoL (2001:453) 4 kap. 1 §" in citations[0]["before"]
        and "SoL (2025:400) 12 kap. 1 §" in citations[0]["after"]
    )


def test_diff_between_two_jurisdictions():
    data = json.loads(tolka("diff", "-J", "SE-EX-A,SE-EX-C", "--date", "2025-09-01", "--format", "json").stdout)
    points = {r["point"] for r in data["readings"]}
    assert {"vocational_support_access_route", "vocational_support_mandate"} <= points


def test_jurisdictions_lists_every_municipality_and_region():
    data = json.loads(tolka("jurisdictions", "--country", "SE", "--format", "json").stdout)
    kinds = [j["kind"] for j in data["jurisdictions"]]
    assert kinds.count("municipality") == 290 and kinds.count("region") == 21
    assert kinds.count("example_unit") == 6


def test_readings_matrix_exports_csv_a_spreadsheet_can_open():
    output = tolka("readings", "--format", "csv", "--kind", "example_unit").stdout
    rows = list(csv.DictReader(io.StringIO(output)))
    assert {row["jurisdiction"] for row in rows} == {f"SE-EX-{x}" for x in "ABCDEF"}
    by_id = {row["jurisdiction"]: row for row in rows}
    assert by_id["SE-EX-A"]["vocational_support_access_route"] == "direct_contact"
    assert by_id["SE-EX-C"]["vocational_support_access_route"] == "needs_assessed_decision"


def test_mandate_answers_and_counts_other_jurisdictions():
    data = json.loads(tolka("mandate", "ips", "-j", "SE-EX-A", "--date", "2025-09-01", "--format", "json").stdout)
    assert data["legal_status"] == "mandated_by_local_reading"
    assert any(r["rule"] == "se.ips.legal_local_mandate" for r in data["rests_on"])
    assert sum(len(ids) for ids in data["others"].values()) >= 5
    assert data["without_reading"] > 200
    swedish = tolka("mandate", "ips", "-j", "SE-EX-B", "--date", "2025-09-01", "--lang", "sv").stdout
    assert "Rättslig status beror på personen eller på en lokal tolkning" in swedish
    # conditions as sentences: the question asked and the answer, not `fact = value` (issue 15, item 5)
    assert "om svaret på ”Har personen schizofreni eller ett schizofreniliknande tillstånd (psykos)?” är ja" in swedish
    assert "schizophrenia_spectrum_diagnosis" not in swedish and "reading(" not in swedish


def test_compare_all_jurisdictions_and_two_with_why():
    data = json.loads(tolka("compare", str(CASE), "-J", "all", "--date", "2025-09-01", "--format", "json").stdout)
    assert len(data["jurisdictions"]) >= 300
    ips = next(s for s in data["supports"] if s["support"] == "ips")
    assert ips["differs"] and ips["points"]
    pair = json.loads(
        tolka("compare", str(CASE), "-J", "SE-EX-A,SE-EX-C", "--date", "2025-09-01", "--format", "json").stdout
    )
    assert "vocational_support_access_route" in {r["point"] for r in pair["why"]["readings"]}
    rows = list(
        csv.DictReader(io.StringIO(tolka("compare", str(CASE), "-J", "SE-EX-A,SE-EX-C", "--format", "csv").stdout))
    )
    assert {r["jurisdiction"] for r in rows} == {"SE-EX-A", "SE-EX-C"}


def test_compare_json_and_csv_carry_the_amounts_the_table_shows():
    sara = REPO / "examples" / "cases" / "sara-22-activity-compensation-wants-to-study.yaml"
    args = ("compare", str(sara), "-J", "SE-0180,SE-EX-C", "--date", "2026-01-01", "--lang", "en")
    table = tolka(*args, "--format", "markdown").stdout
    assert "eligible after application: 12,481 SEK per month" in table
    data = json.loads(tolka(*args, "--format", "json").stdout)
    compensation = next(s for s in data["supports"] if s["support"] == "activity_compensation")
    assert compensation["amounts"] == [
        {
            "value": "12481",
            "low": "12481",
            "high": "12481",
            "unit": "SEK",
            "period": "per_month",
            "from_date": None,
            "missing_facts": [],
            "missing_readings": [],
            "missing_parameters": [],
            "last_resort": False,
            "verified": True,
            "jurisdictions": ["SE-0180", "SE-EX-C"],
        }
    ]
    rows = list(csv.DictReader(io.StringIO(tolka(*args, "--format", "csv").stdout)))
    amounts = {(r["jurisdiction"], r["support"]): (r["amount_value"], r["amount_period"]) for r in rows}
    assert amounts[("SE-EX-C", "activity_compensation")] == ("12481", "per_month")
    assert amounts[("SE-EX-C", "ips")] == ("", "")


def test_ask_runs_on_standard_input_and_saves_the_case(tmp_path):
    saved = tmp_path / "case.yaml"
    command = [str(TOLKA), "ask", "-j", "SE-EX-C", "--date", "2025-09-01", "--lang", "en", "--save", str(saved)]
    # the first question is the current activity (choice 1 = upper secondary), then "don't know", then stop
    result = subprocess.run(command, input="1\n?\nq\n", capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "What is the person doing now?" in result.stdout
    assert "Case saved to" in result.stdout
    assert "current_activity: upper_secondary" in saved.read_text()


def test_evaluate_html_report_with_plan_is_printable():
    html = tolka(
        "evaluate", str(CASE), "-j", "SE-EX-C", "--date", "2025-09-01", "--format", "html", "--plan", "--lang", "sv"
    ).stdout
    assert html.startswith("<!doctype html>") and '<html lang="sv">' in html
    assert "Handlingsplan" in html and "@media print" in html
    assert "Studiestödslagen (1999:1395) 2 kap. 3 §" in html
    assert "2006-03-14" not in html  # no personal data beyond what the outcomes need: the birth date is not echoed


IDA = REPO / "examples" / "cases" / "no-ida-24-aap.yaml"


def test_brief_gives_each_role_a_page_for_the_person():
    data = json.loads(tolka("brief", str(IDA), "-j", "NO-0301", "--date", "2026-11-23", "--format", "json").stdout)
    assert set(data["agenda"]) == {"work", "treatment", "economy", "concerns"}
    roles = {r["role"]: r for r in data["roles"]}
    assert set(roles) == {"no_employment_specialist", "no_nav_social_worker", "no_therapist"}
    economy = [line["text"] for line in roles["no_nav_social_worker"]["know"]["economy"]]
    assert any("last day 2027-02-28" in text for text in economy)
    period = next(line for line in roles["no_nav_social_worker"]["know"]["economy"] if "last day" in line["text"])
    assert period["cited"] == ["folketrygdloven § 11-12"]
    text = tolka("brief", str(IDA), "-j", "NO-0301", "--date", "2026-11-23", "--lang", "nb").stdout
    assert "NAV-veileder" in text and "Behandler" in text and "Økonomi" in text


def test_compare_one_person_in_stockholm_and_oslo(tmp_path):
    data = json.loads(
        tolka("compare", str(IDA), "-J", "SE-0180,NO-0301", "--date", "2026-11-23", "--format", "json").stdout
    )
    assert data["jurisdictions"] == ["SE-0180", "NO-0301"]
    lined_up = {
        (o["support"], p["support"])
        for row in data["counterparts"]
        for o in row["outcomes"]["SE-0180"]
        for p in row["outcomes"]["NO-0301"]
    }
    assert {
        ("activity_compensation", "no_aap"),
        ("forsorjningsstod", "no_social_assistance"),
        ("studiemedel", "no_lanekassen"),
        ("ips", "no_ips"),
    } <= lined_up
    # a fact only one country's rules read is asked only there
    sparse = tmp_path / "sparse.yaml"
    sparse.write_text("birth_date: 2002-01-01\nmental_health_problem: true\n")
    unknown = json.loads(
        tolka("compare", str(sparse), "-J", "SE-0180,NO-0301", "--date", "2026-11-23", "--format", "json").stdout
    )["still_unknown"]
    assert "insured_in_sweden" in unknown["SE-0180"] and "insured_in_sweden" not in unknown["NO-0301"]
    assert "years_insured_in_norway" in unknown["NO-0301"] and "years_insured_in_norway" not in unknown["SE-0180"]
    assert (
        "current_activity" in unknown["SE-0180"] and "current_activity" in unknown["NO-0301"]
    )  # one name for one meaning
    text = tolka("compare", str(IDA), "-J", "SE-0180,NO-0301", "--date", "2026-11-23").stdout
    assert "by counterpart" in text and "Work assessment allowance (AAP)" in text


def test_coverage_counts_sourced_readings_per_point_and_county(tmp_path):
    data = json.loads(tolka("coverage", "--country", "SE", "--date", "2026-12-02", "--format", "json").stdout)
    assert data["country"] == "SE" and data["municipalities"] == 290
    # The headline equals the municipalities that hold a reading in force on the date.
    assert data["municipalities_with_reading"] == data["jurisdictions_with_reading"]["municipality"]
    assert sum(c["with_reading"] for c in data["counties"]) == data["municipalities_with_reading"]
    assert sum(c["municipalities"] for c in data["counties"]) == 290
    studies = next(p for p in data["points"] if p["point"] == "financial_support_during_studies")
    assert studies["jurisdiction_count"] >= 1 and studies["undated"] <= studies["jurisdiction_count"]
    # Example units are not real organisations: they never count as coverage.
    assert "example_unit" not in data["jurisdictions_with_reading"]
    rows = list(csv.DictReader(io.StringIO(tolka("coverage", "--format", "csv", "--date", "2026-12-02").stdout)))
    assert {r["point"] for r in rows} >= {"financial_support_during_studies", "fs_conditions_young_adults"}
    picture = tmp_path / "coverage.png"
    text = tolka("coverage", "--lang", "sv", "--plot", str(picture), "--date", "2026-12-02").stdout
    assert "kommuner har en egen tolkning med källa" in text
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_coverage_refuses_an_unknown_point():
    result = tolka("coverage", "--point", "no_such_point", check=False)
    assert result.returncode == 2 and "no_such_point" in result.stderr


def test_readings_filter_by_confidence_and_age_of_source():
    def rows(*options: str) -> list[dict]:
        output = tolka(
            "readings",
            "--point",
            "fs_conditions_young_adults",
            "--kind",
            "municipality",
            "--format",
            "csv",
            "--date",
            "2026-12-02",
            *options,
        ).stdout
        return list(csv.DictReader(io.StringIO(output)))

    everything = rows()
    verified = rows("--verified")
    recent = rows("--max-age", "3")
    assert len(verified) < len(everything) and len(recent) < len(everything)
    # --verified drops the cells marked unverified (?), and keeps the rest as they were.
    assert not any("?" in r["fs_conditions_young_adults"] for r in verified)
    assert any("?" in r["fs_conditions_young_adults"] for r in everything)
    assert {r["jurisdiction"] for r in verified} <= {r["jurisdiction"] for r in everything}
    # An undated source has no known age: --max-age keeps only dated, recent pages.
    data = json.loads(
        tolka(
            "readings",
            "--point",
            "fs_conditions_young_adults",
            "--kind",
            "municipality",
            "--max-age",
            "3",
            "--own-page",
            "--format",
            "json",
            "--date",
            "2026-12-02",
        ).stdout
    )
    assert data["jurisdictions"]
    for row in data["jurisdictions"]:
        cell = row["readings"]["fs_conditions_young_adults"]
        assert cell["source"]["published"] >= "2023-12-02" and cell["source"]["origin"] == "own_page"
