"""The published JSON contract: one pydantic model per output, from which docs/schema/*.json is generated.

Every output starts with `schema_version`; a change to any model here (or to the models they
embed, such as `Evaluation`) changes the generated schemas, and tests/unit/test_contract.py then
asks for a new docs/CHANGELOG.md entry. The same thing has the same name everywhere: a list of
`Citation` objects is `citations` (never ids, never text), references shown as the text of a
sentence or line are `cited`, a day the answer holds for is `evaluation_date`, a list of reading
objects is `readings` and a number of readings is `reading_count`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from tolka.model.catalogue import Category
from tolka.model.common import Country, Text, Validity
from tolka.model.interpretation import Source
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.outcome import Budget, Citation, Evaluation, ReadingUsed, RuleReason, Versioned
from tolka.model.vocabulary import Fact


class Output(BaseModel):
    """Base of every output model: unknown keys are a bug in the producer, never passed on."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- evaluate and ask ---------------------------------------------------------------------------


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


class EvaluationOut(Evaluation):
    """`tolka evaluate --format json` and `POST /api/evaluate`; `plan` and `explanations` only when asked."""

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


# --- compare -------------------------------------------------------------------------------------


class AnswerGroupOut(Output):
    status: str
    route: str | None
    legal_status: str | None
    jurisdictions: list[str]


class PointValuesOut(Output):
    point: str
    values: dict[str, list[str]] = Field(description="Reading value → the jurisdictions that read it so.")


class SupportComparisonOut(Output):
    support: str
    differs: bool
    groups: list[AnswerGroupOut]
    points: list[PointValuesOut]


class CounterpartOutcomeOut(Output):
    support: str
    status: str
    route: str | None
    legal_status: str | None


class CounterpartRowOut(Output):
    category: str
    outcomes: dict[str, list[CounterpartOutcomeOut]] = Field(description="Jurisdiction id → its supports here.")


class ResolvedReadingOut(Output):
    """A reading as one jurisdiction resolves it (its own, inherited or the national default)."""

    value: str | int | float | None
    basis: str
    jurisdiction: str
    source: Source | None
    verified: bool
    stale: bool


class DifferingSupportOut(Output):
    support: str
    in_first: str = Field(description="The status in the first jurisdiction.")
    in_second: str = Field(description="The status in the second jurisdiction.")


class ReadingPairOut(Output):
    point: str
    in_first: ResolvedReadingOut | None
    in_second: ResolvedReadingOut | None


class DifferenceOut(Output):
    """Why two jurisdictions answer differently: the minimal set of readings that explains it."""

    first: str
    second: str
    evaluation_date: str
    differing: list[DifferingSupportOut]
    explained_by_readings: bool
    readings: list[ReadingPairOut]
    local_rules: list[str]


