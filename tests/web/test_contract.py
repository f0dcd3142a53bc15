"""The API's answers validate against the same schemas as the CLI's, and `tolka serve` serves them."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from tolka.schema import SCHEMAS, json_schema

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"
DAY = "2025-09-01"


def validate(name: str, data: object) -> None:
    jsonschema.validate(data, json_schema(name), cls=jsonschema.Draft202012Validator)


def test_api_answers_validate_against_the_same_schemas(client):
    body = {"case": {"birth_date": "2006-03-14", "mental_health_problem": True}, "jurisdiction": "SE-EX-C"}
    evaluated = client.post("/api/evaluate", json={**body, "date": DAY, "plan": True, "explain": True}).json()
    validate("evaluate", evaluated)
    asked = client.post(
        "/api/next-questions", json={"case": body["case"], "jurisdictions": ["SE-EX-C"], "date": DAY, "limit": 2}
    ).json()
    validate("next-questions", asked)
    index = client.get("/schema/").json()
    assert set(index) == set(SCHEMAS)
    served = client.get("/schema/evaluate.json")
    assert served.headers["content-type"].startswith("application/schema+json")
    assert served.text == (SCHEMA_DIR / "evaluate.json").read_text(encoding="utf-8")
    assert client.get("/schema/nothing.json").status_code == 404
