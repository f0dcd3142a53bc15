"""Any case document is either a case or a user error; any API body is answered below 500."""

from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import HealthCheck, given, settings

from tests.property.strategies import hostile_bodies, hostile_cases
from tolka.case import case_from_mapping
from tolka.errors import CaseError

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

FACTS = ["birth_date", "work_percentage", "years_insured_in_norway", "current_activity", "mental_health_problem"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=hostile_cases(FACTS))
def test_a_case_document_is_a_case_or_a_user_error(shipped_engine, document):
    try:
        case_from_mapping(document, shipped_engine.rulebook)
    except CaseError as error:
        assert len(error.render()) < 4000


@pytest.fixture(scope="module")
def client(shipped_engine):
    from tolka.server import create_app

    with TestClient(create_app(shipped_engine), raise_server_exceptions=False) as test_client:
        yield test_client


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=hostile_bodies(FACTS))
def test_an_api_body_is_never_a_server_error(client, body):
    data = json.dumps(body, allow_nan=True, default=str)
    response = client.post("/api/evaluate", content=data, headers={"content-type": "application/json"})
    assert response.status_code < 500, response.text[:300]
