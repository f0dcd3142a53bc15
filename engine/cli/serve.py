"""`tolka serve`: the web page and JSON API, served by uvicorn in one process."""

from __future__ import annotations

import logging
import logging.config

import click

from tolka.cli.app import State, cli


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
@click.pass_obj
def serve(state: State, host: str, port: int, body_limit: int) -> None:
    """Start the web page (Swedish and English) and the JSON API (OpenAPI at /openapi.json).

    One process, one engine: durable_rules is process-global, so the server never forks workers.
    Requests are logged as method, route, status and duration only — no bodies, no facts, no
    query strings.
    """
    import uvicorn

    from tolka.server import create_app
    from tolka.server.logs import log_config

    app = create_app(state.engine, body_limit=body_limit)  # rulebook errors surface here, before listening
    logging.config.dictConfig(log_config())  # before uvicorn, which is told not to configure logging
    logging.getLogger("tolka.server").info(
        "tolka on http://%s:%d/ — rulebook %s", host, port, state.rulebook.fingerprint
    )
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=None, server_header=False)
