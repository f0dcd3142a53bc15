"""`GET /schema/NAME.json`: the JSON Schema of each output, as committed in docs/schema/."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from tolka.errors import UnknownIdError
from tolka.schema import SCHEMAS, schema_text
from tolka.server.errors import InputError

router = APIRouter(prefix="/schema", tags=["contract"])


@router.get("/", response_model=dict[str, str])
def schema_index() -> dict[str, str]:
    """Every output that has a schema → where to fetch it."""
    return {name: f"/schema/{name}.json" for name in SCHEMAS}


@router.get("/{name}.json", response_model=None, responses={200: {"description": "A JSON Schema (2020-12)."}})
def schema(name: str) -> Response:
    """The JSON Schema of one output (`evaluate`, `compare`, … — see `GET /schema/`)."""
    try:
        text = schema_text(name)
    except UnknownIdError as error:
        raise InputError("name", error.message, kind=error.kind, hint=error.hint, status=404) from None
    return Response(text, media_type="application/schema+json")
