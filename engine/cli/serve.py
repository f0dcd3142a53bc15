"""`tolka serve`: the web page and JSON API, served by uvicorn in one process."""

from __future__ import annotations

import logging
import logging.config

import click

from tolka.cli.app import State, cli


# duplicates: one click.option per flag; the option blocks look alike by necessity.
@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it local unless behind a proxy)."
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--body-limit",
    type=click.IntRange(1024),
    default=64 * 1024,
    show_default=True,
    help="Largest request body accepted, in bytes (larger: 413).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (each loads the rulebook and has its own heavy pool).",
)
@click.option(
    "--heavy-processes",
    type=click.IntRange(0, 64),
    default=1,
    show_default=True,
    help="Worker processes per server process for next-questions and compare (0: a thread instead).",
)
@click.option(
    "--heavy-budget",
    type=click.FloatRange(0.1, 600),
    default=30.0,
    show_default=True,
    help="Seconds a heavy request may take before it is answered 503.",
)
@click.pass_obj
def serve(
    state: State, host: str, port: int, body_limit: int, workers: int, heavy_processes: int, heavy_budget: float
) -> None:
    """Start the web page (Swedish, Norwegian and English) and the JSON API (OpenAPI at /openapi.json).

    Each server process has one engine. durable_rules keeps process-global state, so processes are
    spawned, never forked, and each builds its own engine (from the on-disk cache): `--workers`
    server processes, and per server process `--heavy-processes` workers that answer next-questions
    and compare off the event loop (more heavy requests at once than the pool holds: 503 with
    Retry-After). Requests are logged as request id, method, route, status and duration only — no
    bodies, no facts, no query strings.
    """
    import os

    import uvicorn

    from tolka.server.app import app_from_environment
    from tolka.server.logs import log_config

    rulebook = state.rulebook  # rulebook errors surface here, before listening
    os.environ.update(
        TOLKA_RULEBOOK=str(state.root),
        TOLKA_SERVE_CACHE="1" if state.use_cache else "0",
        TOLKA_SERVE_HEAVY=str(heavy_processes),
        TOLKA_SERVE_BUDGET=str(heavy_budget),
        TOLKA_SERVE_BODY_LIMIT=str(body_limit),
    )
    logging.config.dictConfig(log_config())
    logging.getLogger("tolka.server").info(
        "tolka on http://%s:%d/ — rulebook %s, %d process(es)", host, port, rulebook.fingerprint, workers
    )
    # One process: the engine already built here. Several: each process builds its own.
    app = app_from_environment(state.engine) if workers == 1 else "tolka.server.app:app_from_environment"
    uvicorn.run(
        app,
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config(),
        server_header=False,
        # A process building its engine holds the interpreter lock for seconds; uvicorn's default
        # 5 s health check would take that for a dead worker and restart it, again and again.
        timeout_worker_healthcheck=120,
    )
