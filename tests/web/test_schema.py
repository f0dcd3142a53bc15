"""The API matches its OpenAPI schema: Schemathesis, every check, against the ASGI app in process.

Bounded (a few examples per operation) so that it runs on every CI build. The checks include server
errors, undocumented status codes, responses that do not match their schema, schema-valid requests
that are refused and schema-invalid requests that are accepted. The schema states every value the
server accepts (tolka.server.openapi); what JSON Schema cannot state — a case possible at its
evaluation date, a home municipality the rulebook has, a support of the jurisdiction's country — is
in its descriptions, and generated requests that break it are skipped here (`_expressible`).
"""

from __future__ import annotations

import datetime as dt

import schemathesis
from hypothesis import HealthCheck, given, settings

from tolka.budget import parse_scenario
from tolka.case import case_from_mapping
from tolka.errors import CaseError
from tolka.jurisdictions import default_jurisdiction
from tolka.plausible import plausibility

EXAMPLES = 10


def _expressible(engine, case) -> bool:
    """Whether a generated request keeps the constraints the schema can only describe."""
    rulebook = engine.rulebook
    query = case.query or {}
    if case.path == "/api/mandate" and query.get("support") in rulebook.supports:
        place = rulebook.jurisdictions.get(query.get("jurisdiction"))
        return place is None or rulebook.supports[query["support"]].country == place.country
    body = case.body if isinstance(case.body, dict) else {}
    facts = body.get("case", {})  # left out: the empty case
    if not isinstance(facts, dict):
        return True
    try:
        known = case_from_mapping(facts, rulebook)
    except CaseError:
        return True  # invalid on its own: the schema says so, and the server must refuse it
    day = dt.date.fromisoformat(body["date"]) if isinstance(body.get("date"), str) else dt.date.today()
    try:
        plausibility(known, rulebook, day)
        if body.get("jurisdiction") is None and body.get("jurisdictions") is None:
            default_jurisdiction(known, rulebook)
        for scenario in body.get("budget_if") or []:
            # A what-if must name facts of the vocabulary with allowed values and stay possible.
            changes = parse_scenario(scenario)
            changed = {k: v for k, v in facts.items() if k not in changes}
            changed.update({k: v for k, v in changes.items() if v != ""})
            plausibility(case_from_mapping(changed, rulebook), rulebook, day)
    except CaseError:
        return False
    return True


def _cheap(case) -> bool:
    """CI's bound: next-questions and compare over at most 3 jurisdictions (every one is seconds of CPU)."""
    body = case.body if isinstance(case.body, dict) else {}
    which = body.get("jurisdictions")
    return not (which == "all" or (isinstance(which, list) and len(which) > 3))


def test_api_matches_its_schema(shipped_engine):
    from tolka.server import create_app

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(shipped_engine))
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy().filter(lambda case: _cheap(case) and _expressible(shipped_engine, case)))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case) -> None:
            case.call_and_validate(timeout=120)

        try:
            check()
        except BaseException as failure:  # noqa: BLE001 — collected, so every operation is checked
            if isinstance(failure, (KeyboardInterrupt, SystemExit)):
                raise
            failures.append(f"{operation.label}: {str(failure)[:700]}")
    assert not failures, "\n\n".join(failures)
