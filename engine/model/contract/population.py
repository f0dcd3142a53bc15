"""The contract of population runs: the rows of a result file and of a summary."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tolka.model.contract.base import Output
from tolka.model.outcome import Versioned


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
    amount_total_per_year: float | str  # 12 × the month's total: what it costs a year at the evaluation date's rates
    amount_median_per_month: float | str
    currency: str
    evaluation_date: str
    rulebook_fingerprint: str
