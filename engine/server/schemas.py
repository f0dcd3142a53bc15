"""Request bodies of the JSON API, and the response shapes `/openapi.json` documents.

Requests are strict (an unknown key is a 422 naming it). Responses are written by the same
functions as the CLI's `--format json`; the models here describe them for OpenAPI.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from tolka.model.common import Text
from tolka.model.outcome import Evaluation

CASE_EXAMPLE = {
    "birth_date": "2006-03-14",
    "mental_health_problem": True,
    "schizophrenia_spectrum_diagnosis": True,
    "current_activity": "upper_secondary",
    "completed_upper_secondary": False,
    "goal": "studies",
}

Facts = dict[str, Any]
CASE_FIELD = Field(
    default_factory=dict,
    description='Fact name → value (see GET /api/facts). A missing fact, null or "unknown" is unknown, never false.',
    examples=[CASE_EXAMPLE],
)
DATE_FIELD = Field(None, description="Evaluation date (decides which laws and readings are in force). Default: today.")
Jurisdictions = list[str] | Literal["all"]


class StrictBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvaluateRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdiction: str | None = Field(
        None,
        description="Jurisdiction id, e.g. SE-0180. Default: the case's home_municipality, else its country.",
        examples=["SE-EX-C"],
    )
    date: dt.date | None = DATE_FIELD
    plan: bool = Field(False, description="Add the action plan (as `tolka evaluate --plan --format json`).")
    explain: bool = Field(
        False,
        description="Add `explanations`: per support, sentences with citations and what would change the answer (slower).",
    )
    lang: Literal["sv", "en"] = Field("sv", description="Language of the explanations.")


class BriefRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdiction: str | None = Field(
        None,
        description="Jurisdiction id, e.g. NO-0301. Default: the case's home_municipality, else its country.",
        examples=["NO-0301"],
    )
    date: dt.date | None = DATE_FIELD
    lang: Literal["sv", "en", "nb"] = Field("sv", description="Language of the brief.")


class NextQuestionsRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdictions: Jurisdictions | None = Field(
        None,
        description="Ids, or \"all\" (every jurisdiction of the case's country). Default: the case's jurisdiction.",
    )
    date: dt.date | None = DATE_FIELD
    limit: int = Field(5, ge=1, le=50, description="How many questions, most decisive first.")
    skip: list[str] = Field(
        default_factory=list, description='Facts answered "don\'t know": they stay unknown and are not asked again.'
    )


class CompareRequest(StrictBody):
    case: Facts = CASE_FIELD
    jurisdictions: Jurisdictions = Field(
        description='Ids, or "all"; with exactly two, the answer adds `why`.', examples=[["SE-EX-A", "SE-EX-C"]]
    )
    date: dt.date | None = DATE_FIELD


# --- responses (documentation) -------------------------------------------------------------------


class SentenceOut(BaseModel):
    text: str
    citations: list[str]


class ExplanationOut(BaseModel):
    support: str
    status: str
    why: list[SentenceOut]
    readings: list[SentenceOut]
    marks: list[SentenceOut]
    would_change: list[SentenceOut]


class PlanOut(BaseModel):
    steps: list[dict[str, Any]]
    assessments: list[dict[str, Any]]
    ask_person: list[str]
    ask_locally: list[str]
    team: list[dict[str, Any]]


class EvaluationOut(Evaluation):
    """The `Evaluation` contract; `plan` and `explanations` only when asked for."""

    plan: PlanOut | None = None
    explanations: dict[str, ExplanationOut] | None = None


class QuestionOut(BaseModel):
    fact: str
    type: str
    values: list[str]
    unit: str | None
    question: Text
    score: float = Field(description="Average number of undetermined outcomes one answer settles.")
    settles_in: int = Field(description="Jurisdictions in which some answer settles at least one outcome.")
    jurisdictions: int
    waiting: list[str] = Field(description="Supports whose outcome waits for this fact (first jurisdiction).")
    for_assessment: list[str] = Field(
        description="Supports refused as a main rule whose exception on individual assessment this fact bears on."
    )


class NextQuestionsOut(BaseModel):
    rulebook_fingerprint: str
    evaluation_date: str
    jurisdictions: list[str]
    questions: list[QuestionOut]


class ErrorOut(BaseModel):
    kind: str
    field: str | None = Field(
        description="Where the problem is: a body key, `case.<fact>`, a list item `jurisdictions.1`, or a query parameter."
    )
    message: str
    hint: str | None


class ErrorBody(BaseModel):
    error: ErrorOut
    errors: list[ErrorOut]
