"""The JSON API (every endpoint, good and bad input, the body limit) and the page, in process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.web.conftest import TOLKA
from tolka.cli.app import default_rulebook

REPO = Path(__file__).resolve().parents[2]
CASE_FILE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
DAY = "2025-09-01"


def amira() -> dict:
    """The example case as JSON-ready data (dates as ISO strings)."""
    data = YAML(typ="safe", pure=True).load(CASE_FILE.read_text(encoding="utf-8"))
    return {name: (value.isoformat() if hasattr(value, "isoformat") else value) for name, value in data.items()}


def outcome(data: dict, support: str) -> dict:
    return next(o for o in data["outcomes"] if o["support"] == support)


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error", "errors"} and body["errors"][0] == body["error"]
    return body["error"]


# --- POST /api/evaluate ---------------------------------------------------------------------------


def test_every_problem_of_a_case_is_answered_at_once_in_the_language_asked(client):
    case = {"birth_date": "2030-01-01", "goal": "flying", "lacks_money": True, "current_activity": "upper_secondary"}
    response = client.post("/api/evaluate", json={"case": case, "date": DAY, "lang": "sv"})
    assert response.status_code == 422
    fields = sorted(e["field"] for e in response.json()["errors"])
    # a value not allowed, an unknown fact, and born after the evaluation date — all three
    assert fields == ["case.birth_date", "case.goal", "case.lacks_money"]
    born = next(e for e in response.json()["errors"] if e["field"] == "case.birth_date")
    assert "2030-01-01" in born["message"] and DAY in born["message"]


def test_facts_unusual_together_are_answered_with_a_warning(client):
    # Gymnasieskolan after a completed upper secondary education is possible (a second programme), but
    # worth a second look: the answer is given, with the warning in the language asked.
    case = {"current_activity": "upper_secondary", "completed_upper_secondary": True, "birth_date": "2006-03-14"}
    response = client.post("/api/evaluate", json={"case": case, "date": DAY, "jurisdiction": "SE-EX-C", "lang": "nb"})
    assert response.status_code == 200
    warnings = response.json()["warnings"]
    assert [w["facts"] for w in warnings] == [["current_activity", "completed_upper_secondary"]]
    plain = client.post("/api/evaluate", json={"case": {"birth_date": "2006-03-14"}, "date": DAY})
    assert "warnings" not in plain.json()


# --- the API answers what the CLI's --format json prints, byte for byte --------------------------

SAME_AS_CLI = [
    (
        ["evaluate", str(CASE_FILE), "-j", "SE-EX-C", "--date", DAY, "--plan"],
        ("post", "/api/evaluate", {"json": {"case": "amira", "jurisdiction": "SE-EX-C", "date": DAY, "plan": True}}),
    ),
    (
        ["compare", str(CASE_FILE), "-J", "SE-EX-A,SE-EX-C", "--date", DAY],
        ("post", "/api/compare", {"json": {"case": "amira", "jurisdictions": ["SE-EX-A", "SE-EX-C"], "date": DAY}}),
    ),
    (
        ["compare", str(CASE_FILE), "-J", "SE-EX-C,NO-0301", "--date", DAY],
        ("post", "/api/compare", {"json": {"case": "amira", "jurisdictions": ["SE-EX-C", "NO-0301"], "date": DAY}}),
    ),
    (
        ["brief", str(CASE_FILE), "-j", "SE-EX-C", "--date", DAY, "--lang", "sv"],
        ("post", "/api/brief", {"json": {"case": "amira", "jurisdiction": "SE-EX-C", "date": DAY, "lang": "sv"}}),
    ),
    (
        ["mandate", "ips", "-j", "SE-EX-C", "--date", DAY],
        ("get", "/api/mandate", {"params": {"support": "ips", "jurisdiction": "SE-EX-C", "date": DAY}}),
    ),
    (
        ["readings", "--kind", "example_unit", "--date", DAY],
        ("get", "/api/readings", {"params": {"kind": "example_unit", "date": DAY}}),
    ),
    (["supports", "--country", "SE"], ("get", "/api/supports", {"params": {"country": "SE"}})),
]


@pytest.mark.parametrize(
    ("command", "request_"), SAME_AS_CLI, ids=[" ".join(c[0][:1] + c[0][2:4]) for c in SAME_AS_CLI]
)
def test_the_api_answers_what_the_cli_prints(client, subprocess_env, command, request_):
    cli = subprocess.run(
        [str(TOLKA), "--rulebook", str(default_rulebook()), *command, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=subprocess_env,
    )
    assert cli.returncode == 0, cli.stderr
    method, path, arguments = request_
    if "json" in arguments:
        arguments = {"json": {**arguments["json"], "case": amira()}}
    response = getattr(client, method)(path, **arguments)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.text == cli.stdout


def test_evaluate_cites_the_law_and_marks_the_example_unit(client):
    data = client.post("/api/evaluate", json={"case": amira(), "jurisdiction": "SE-EX-C", "date": DAY}).json()
    assert data["evaluation_date"] == DAY and data["jurisdiction"]["example"] is True
    studiehjalp = outcome(data, "studiehjalp")
    assert studiehjalp["status"] == "eligible" and studiehjalp["legal_status"] == "mandated_by_law"
    assert studiehjalp["reasons"]["rules"][0]["citations"][0]["text"] == "Studiestödslagen (1999:1395) 2 kap. 3 §"
    assert "plan" not in data and "explanations" not in data


def test_evaluate_defaults_to_the_case_home_municipality(client):
    data = client.post("/api/evaluate", json={"case": {"home_municipality": "0180"}, "date": DAY}).json()
    assert data["jurisdiction"]["id"] == "SE-0180"
    assert client.post("/api/evaluate", json={"date": DAY}).json()["jurisdiction"]["id"] == "SE"


def test_evaluate_explains_with_citations_and_what_would_change(client):
    data = client.post(
        "/api/evaluate", json={"case": amira(), "jurisdiction": "SE-EX-C", "date": DAY, "explain": True, "lang": "sv"}
    ).json()
    why = data["explanations"]["studiehjalp"]["why"]
    assert why[0]["text"] == "Studiehjälp (studiebidrag): berättigad."
    assert "Studiestödslagen (1999:1395) 2 kap. 3 §" in why[0]["cited"]
    assert all(sentence["cited"] for e in data["explanations"].values() for sentence in e["why"])
    assert any(e["would_change"] for e in data["explanations"].values())


@pytest.mark.parametrize(
    ("body", "field", "kind"),
    [
        ({"case": {"lacks_money": True}}, "case.lacks_money", "unknown fact"),
        ({"case": {"goal": "fame"}}, "case.goal", "fact value"),
        ({"case": {"birth_date": "yesterday"}}, "case.birth_date", "fact value"),
        ({"case": {"home_municipality": "9999"}}, "case.home_municipality", "unknown id"),
        ({"case": ["a list"]}, "case", "invalid request"),
        ({"jurisdiction": "SE-9999"}, "jurisdiction", "unknown id"),
        ({"date": "2025-13-01"}, "date", "invalid request"),
        ({"date": "next week"}, "date", "invalid request"),
        ({"plan": "perhaps"}, "plan", "invalid request"),
        ({"lang": "fr"}, "lang", "invalid request"),
        ({"cases": {}}, "cases", "invalid request"),
    ],
)
def test_evaluate_bad_input_names_the_field(client, body, field, kind):
    response = client.post("/api/evaluate", json=body)
    assert response.status_code == 422
    error = error_of(response)
    assert (error["field"], error["kind"]) == (field, kind)
    assert error["message"]


def test_evaluate_rejects_what_is_not_json(client):
    response = client.post("/api/evaluate", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and error_of(response)["field"] == "body"


# --- POST /api/next-questions ---------------------------------------------------------------------


def test_next_questions_rank_the_most_decisive_fact_first(client):
    body = {"case": {"birth_date": "2006-03-14"}, "jurisdictions": ["SE-EX-C"], "date": DAY, "limit": 3}
    data = client.post("/api/next-questions", json=body).json()
    questions = data["questions"]
    assert data["jurisdictions"] == ["SE-EX-C"] and len(questions) == 3
    assert questions[0]["fact"] == "current_activity" and "upper_secondary" in questions[0]["values"]
    assert questions[0]["question"]["sv"] == "Vad gör personen just nu?"
    assert [q["score"] for q in questions] == sorted((q["score"] for q in questions), reverse=True)
    skipped = client.post("/api/next-questions", json={**body, "skip": ["current_activity"]}).json()["questions"]
    assert "current_activity" not in [q["fact"] for q in skipped]


def test_next_questions_over_several_jurisdictions_and_all(client):
    data = client.post(
        "/api/next-questions", json={"case": amira(), "jurisdictions": ["SE-EX-A", "SE-0180"], "date": DAY}
    ).json()
    assert all(q["jurisdiction_count"] == 2 for q in data["questions"])
    every = client.post(
        "/api/next-questions", json={"case": amira(), "jurisdictions": "all", "date": DAY, "limit": 1}
    ).json()
    assert len(every["jurisdictions"]) > 300 and every["questions"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"jurisdictions": ["SE-EX-A", "SE-NOPE"]}, "jurisdictions.1"),
        ({"jurisdictions": []}, "jurisdictions"),
        ({"jurisdictions": "everything"}, "jurisdictions"),
        ({"skip": ["not_a_fact"]}, "skip.0"),
        ({"limit": 0}, "limit"),
        ({"case": {"goal": 3}}, "case.goal"),
    ],
)
def test_next_questions_bad_input_names_the_field(client, body, field):
    response = client.post("/api/next-questions", json={"date": DAY, **body})
    assert response.status_code == 422 and error_of(response)["field"] == field


# --- POST /api/compare ----------------------------------------------------------------------------


def test_compare_two_jurisdictions_says_why_they_differ(client):
    data = client.post(
        "/api/compare", json={"case": amira(), "jurisdictions": ["SE-EX-A", "SE-EX-C"], "date": DAY}
    ).json()
    assert data["jurisdictions"] == ["SE-EX-A", "SE-EX-C"] and data["supports"]
    assert data["why"]["first"] == "SE-EX-A" and data["why"]["second"] == "SE-EX-C"
    three = client.post(
        "/api/compare", json={"case": amira(), "jurisdictions": ["SE-EX-A", "SE-EX-B", "SE-EX-C"], "date": DAY}
    ).json()
    assert "why" not in three


def test_compare_across_countries_lines_up_counterparts(client):
    data = client.post(
        "/api/compare", json={"case": {"birth_date": "2006-03-14"}, "jurisdictions": ["SE-EX-C", "NO"], "date": DAY}
    ).json()
    assert "counterparts" in data and "why" not in data
    assert all(set(row["outcomes"]) == {"SE-EX-C", "NO"} for row in data["counterparts"])


def test_compare_bad_input_names_the_field(client):
    response = client.post("/api/compare", json={"case": amira(), "jurisdictions": ["SE-EX-A", "SE-0000"]})
    assert response.status_code == 422 and error_of(response)["field"] == "jurisdictions.1"
    missing = client.post("/api/compare", json={"case": amira()})
    assert missing.status_code == 422 and error_of(missing)["field"] == "jurisdictions"


# --- POST /api/brief ------------------------------------------------------------------------------


def test_brief_gives_each_role_its_page_in_norwegian(client):
    case = {"birth_date": "2001-04-12", "receives_aap": True, "aap_since": "2024-03-01", "work_percentage": 40}
    data = client.post(
        "/api/brief", json={"case": case, "jurisdiction": "NO-0301", "date": "2026-11-23", "lang": "nb"}
    ).json()
    roles = {r["role"]: r for r in data["roles"]}
    assert roles["no_nav_social_worker"]["name"]["nb"] == "NAV-veileder"
    assert any("siste dag 2027-02-28" in line["text"] for line in roles["no_nav_social_worker"]["know"]["economy"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"case": {"aap_since": "soon"}, "jurisdiction": "NO-0301"}, "case.aap_since"),
        ({"case": {}, "jurisdiction": "NO-9999"}, "jurisdiction"),
        ({"case": {}, "lang": "fi"}, "lang"),
    ],
)
def test_brief_bad_input_names_the_field(client, body, field):
    response = client.post("/api/brief", json=body)
    assert response.status_code == 422 and error_of(response)["field"] == field


# --- GET /api/mandate, /api/readings, /api/facts, /api/supports, /api/jurisdictions ---------------


def test_mandate(client):
    data = client.get("/api/mandate", params={"support": "ips", "jurisdiction": "SE-EX-C", "date": DAY}).json()
    assert data["support"] == "ips" and data["jurisdiction"] == "SE-EX-C" and data["evaluation_date"] == DAY
    assert data["rests_on"] and "others" in data


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"support": "flying_lessons", "jurisdiction": "SE-0180"}, "support"),
        ({"support": "ips", "jurisdiction": "SE-NOPE"}, "jurisdiction"),
        ({"jurisdiction": "SE-0180"}, "support"),
        ({"support": "ips", "jurisdiction": "SE-0180", "date": "someday"}, "date"),
    ],
)
def test_mandate_bad_input_names_the_field(client, params, field):
    response = client.get("/api/mandate", params=params)
    assert response.status_code == 422 and error_of(response)["field"] == field


def test_readings_matrix(client):
    rows = client.get("/api/readings", params={"date": DAY}).json()["jurisdictions"]
    example = next(r for r in rows if r["jurisdiction"] == "SE-EX-C")
    assert example["example"] is True and example["readings"]
    one = client.get(
        "/api/readings", params={"date": DAY, "point": next(iter(example["readings"])), "kind": "example_unit"}
    ).json()["jurisdictions"]
    assert {r["kind"] for r in one} == {"example_unit"} and all(len(r["readings"]) == 1 for r in one)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"point": "no_such_point"}, "point.0"), ({"kind": "planet"}, "kind"), ({"country": "DK"}, "country")],
)
def test_readings_bad_input_names_the_field(client, params, field):
    response = client.get("/api/readings", params=params)
    assert response.status_code == 422 and error_of(response)["field"] == field


def test_facts_supports_and_jurisdictions_are_the_cli_lists(client, web_engine):
    facts = client.get("/api/facts").json()["facts"]
    assert [f["name"] for f in facts] == list(web_engine.rulebook.facts)
    assert next(f for f in facts if f["name"] == "goal")["values"][0]["label"]["sv"]
    supports = client.get("/api/supports", params={"country": "SE", "category": "financial"}).json()["supports"]
    assert supports and {(s["country"], s["category"]) for s in supports} == {("SE", "financial")}
    assert client.get("/api/supports", params={"country": "XX"}).status_code == 422
    examples = client.get("/api/jurisdictions", params={"kind": "example_unit"}).json()["jurisdictions"]
    assert len(examples) == 6 and all(j["example"] for j in examples)


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/evaluate",
        "/api/next-questions",
        "/api/compare",
        "/api/brief",
        "/api/mandate",
        "/api/readings",
        "/api/facts",
        "/api/supports",
        "/schema/{name}.json",
    ):
        assert path in spec["paths"], path
    assert "EvaluationOut" in spec["components"]["schemas"] and "ErrorBody" in spec["components"]["schemas"]
    assert "/" not in spec["paths"]  # the page is not part of the API


def test_unknown_paths_are_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and error_of(response)["kind"] == "not found"


# --- the body limit -------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_413_before_parsing(client):
    big = json.dumps({"case": {"goal": "x" * 70_000}})
    response = client.post("/api/evaluate", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and error_of(response)["kind"] == "request too large"


def test_a_streamed_body_without_length_is_held_to_the_limit(client):
    def chunks():
        for _ in range(20):
            yield b" " * 4096

    response = client.post("/api/evaluate", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_form_over_the_limit_is_413(client):
    response = client.post("/upload", data={"state": "x" * 70_000})
    assert response.status_code == 413


def test_413_answers_in_the_requests_language_in_the_error_shape(client):
    big = json.dumps({"case": {"goal": "x" * 70_000}, "lang": "nb"})
    for headers, query, expected in (
        ({"accept-language": "nb-NO,nb;q=0.9"}, "", "større enn 64 kilobyte"),
        ({"accept-language": "en"}, "?lang=sv", "större än 64 kilobyte"),
        ({"accept-language": "en-GB"}, "", "larger than 64 kilobytes"),
    ):
        response = client.post(
            f"/api/evaluate{query}", content=big, headers={"content-type": "application/json", **headers}
        )
        assert response.status_code == 413
        body = response.json()
        assert body["errors"] == [body["error"]]
        assert body["error"]["kind"] == "request too large" and body["error"]["field"] == "body"
        assert expected in body["error"]["message"] and body["error"]["hint"]
