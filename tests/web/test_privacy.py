"""No personal data in any log: requests with distinctive facts, then grep everything that was logged."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI

from tests.web.conftest import TestClient
from tolka.server.middleware import AccessLog

# Values no log line would contain by chance: a birth date, a wrong enum value, a fact name and a
# query-string parameter that each look like something a person could type about themselves.
SECRETS = ("2003-07-29", "Zebulon-Quist-7731", "personnummer_200307297731", "Kvarngatan-42", "1999-02-03")


CLIENT_LOGGERS = ("httpx", "httpcore")  # the test's own HTTP client, which logs the URLs it requests


class Capture(logging.Handler):
    """Every record of every server-side logger, formatted as a handler would write it."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(CLIENT_LOGGERS):
            self.lines.append(self.format(record))


@pytest.fixture
def captured():
    root = logging.getLogger()
    handler, level = Capture(), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_no_fact_reaches_any_log(client, captured, capfd):
    case = {"birth_date": "2003-07-29", "current_activity": "upper_secondary", "goal": "studies"}
    client.post("/api/evaluate", json={"case": case, "jurisdiction": "SE-0180", "date": "2025-09-01", "plan": True})
    client.post("/api/evaluate", json={"case": {**case, "goal": "Zebulon-Quist-7731"}})
    client.post("/api/evaluate", json={"case": {"personnummer_200307297731": "Kvarngatan-42"}})
    client.post("/api/next-questions", json={"case": case, "jurisdictions": ["SE-0180"], "date": "2025-09-01"})
    client.post("/api/compare", json={"case": case, "jurisdictions": ["SE-EX-A", "SE-EX-B"], "date": "2025-09-01"})
    client.get("/api/readings", params={"county": "Kvarngatan-42", "date": "1999-02-03"})
    client.get("/?lang=sv&note=Kvarngatan-42")
    page_state = {
        "jurisdiction": "SE-EX-C",
        "date": "2025-09-01",
        "known.birth_date": "2003-07-29",
        "known.goal": "Zebulon-Quist-7731",
    }
    for view in ("/", "/report", "/brief", "/compare", "/case.yaml"):  # the page's state is in its address
        client.get(view, params=page_state)
    client.post("/upload", files={"case": ("Kvarngatan-42.yaml", b"birth_date: 2003-07-29\n")}, data={"state": ""})
    client.get("/api/Kvarngatan-42")
    client.post("/api/evaluate", content=b"Zebulon-Quist-7731" * 5000, headers={"content-type": "application/json"})
    out, err = capfd.readouterr()  # anything printed rather than logged
    logged = "\n".join(captured.lines) + out + err
    assert "tolka.server.access INFO POST /api/evaluate 200" in logged  # the access log is there …
    assert "GET (no route) 404" in logged and "POST (no route) 413" in logged
    for secret in SECRETS:  # … and carries none of what was sent
        assert secret not in logged, secret


def test_an_unhandled_error_is_logged_without_its_message(captured):
    app = FastAPI()

    @app.get("/boom")
    def boom() -> None:
        born, name = SECRETS[0], SECRETS[1]  # not literal here: the logged traceback shows this code
        raise RuntimeError(f"birth date {born} of {name}")

    app.add_middleware(AccessLog)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/boom")
    assert response.status_code == 500 and response.json()["error"]["kind"] == "internal error"
    logged = "\n".join(captured.lines)
    assert "RuntimeError" in logged and "GET /boom 500" in logged
    assert "2003-07-29" not in logged and "Zebulon" not in logged
