"""Bad input, answered as 4xx JSON that names the field: `{"error": {kind, field, message, hint}}`.

A field is a path into the request: a body key (`date`), a fact of the case (`case.birth_date`),
an item of a list (`jurisdictions.1`) or a query parameter (`support`).
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from tolka.errors import Phrase, TolkaError
from tolka.i18n import N_, translator
from tolka.load.schema_messages import problem_phrase
from tolka.model.common import Language
from tolka.server.heavy import Busy
from tolka.server.language import LANGUAGES, pick_language


class InputError(Exception):
    """A value a client sent that tolka cannot use, with the field it came from.

    The message and the hint are message ids with named `values` (or the engine's own error), worded
    in the request's language when the answer is written (`payload`); `message` and `hint` are English.
    """

    def __init__(
        self,
        field: str | None,
        message: str,
        kind: str = "invalid value",
        hint: str | None = None,
        status: int = 422,
        **values: object,
    ) -> None:
        english = Phrase(message, **values).worded()
        super().__init__(english)
        self.field, self.message, self.kind, self.status = field, english, kind, status
        self.hint = Phrase(hint, **values).worded() if hint is not None else None
        self.template, self.hint_template, self.values = message, hint, values
        self.cause: TolkaError | None = None  # the engine's error, which words itself
        self.others: list[InputError] = []  # further problems of the same request, answered together

    @classmethod
    def of(cls, error: TolkaError, field: str) -> InputError:
        """The engine's own error (unknown fact, bad value, unknown id) located at `field`."""
        located = cls(field, error.message, kind=error.kind, hint=error.hint)
        located.cause = error
        return located

    @classmethod
    def all_of(cls, errors: list[InputError]) -> InputError:
        """The first of `errors`, carrying the others: the answer lists every one."""
        first = errors[0]
        first.others = errors[1:]
        return first

    def payload(self, lang: Language = "en") -> dict[str, Any]:
        """The error as the contract writes it, message and hint in `lang` (`kind` is a stable code)."""
        if self.cause is not None:
            message, hint = self.cause.words(lang)
        else:
            _ = translator(lang, "web")
            message = Phrase(self.template, **self.values).worded(_)
            hint = Phrase(self.hint_template, **self.values).worded(_) if self.hint_template is not None else None
        return {"kind": self.kind, "field": self.field, "message": message, "hint": hint}


async def request_language(request: Request) -> Language:
    """The language an error is worded in: the body's `lang` when it is one of the three, else
    `?lang=`, else Accept-Language, else Swedish (as the requests' `lang` defaults)."""
    asked: object = request.query_params.get("lang")
    if request.method == "POST":
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            body = None
        if isinstance(body, dict) and body.get("lang") in LANGUAGES:
            asked = body["lang"]
    return pick_language(asked if isinstance(asked, str) else None, request.headers.get("accept-language"))


def error_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The error contract: the first problem under `error`, all of them under `errors`."""
    return {"error": errors[0], "errors": errors}


def _field(location: tuple) -> str | None:
    # FastAPI locations start with where the value came from ("body", "query"); the rest is the
    # path, where pydantic also names the member of a union it tried (`list[str]`, `literal['all']`).
    path = [str(part) for part in location[1:] if not (isinstance(part, str) and "[" in part)]
    return ".".join(path) if path else None


async def input_error(request: Request, exc: InputError) -> JSONResponse:
    lang = await request_language(request)
    payloads = [exc.payload(lang)] + [other.payload(lang) for other in exc.others]
    return JSONResponse(error_body(payloads), status_code=exc.status)


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # The client's values are not echoed back (FastAPI's default handler would repeat `input`), and
    # pydantic's English is replaced by the catalogue's sentences (as for rule files' schema errors).
    _ = translator(await request_language(request), "web")
    by_field: dict[str | None, dict[str, Any]] = {}
    for e in exc.errors():
        if e["type"] == "json_invalid":  # its location is a character offset, not a field
            by_field["body"] = {
                "kind": "invalid JSON",
                "field": "body",
                "message": _(N_("the body is not valid JSON")),
                "hint": _(N_("send a JSON object")),
            }
            continue
        field = _field(tuple(e["loc"]))
        message = problem_phrase(e, echo=False).worded(_)
        if field in by_field:  # each member of a union failed: one error saying what would do
            by_field[field]["message"] += _(N_("; or: {alternative}"), alternative=message)
        else:
            by_field[field] = {"kind": "invalid request", "field": field, "message": message, "hint": None}
    errors = list(by_field.values())
    return JSONResponse(error_body(errors), status_code=422)


async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
    kind = {404: "not found", 405: "method not allowed", 413: "request too large"}.get(exc.status_code, "http error")
    body = error_body([{"kind": kind, "field": None, "message": str(exc.detail), "hint": None}])
    return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def busy_error(_request: Request, exc: Busy) -> JSONResponse:
    body = error_body([{"kind": "busy", "field": None, "message": exc.message, "hint": None}])
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(exc.retry_after)})
