"""ASGI middleware: a request body limit, and the access log (no bodies, no facts, no query strings)."""

from __future__ import annotations

import json
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tolka.boundary import decode, load_json
from tolka.errors import RequestBodyError
from tolka.i18n import translator
from tolka.model.common import Language
from tolka.server.errors import error_body
from tolka.server.language import pick_language
from tolka.server.logs import ACCESS, ERRORS, safe_traceback
from tolka.server.view import size_text

# Pages that read a body answer its being too large with a page of their own (the flag below), so a
# person keeps their case; the rest of a refused body is read and dropped first (up to this much),
# since a browser still sending a file may show a broken connection instead of an early answer.
PAGE_BODIES = frozenset({"/upload"})
DRAIN_LIMIT = 16 * 1024 * 1024
TOO_LARGE = "tolka.body_too_large"  # scope key: the body limit in bytes, set when a page's body was over it


async def _send_json(
    send: Send, status: int, kind: str, message: str, field: str | None = None, hint: str | None = None
) -> None:
    body = json.dumps(error_body([{"kind": kind, "field": field, "message": message, "hint": hint}])).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Reject a request whose body exceeds `limit` bytes with 413, before anything parses it, and a
    JSON body that is not strict JSON with 422 (the input boundary: UTF-8, no duplicate keys, no
    NaN/Infinity, no huge integers, bounded nesting, no lone surrogates).

    The body is read here (up to the limit) and replayed to the application, so a client that
    sends no Content-Length, or a false one, is held to the same limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                _ = translator(_scope_language(scope), "web")
                await _send_json(send, 400, "bad request", _("Content-Length is not a number"))
                return
            if int(declared) > self.limit:
                await self._too_large(scope, receive, send, more=int(declared) <= DRAIN_LIMIT)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away; nothing to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send, more=message.get("more_body", False), read=size)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False
        if body and scope["path"].startswith("/api/"):
            try:
                load_json(decode(body, "body", RequestBodyError), "body", RequestBodyError)
            except RequestBodyError as error:  # its `lang` cannot be read: `?lang=`, else Accept-Language
                said, hint = error.words(_scope_language(scope))
                await _send_json(send, 422, error.kind, said, field="body", hint=hint)
                return

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, more: bool, read: int = 0) -> None:
        """413: a page gets its own page (with the case kept), everything else the JSON error, in the
        request's language (`?lang=`, else Accept-Language) — the body, and its `lang`, is never read."""
        if scope["path"] not in PAGE_BODIES:
            lang = _scope_language(scope)
            _ = translator(lang, "web")
            text = _("The request body is larger than {size}, the most tolka reads.", size=size_text(self.limit, lang))
            hint = _("A case is a few hundred bytes: send only its facts.")
            await _send_json(send, 413, "request too large", text, field="body", hint=hint)
            return
        while more and read <= DRAIN_LIMIT:  # read and drop the rest, so the browser sees the answer
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            read += len(message.get("body", b""))
            more = message.get("more_body", False)

        async def empty() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        await self.app({**scope, TOO_LARGE: self.limit}, empty, send)


def _scope_language(scope: Scope) -> Language:
    """The request's language without its body: `?lang=`, else Accept-Language, else Swedish."""
    return pick_language(_query_language(scope), dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1"))


def _query_language(scope: Scope) -> str | None:
    """The `lang` of the query string, if any (the body is not read when it is too large)."""
    for part in scope.get("query_string", b"").decode("latin-1").split("&"):
        key, _, value = part.partition("=")
        if key == "lang":
            return value
    return None


class AccessLog:
    """One log line per request: method, route, status, duration and request id.

    The request id is the client's `X-Request-ID` when it is a plain token (letters, digits, `.`,
    `_`, `-`; at most 64), else a new random one; it is sent back in `X-Request-ID` so a client and
    the log can be matched without any case data.

    The route is the matched route's template (e.g. `/api/evaluate`), not the requested path, and
    never the query string: both are typed by the client and could carry personal data. An
    exception is logged with its traceback but without its message, and answered with 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start, status = time.perf_counter(), 0
        started = False
        request_id = _request_id(scope)

        async def sending(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:  # noqa: BLE001 — any bug: answer 500, log it without its message
            ERRORS.error(
                "unhandled error on %s %s id=%s: %s", scope["method"], _route(scope), request_id, safe_traceback(exc)
            )
            if not started:
                status = 500
                await _send_json(
                    send,
                    500,
                    "internal error",
                    f"tolka failed on this request (id {request_id}); the server log has the details",
                )
        duration = (time.perf_counter() - start) * 1000
        ACCESS.info("%s %s %d %.1fms id=%s", scope["method"], _route(scope), status, duration, request_id)


_TOKEN = re.compile(rb"[A-Za-z0-9._-]{1,64}")


def _request_id(scope: Scope) -> str:
    """The client's X-Request-ID if it is a plain token (never free text), else a new one."""
    given = dict(scope["headers"]).get(b"x-request-id", b"")
    return given.decode() if _TOKEN.fullmatch(given) else uuid.uuid4().hex[:16]


def _route(scope: Scope) -> str:
    """The matched route's template, a mount's prefix (e.g. `/static/…`), or `(no route)`."""
    path = getattr(scope.get("route"), "path", None)  # the router sets `route` once a route matched
    if path:
        return str(path)
    mounted = scope.get("root_path", "")[len(scope.get("app_root_path", "")) :]  # set by a mount
    return f"{mounted}/…" if mounted else "(no route)"
