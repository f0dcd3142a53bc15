"""Request bodies of the JSON API, and the response shapes `/openapi.json` documents.

Requests are strict (an unknown key is a 422 naming it). Responses are written by the same
functions as the CLI's `--format json`; the models here describe them for OpenAPI.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

from tolka.boundary import parse_date
from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.contract import EvaluationOut, NextQuestionsOut

CASE_EXAMPLE = {
    "birth_date": "2006-03-14",
    "mental_health_problem": True,
    "schizophrenia_spectrum_diagnosis": True,
    "current_activity": "upper_secondary",
    "completed_upper_secondary": False,
    "goal": "studies",
}

Facts = dict[str, Any]
CASE_FIELD: Any = Field(
    default_factory=dict,
    max_length=300,
    description='Fact name → value (see GET /api/facts). A missing fact, null or "unknown" is unknown, never false.',
    examples=[CASE_EXAMPLE],
)
DATE_FIELD = Field(
    None,
    description="Evaluation date YYYY-MM-DD, 1900-01-01..2199-12-31 (decides which laws and readings are in force)."
    " Default: today.",
)
# Exactly YYYY-MM-DD within the boundary's date range (1900..2199); a day that does not exist is a 422.
DATE_PATTERN = r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _iso_date(value: object) -> dt.date:
    # Before pydantic's own date parsing, which would also read 0, "1700000000" and "20000101".
    if not isinstance(value, str):
        raise InvalidValue(N_("a date is written as a text YYYY-MM-DD"))
    return parse_date(value)


IsoDate = Annotated[
    dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})
]


def _whole(value: object) -> int:
    # JSON Schema's "integer" includes 5.0; strict pydantic would refuse it, lax would take "5".
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and not value.is_integer())
    ):
        raise InvalidValue(N_("a whole number is expected"))
    return int(value)


WholeNumber = Annotated[int, BeforeValidator(_whole)]
JurisdictionId = Annotated[str, StringConstraints(min_length=1, max_length=40)]
FactNameIn = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Jurisdictions = Annotated[list[JurisdictionId], Field(min_length=1, max_length=2000)] | Literal["all"]


class StrictBody(BaseModel):
    # strict: no coercion (`"explain": 0`, `"limit": "5"` are 422s, as the schema says)
    model_config = ConfigDict(extra="forbid", strict=True)


class EvaluateRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdiction: JurisdictionId | None = Field(
        None,
        description="Jurisdiction id, e.g. SE-0180. Default: the case's home_municipality, else its country.",
        examples=["SE-EX-C"],
    )
    date: IsoDate | None = DATE_FIELD
    plan: bool = Field(False, description="Add the action plan (as `tolka evaluate --plan --format json`).")
    explain: bool = Field(
        False,
        description="Add `explanations`: per support, sentences with citations and what would change the "
        "answer (slower).",
    )
    lang: Literal["sv", "en", "nb"] = Field(
        "sv", description="Language of the explanations, the warnings and the messages about facts."
    )
    budget: bool = Field(
        False, description="Add `budget`: per month, what comes from whom and what social services top up."
    )
    budget_if: list[Annotated[str, StringConstraints(max_length=2000)]] = Field(
        [],
        max_length=10,
        description="What-if budgets beside the case's, each `fact=value,fact=value` (as `tolka evaluate --if`;"
        " an empty value makes the fact unknown). Each fact must be one of GET /api/facts with a value it"
        " allows, and the changed case must be possible at the evaluation date.",
        examples=[["current_activity=higher_education"]],
    )


# duplicates: request bodies share their fields (case, jurisdiction, date); each describes its own.
class BriefRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdiction: JurisdictionId | None = Field(
        None,
        description="Jurisdiction id, e.g. NO-0301. Default: the case's home_municipality, else its country.",
        examples=["NO-0301"],
    )
    date: IsoDate | None = DATE_FIELD
    lang: Literal["sv", "en", "nb"] = Field("sv", description="Language of the brief.")


class NextQuestionsRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdictions: Jurisdictions | None = Field(
        None,
        description="Ids, or \"all\" (every jurisdiction of the case's country). Default: the case's jurisdiction.",
    )
    date: IsoDate | None = DATE_FIELD
    limit: WholeNumber = Field(5, ge=1, le=50, description="How many questions, most decisive first.")
    skip: list[FactNameIn] = Field(
        default_factory=list,
        max_length=300,
        description='Facts answered "don\'t know": they stay unknown and are not asked again.',
    )


class CompareRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdictions: Jurisdictions = Field(
        description='Ids, or "all"; with exactly two, the answer adds `why`.', examples=[["SE-EX-A", "SE-EX-C"]]
    )
    date: IsoDate | None = DATE_FIELD


# --- responses (documentation; the output models are the contract, tolka.model.contract) -------

__all__ = ["EvaluationOut", "NextQuestionsOut"]


class ErrorOut(BaseModel):
    kind: str
    field: str | None = Field(
        description="Where the problem is: a body key, `case.<fact>`, a list item `jurisdictions.1`, or a "
        "query parameter."
    )
    message: str
    hint: str | None


class ErrorBody(BaseModel):
    error: ErrorOut
    errors: list[ErrorOut]
