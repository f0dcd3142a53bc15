"""`tolka serve --workers 2` runs two server processes, each started and answering; no case data is logged."""

from __future__ import annotations

import re
import time

import httpx

from tests.web.conftest import serve

ACCESS = re.compile(r"POST /api/evaluate 200 .* id=[0-9a-f]+")


def test_serve_with_two_workers_starts_two_server_processes(tmp_path, subprocess_env):
    with serve(tmp_path / "server.log", subprocess_env, "--workers", "2", "--heavy-processes", "1") as (server, _):
        case = {"birth_date": "2004-05-01", "mental_health_problem": True}
        for _ in range(20):
            answer = httpx.post(
                f"{server.url}/api/evaluate",
                json={"case": case, "jurisdiction": "SE-0180", "date": "2025-09-01"},
                timeout=60,
            )
            assert answer.status_code == 200 and answer.headers.get("x-request-id")
        # A worker writes its access line after the response has gone out, so the last line can
        # reach the log a moment after the client has its answer: wait for it (at most 10 s).
        deadline = time.monotonic() + 10
        while len(ACCESS.findall(log := server.log_text())) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
    # uvicorn's supervisor logs each worker it starts; one process alone would log a single one.
    started = set(re.findall(r"Started server process \[(\d+)\]", log))
    assert len(started) == 2, log
    assert "2 process(es)" in log
    assert len(ACCESS.findall(log)) == 20
    assert "2004-05-01" not in log  # still no case data in the log
