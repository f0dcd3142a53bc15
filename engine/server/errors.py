"""Bad input, answered as 4xx JSON that names the field: `{"error": {kind, field, message, hint}}`.

A field is a path into the request: a body key (`date`), a fact of the case (`case.birth_date`),
an item of a list (`jurisdictions.1`) or a query parameter (`support`).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from tolka.errors import TolkaError
from tolka.server.heavy import Busy


class InputError(Exception):
    """A value a client sent that tolka cannot use, with the field it came from."""

    def __init__(
        self, field: str | None, message: str, kind: str = "invalid value", hint: str | None = None, status: int = 422
    ) -> None:
        super().__init__(message)
        self.field, self.message, self.kind, self.hint, self.status = field, message, kind, hint, status
        self.others: list[InputError] = []  # further problems of the same request, answered together

    @classmethod
    def of(cls, error: TolkaError, field: str) -> InputError:
        """The engine's own error (unknown fact, bad value, unknown id) located at `field`."""
        return cls(field, error.message, kind=error.kind, hint=error.hint)

    @classmethod
    def all_of(cls, errors: list[InputError]) -> InputError:
        """The first of `errors`, carrying the others: the answer lists every one."""
        first = errors[0]
        first.others = errors[1:]
        return first

    def payload(self) -> dict[str, Any]:
        return {"kind": self.kind, "field": self.field, "message": self.message, "hint": self.hint}


def error_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The error contract: the first problem under `error`, all of them under `errors`."""
    return {"error": errors[0], "errors": errors}


def _field(location: tuple) -> str | None:
    # FastAPI locations start with where the value came from ("body", "query"); the rest is the
    # path, where pydantic also names the member of a union it tried (`list[str]`, `literal['all']`).
    path = [str(part) for part in location[1:] if not (isinstance(part, str) and "[" in part)]
    return ".".join(path) if path else None


async def input_error(_request: Request, exc: InputError) -> JSONResponse:
    return JSONResponse(error_body([exc.payload()] + [other.payload() for other in exc.others]), status_code=exc.status)


async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    # The client's values are not echoed back (FastAPI's default handler would repeat `input`).
    by_field: dict[str | None, dict[str, Any]] = {}
    for e in exc.errors():
        if e["type"] == "json_invalid":  # its location is a character offset, not a field
            by_field["body"] = {
                "kind": "invalid JSON",
                "field": "body",
                "message": e["msg"],
                "hint": "send a JSON object",
            }
            continue
        field = _field(tuple(e["loc"]))
        if field in by_field:  # each member of a union failed: one error saying what would do
            by_field[field]["message"] += f"; or: {e['msg'][0].lower()}{e['msg'][1:]}"
        else:
            by_field[field] = {"kind": "invalid request", "field": field, "message": e["msg"], "hint": None}
    errors = list(by_field.values())
    return JSONResponse(error_body(errors), status_code=422)


async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
    kind = {404: "not found", 405: "method not allowed", 413: "request too large"}.get(exc.status_code, "http error")
    body = error_body([{"kind": kind, "field": None, "message": str(exc.detail), "hint": None}])
    return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def busy_error(_request: Request, exc: Busy) -> JSONResponse:
    body = error_body([{"kind": "busy", "field": None, "message": exc.message, "hint": None}])
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(exc.retry_after)})