class ComparisonOut(Versioned):
    """`tolka compare --format json`, `POST /api/compare`, `tolka.api.compare`."""

    rulebook_fingerprint: str
    evaluation_date: str
    jurisdictions: list[str]
    supports: list[SupportComparisonOut]
    counterparts: list[CounterpartRowOut] | None = None
    still_unknown: dict[str, list[str]] | None = Field(None, description="Jurisdiction id → facts still unknown.")
    why: DifferenceOut | None = None

    @model_serializer(mode="wrap")
    def _only_what_applies(self, handler: SerializerFunctionWrapHandler):
        # No return annotation on purpose: pydantic then keeps the fields' schema for this model.
        # counterparts/still_unknown (across countries) and why (two jurisdictions) are left out,
        # not null, where they do not apply: a client tests for the key
        data = handler(self)
        for key in ("counterparts", "still_unknown", "why"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class JurisdictionDiffOut(Versioned):
    """`tolka diff -J A,B --format json`."""

    first: str
    second: str
    evaluation_date: str
    readings: list[ReadingPairOut]
    same: list[str]
    local_rules: dict[str, list[str]]


class ChangeOut(Output):
    kind: Literal["law", "provision", "rule", "citation", "route", "default", "reading", "parameter"]
    subject: str
    change: Literal["entered", "ended", "changed"]
    before: str | None
    after: str | None


class DateDiffOut(Versioned):
    """`tolka diff --from A --to B --format json`: what changes in the rulebook between two dates."""

    from_date: str
    to_date: str
    rulebook_fingerprint: str
    changes: list[ChangeOut]


# --- mandate -------------------------------------------------------------------------------------


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


# --- readings matrix and jurisdiction list -------------------------------------------------------


class MatrixRowOut(Output):
    jurisdiction: str
    name: str
    kind: str
    example: bool
    readings: dict[str, ResolvedReadingOut | None] = Field(description="Interpretation point → its reading.")


class ReadingsOut(Versioned):
    """`tolka readings --format json` and `GET /api/readings`."""

    evaluation_date: str
    points: list[str]
    jurisdictions: list[MatrixRowOut]


class JurisdictionListedOut(Jurisdiction):
    reading_count: int = Field(description="Readings recorded for this jurisdiction itself.")
    sources: list[str] = Field(description="Where its readings were found (URL or document).")


class JurisdictionsOut(Versioned):
    """`tolka jurisdictions --format json` and `GET /api/jurisdictions`."""

    jurisdictions: list[JurisdictionListedOut]


# --- the rulebook --------------------------------------------------------------------------------


class RuleOut(Output):
    id: str
    key: str
    support: str
    scope: str
    condition: str | None
    default: bool
    then: dict[str, str]
    exception_to: list[str]
    citations: list[Citation]
    valid_from: str | None
    valid_to: str | None
    verified: bool
    explanation: Text | None
    note: Text | None
    file: str


class RulesOut(Versioned):
    """`tolka rules --format json`."""

    rulebook_fingerprint: str
    rules: list[RuleOut]


class FactsOut(Versioned):
    """`tolka facts --format json` and `GET /api/facts`: the fact vocabulary."""

    rulebook_fingerprint: str
    facts: list[Fact]


class BenefitPeriodOut(Validity):
    """How long a support is paid from a date fact (see BenefitPeriod), with its citations."""

    start: str
    years: int
    months: int
    last_day: Literal["day_before", "end_of_previous_month"]
    label: Text
    citations: list[Citation]


class SupportOut(Output):
    """A support of the catalogue (tolka.model.catalogue.Support), its periods' provisions as citations."""

    id: str
    name: Text
    category: Category
    country: Country
    providers: list[str]
    description: Text
    counterparts: list[str]
    periods: list[BenefitPeriodOut]
    note: Text | None
    verified: bool


class SupportsOut(Versioned):
    """`tolka supports --format json` and `GET /api/supports`: the support catalogue."""

    rulebook_fingerprint: str
    supports: list[SupportOut]


class ParameterRowOut(Output):
    id: str
    country: str
    name: str = Field(description="In the language asked for (English when none is).")
    value: str | None = Field(description="Exact decimal as text; null when no sourced value is in force that day.")
    unit: str
    period: str
    valid_from: str | None
    valid_to: str | None
    source: str | None
    source_date: str | None = Field(description="The source's publication date, or its date note.")
    citations: list[Citation]
    verified: bool | None


class ParametersOut(Versioned):
    """`tolka parameters --format json`: the dated parameters' values in force on a day."""

    evaluation_date: str
    rulebook_fingerprint: str
    parameters: list[ParameterRowOut]


class LimitOut(Output):
    country: str
    support: str | None = Field(description="The support the rule concludes on; null for a definition.")
    rule: str = Field(description="Rule id (with @valid_from for a dated version) or `definition NAME`.")
    valid: str = Field(description="The rule's declared validity.")
    citation: Citation
    bound: Literal["from", "until", "before", "after"]
    term: str
    condition: str = Field(description="The comparison of the evaluation date the limit stands for.")
    wording: Text = Field(description="The limit as the law words it.")
    verified: bool


class LimitsOut(Versioned):
    """`tolka limits --format json`: every age and date limit, with its provision and wording."""

    rulebook_fingerprint: str
    limits: list[LimitOut]


# --- the IPS team brief --------------------------------------------------------------------------


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


# --- coverage ------------------------------------------------------------------------------------


class PointCoverageOut(Output):
    point: str
    jurisdiction_count: int = Field(description="Jurisdictions with a sourced reading of this point in force.")
    municipalities: int
    unverified: int
    not_own_page: int
    undated: int
    stale: int
    oldest: str | None
    newest: str | None
    median_age_years: float | None


class CountyCoverageOut(Output):
    county: str
    municipalities: int
    with_reading: int
    per_point: dict[str, int]


class CoverageOut(Versioned):
    """`tolka coverage --format json`."""

    country: str
    evaluation_date: str
    stale_after_years: int
    municipalities: int
    municipalities_with_reading: int
    jurisdictions_with_reading: dict[str, int] = Field(description="Jurisdiction kind → how many have a reading.")
    reading_count: int
    points: list[PointCoverageOut]
    counties: list[CountyCoverageOut]


# --- population runs -----------------------------------------------------------------------------


class PopulationRowOut(Output):
    """One row of `tolka population --out` (Parquet or CSV): a person × jurisdiction × support.

    The file's metadata carries `tolka.schema_version` (Parquet); lists are joined with "; ".
    """

    row: int = Field(description="The person's row in the people file (1 = first data row).")
    person_id: str | int | None = Field(None, description="The people file's person_id, when it has one.")
    jurisdiction: str
    support: str
    status: str
    route: str | None
    legal_status: str | None
    rules: str | None = Field(description="The deciding rules, joined with '; '.")
    readings: str | None = Field(description="point=value of the readings used, joined with '; '.")
    missing_facts: str | None
    missing_readings: str | None


Count = int | str  # a CSV cell: the number, or "" where the section has none


class PopulationSummaryRowOut(Versioned):
    """One row of `tolka population --summary` (CSV); `section` says which figures the row holds."""

    section: Literal["eligibility", "differences", "causes", "rejected", "amounts", "amount_causes"]
    jurisdiction: str
    jurisdiction_name: str
    jurisdiction_kind: str
    support: str
    support_name: str
    point: str
    persons: int
    count: int
    share: float | str
    eligible: Count
    eligible_after_decision: Count
    eligible_after_application: Count
    not_eligible: Count
    not_eligible_as_a_rule: Count
    not_offered: Count
    undetermined: Count
    conflict: Count
    amount_inexact: Count
    amount_total_per_month: float | str  # "" where the section has no amounts
    amount_median_per_month: float | str
    currency: str
    evaluation_date: str
    rulebook_fingerprint: str
