"""The application factory: one engine, the API and page routes, error handlers and middleware."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

import tolka as tolka
from tolka.evaluate import Engine
from tolka.server import api, contract, pages
from tolka.server.errors import InputError, busy_error, http_error, input_error, validation_error
from tolka.server.heavy import BUDGET_SECONDS, Busy, HeavyPool
from tolka.server.middleware import AccessLog, BodyLimit
from tolka.server.openapi import exact_openapi

BODY_LIMIT = 64 * 1024  # a case is a few hundred bytes; anything near this is not a case


def create_app(engine: Engine, body_limit: int = BODY_LIMIT, heavy: HeavyPool | None = None) -> FastAPI:
    """The web page and JSON API over `engine` (built once per process by the caller).

    `heavy` runs next-questions and compare; by default one thread of this process (`tolka serve`
    gives it worker processes)."""
    app = FastAPI(
        title="tolka",
        version=tolka.__version__,
        summary="Which support applies to a young adult, by which route, on what legal basis — with cited reasons.",
        description=(
            "The same answers as the `tolka` CLI's `--format json`. Bad input is answered with 4xx JSON "
            '`{"error": {kind, field, message, hint}}`. Nothing sent is stored or logged.'
        ),
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is the reference
        redoc_url=None,
        # FastAPI's built-in OpenTelemetry would record validation failures with the values sent
        # (and export them if an exporter is configured by environment): off, whatever the environment.
        telemetry={
            "tracing": False,
            "metrics": False,
            "logs": False,
            "operation_spans": False,
            "auto_configure": False,
        },
    )
    app.state.engine = engine
    # Assigning app.openapi is FastAPI's documented way to replace the schema; its stubs declare it a method.
    app.openapi = lambda: exact_openapi(app, engine.rulebook)  # type: ignore[method-assign]
    app.state.heavy = pool = heavy or HeavyPool(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pool.warm()
        yield
        pool.close()

    app.router.lifespan_context = lifespan
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(contract.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    # FastAPI's decorator form: Starlette's add_exception_handler is typed for handlers of any
    # Exception, and each of these takes only its own kind.
    app.exception_handler(InputError)(input_error)
    app.exception_handler(RequestValidationError)(validation_error)
    app.exception_handler(HTTPException)(http_error)
    app.exception_handler(Busy)(busy_error)
    # Added innermost first: the access log wraps the body limit, so a 413 is logged too.
    app.add_middleware(BodyLimit, limit=body_limit)
    app.add_middleware(AccessLog)
    return app


def app_from_environment(engine: Engine | None = None) -> FastAPI:
    """The app as `tolka serve` builds it in each server process (uvicorn's factory with --workers):
    rulebook, cache, body limit and heavy pool from `TOLKA_*` variables the command sets."""
    from tolka.cli.app import default_rulebook

    root = default_rulebook()
    use_cache = os.environ.get("TOLKA_SERVE_CACHE", "1") == "1"
    engine = engine or Engine.load(root, use_cache=use_cache)
    heavy = HeavyPool(
        engine,
        processes=int(os.environ.get("TOLKA_SERVE_HEAVY", "1")),
        root=root,
        use_cache=use_cache,
        budget=float(os.environ.get("TOLKA_SERVE_BUDGET", str(BUDGET_SECONDS))),
    )
    return create_app(engine, body_limit=int(os.environ.get("TOLKA_SERVE_BODY_LIMIT", str(BODY_LIMIT))), heavy=heavy)
