"""Heavy requests run in a bounded pool: a full pool answers 503 with Retry-After at once, a slow
answer is cut at the time budget, and the event loop stays free meanwhile."""

from __future__ import annotations

import asyncio
import time

import pytest

from tolka.server.heavy import Busy, HeavyPool


def slow(_engine: object, seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_a_full_pool_refuses_at_once_and_frees_its_place_afterwards():
    pool = HeavyPool(engine=None, queue=0, budget=5)  # type: ignore[arg-type]

    async def scenario() -> tuple[str, float, str]:
        first = asyncio.create_task(pool.run(slow, 0.5))
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        with pytest.raises(Busy) as refused:
            await pool.run(slow, 0)
        waited = time.perf_counter() - start
        assert refused.value.retry_after > 0
        done = await first
        return done, waited, await pool.run(slow, 0)

    done, waited, again = asyncio.run(scenario())
    pool.close()
    assert done == "done" and again == "done"
    assert waited < 0.1


def test_an_answer_over_the_budget_is_a_busy_error_and_the_loop_stays_free():
    pool = HeavyPool(engine=None, queue=0, budget=0.2)  # type: ignore[arg-type]

    async def scenario() -> int:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        running = asyncio.create_task(ticker())
        with pytest.raises(Busy, match="longer than"):
            await pool.run(slow, 0.6)
        running.cancel()
        return ticks

    assert asyncio.run(scenario()) >= 10  # the loop kept running while the task slept in the pool
    pool.close()


def test_busy_is_a_documented_503_with_retry_after(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/next-questions", "/api/compare"):
        assert "503" in schema["paths"][path]["post"]["responses"]
    pool = client.app.state.heavy
    saved = pool.capacity
    pool.capacity = 0
    try:
        response = client.post("/api/compare", json={"jurisdictions": ["SE"]})
    finally:
        pool.capacity = saved
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["error"]["kind"] == "busy"
    assert response.headers["x-request-id"]
