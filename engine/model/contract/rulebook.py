"""The contract of the rulebook's listings: the readings matrix, jurisdictions, rules, facts, supports,
parameters, limits and reading coverage."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tolka.model.catalogue import Category
from tolka.model.common import Country, Text, Validity
from tolka.model.contract.base import Output, ResolvedReadingOut
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.outcome import Citation, Versioned
from tolka.model.vocabulary import Fact


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
    source_title: str | None = Field(default=None, description="The source's title, as its publisher wrote it.")
    source_note: str | None = Field(
        default=None,
        description="What is known of the source's date (and how it was read), in the language asked for.",
    )


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
