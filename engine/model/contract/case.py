"""The contract of answers about one case: evaluate (with plan and explanations), the next questions,
the IPS team brief, and the mandate of a support in a jurisdiction."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from tolka.model.common import Text
from tolka.model.contract.base import Output
from tolka.model.outcome import Budget, Citation, Evaluation, ReadingUsed, RuleReason, Versioned


class SentenceOut(Output):
    text: str
    cited: list[str] = Field(
        description="What the sentence rests on, as text in the language asked for: provisions, or a reading's "
        "source (URL or document, and date); never empty."
    )


class ExplanationOut(Output):
    support: str
    status: str
    why: list[SentenceOut]
    readings: list[SentenceOut]
    marks: list[SentenceOut]
    would_change: list[SentenceOut]


class PlanStepOut(Output):
    route: str
    name: Text
    body: str
    decides: Text
    supports: list[str]
    appealable: bool | None
    citations: list[Citation]
    tentative: bool = Field(description="Every support behind the step is still undetermined.")


class PlanAssessmentOut(Output):
    support: str
    when: list[Text] = Field(description="When an individual assessment can grant it (one per deciding rule).")
    route: str | None
    citations: list[Citation]
    find_out: list[str] = Field(description="Unknown facts that would support the exception.")


class PlanOut(Output):
    steps: list[PlanStepOut]
    assessments: list[PlanAssessmentOut]
    ask_person: list[str]
    ask_locally: list[str]
    team: list[dict[str, Any]]


class CaseWarningOut(Output):
    """Facts that are each valid but unusual together (e.g. in upper secondary school after completing it)."""

    facts: list[str]
    message: str


class EvaluationOut(Evaluation):
    """`tolka evaluate --format json` and `POST /api/evaluate`; `plan` and `explanations` only when asked."""

    # `POST /api/evaluate` only, when there are some (the CLI writes them on standard error)
    warnings: list[CaseWarningOut] | None = None
    plan: PlanOut | None = None
    explanations: dict[str, ExplanationOut] | None = None
    # `--budget`: the case as given, then one budget per `--if` scenario (docs/amounts.md)
    budget: list[Budget] | None = None


class QuestionOut(Output):
    fact: str
    type: str
    values: list[str]
    unit: str | None
    question: Text
    score: float = Field(description="Average number of undetermined outcomes one answer settles.")
    settles_in: int = Field(description="Jurisdictions in which some answer settles at least one outcome.")
    jurisdiction_count: int = Field(description="Jurisdictions asked about.")
    waiting: list[str] = Field(description="Supports whose outcome waits for this fact (first jurisdiction).")
    for_assessment: list[str] = Field(
        description="Supports refused as a main rule whose exception on individual assessment this fact bears on."
    )


class NextQuestionsOut(Versioned):
    """`POST /api/next-questions` (as `tolka ask` ranks them)."""

    rulebook_fingerprint: str
    evaluation_date: str
    jurisdictions: list[str]
    questions: list[QuestionOut]


class LegalStatusRowOut(Output):
    conditions: dict[str, list[str]]
    legal_status: str | None


class MandateOut(Versioned):
    """`tolka mandate --format json` and `GET /api/mandate`."""

    support: str
    jurisdiction: str
    evaluation_date: str
    rulebook_fingerprint: str
    legal_status: str | None
    legal_status_possible: list[str | None]
    mandated_by_law_possible: bool
    depends_on: list[LegalStatusRowOut]
    rests_on: list[RuleReason]
    readings: list[ReadingUsed]
    points: list[str]
    others: dict[str, list[str]] = Field(description="Summary of another answer → the jurisdictions giving it.")
    without_reading: int


class BriefLineOut(Output):
    text: str
    cited: list[str] = Field(description="What the line rests on, as text (as the brief prints it).")
    supports: list[str]


class RoleBriefOut(Output):
    role: str
    name: Text
    know: dict[str, list[BriefLineOut]]
    do: dict[str, list[BriefLineOut]]
    ask: list[str]


class BriefOut(Versioned):
    """`tolka brief --format json` and `POST /api/brief`."""

    rulebook_fingerprint: str
    evaluation_date: str
    jurisdiction: str
    agenda: dict[str, list[BriefLineOut]]
    roles: list[RoleBriefOut]
