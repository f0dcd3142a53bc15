"""The contract of comparisons: one case across jurisdictions (compare, with why two differ), two
jurisdictions' readings side by side, and what changes in the rulebook between two dates."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from tolka.model.contract.base import Output, ReadingPairOut
from tolka.model.outcome import Versioned


class AnswerGroupOut(Output):
    status: str
    route: str | None
    legal_status: str | None
    jurisdictions: list[str]


class PointValuesOut(Output):
    point: str
    values: dict[str, list[str]] = Field(description="Reading value → the jurisdictions that read it so.")


class ComparedAmountOut(Output):
    """An outcome's amount as compare shows it: the figure and what would settle it, without the
    calculation (`evaluate` in that jurisdiction gives the steps)."""

    value: str | None = Field(description="Exact decimal as text; null when unknown or a range.")
    low: str | None = Field(description="The lowest it can be; null: no lower bound known.")
    high: str | None = Field(description="The highest it can be; null: no upper bound known.")
    unit: str
    period: str
    from_date: str | None = None
    missing_facts: list[str]
    missing_readings: list[str]
    missing_parameters: list[str]
    last_resort: bool
    verified: bool


class AmountGroupOut(ComparedAmountOut):
    jurisdictions: list[str] = Field(description="The jurisdictions where the support has this amount.")


class SupportComparisonOut(Output):
    support: str
    differs: bool
    groups: list[AnswerGroupOut]
    points: list[PointValuesOut]
    amounts: list[AmountGroupOut] = Field(
        default_factory=list,
        description="The jurisdictions grouped by the support's amount (financial supports with a calculation;"
        " empty otherwise). Amounts can differ where the answers agree: a reading can set an amount.",
    )


class CounterpartOutcomeOut(Output):
    support: str
    status: str
    route: str | None
    legal_status: str | None
    amount: ComparedAmountOut | None = None


class CounterpartRowOut(Output):
    category: str
    outcomes: dict[str, list[CounterpartOutcomeOut]] = Field(description="Jurisdiction id → its supports here.")


class DifferingSupportOut(Output):
    support: str
    in_first: str = Field(description="The status in the first jurisdiction.")
    in_second: str = Field(description="The status in the second jurisdiction.")


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
