"""An OpenAPI document that states exactly what the server accepts.

The request models describe shapes; what values are valid depends on the rulebook the server runs:
the facts of the vocabulary (with their types, values and ranges), the jurisdiction, support and
interpretation-point ids. This fills them in, so that a client (or Schemathesis) generating
requests from the schema sends only what the server accepts. What a schema cannot express is
said in the descriptions: a case must be possible at the evaluation date (born on or before it,
periods not before birth, insured years not more than the age), and `mandate` needs a support of
the jurisdiction's country.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from tolka.model.vocabulary import Fact
from tolka.rulebook import Rulebook
from tolka.schema import SCHEMAS
from tolka.server.schemas import DATE_PATTERN

PLAUSIBLE = (
    " The case must be possible at the evaluation date: born on or before it, no period starting before"
    " birth, no more insured years than the age (else 422)."
)


def fact_schema(fact: Fact) -> dict[str, Any]:
    """The JSON schema of one fact's value (null: unknown)."""
    value: dict[str, Any]
    if fact.type == "bool":
        value = {"type": "boolean"}
    elif fact.type == "enum":
        value = {"type": "string", "enum": list(fact.value_ids)}
    elif fact.type in ("integer", "number"):
        value = {"type": fact.type}
        if fact.minimum is not None:
            value["minimum"] = fact.minimum
        if fact.maximum is not None:
            value["maximum"] = fact.maximum
    elif fact.type == "date":
        value = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    else:
        value = {"type": "string", "pattern": f"^(?:{fact.pattern})$", "maxLength": 80}
    return {"anyOf": [value, {"type": "null"}]}


def _ids(values: list[str]) -> dict[str, Any]:
    return {"type": "string", "enum": sorted(values)}


def exact_openapi(app: FastAPI, rulebook: Rulebook) -> dict[str, Any]:
    """The app's OpenAPI document with the rulebook's names and ids filled in (built once)."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    jurisdiction = _ids(list(rulebook.jurisdictions))
    facts = {name: fact_schema(fact) for name, fact in rulebook.facts.items()}
    schemas = document["components"]["schemas"]
    for model in ("EvaluateRequest", "BriefRequest", "NextQuestionsRequest", "CompareRequest"):
        properties = schemas[model]["properties"]
        case = properties["case"]
        case.update(properties=facts, additionalProperties=False)
        case["description"] += PLAUSIBLE
        if "jurisdiction" in properties:
            properties["jurisdiction"]["anyOf"] = [jurisdiction, {"type": "null"}]
        if "jurisdictions" in properties:
            for option in _options(properties["jurisdictions"]):
                if option.get("type") == "array":
                    option["items"] = jurisdiction
        if "skip" in properties:
            properties["skip"]["items"] = _ids(list(rulebook.facts))
    parameters = {
        ("/api/mandate", "support"): _ids(list(rulebook.supports)),
        ("/api/mandate", "jurisdiction"): jurisdiction,
        ("/api/readings", "point"): {"type": "array", "items": _ids(list(rulebook.points))},
        ("/schema/{name}.json", "name"): _ids(list(SCHEMAS)),
    }
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                exact = parameters.get((path, parameter["name"]))
                if exact is not None:
                    parameter["schema"] = {**parameter["schema"], **exact}
    contract = document["paths"].get("/schema/{name}.json", {}).get("get")
    if contract is not None:
        contract["responses"]["200"]["content"] = {"application/schema+json": {"schema": {"type": "object"}}}
        contract["responses"]["404"] = {
            "description": "No output of that name.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
        }
    mandate = document["paths"]["/api/mandate"]["get"]
    mandate["description"] = (mandate.get("description") or "") + (
        "\n\nThe support must be one of the jurisdiction's country (else 422)."
    )
    app.openapi_schema = document
    return document


def _options(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return schema.get("anyOf") or schema.get("oneOf") or [schema]
