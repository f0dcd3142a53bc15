"""The answer contract: what an evaluation returns, as JSON and to every renderer.

Field order is the output order; lists are built in a stable order (supports in catalogue order,
rules in rulebook order), so the same rulebook, case and date give byte-identical JSON.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from tolka.model.common import Text
from tolka.model.rule import Status
from tolka.model.source import Source

OutcomeStatus = Literal[Status, "undetermined", "conflict"]  # what rules set, or that they do not settle it

Role = Literal["decisive", "default", "defeated", "not_applicable", "unknown", "conflicting"]  # of a rule in an answer


# The version of the JSON contract (docs/schema/, docs/CHANGELOG.md); the Literal pins it in the
# generated schemas, so the two must name the same version.
SCHEMA_VERSION: Final = "2.0"
SchemaVersion = Literal["2.0"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Versioned(BaseModel):
    """Base of every top-level output: it starts with the contract's version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: SchemaVersion = Field(
        default=SCHEMA_VERSION, description="Version of this contract (docs/CHANGELOG.md)."
    )


class Citation(Out):
    provision: str
    text: str
    law: str
    law_kind: str
    url: str
    verified: bool


class RuleReason(Out):
    rule: str
    role: Role
    truth: Literal["true", "false", "unknown"]
    sets: dict[str, str]
    condition: str | None
    citations: list[Citation]
    verified: bool
    defeated_by: list[str] = []
    missing_facts: list[str] = []
    explanation: Text | None = None


class ReadingUsed(Out):
    point: str
    question: Text
    value: str | int | float | None
    value_label: Text | None
    basis: Literal["local", "inherited", "national_default", "no_national_position"]
    jurisdiction: str
    source: Source | None = None
    summary: Text | None = None
    detail: Text | None = None
    rests_on: list[Citation] = []
    rests_on_note: Text | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    verified: bool
    example: bool = False
    stale: bool = False
    contested: dict | None = None
    note: str | None = None


class Appeal(Out):
    appealable: bool
    to: Text | None
    citations: list[Citation]
    note: Text | None = None


class Route(Out):
    id: str
    name: Text
    kind: str
    body: str
    body_name: Text
    decides: Text
    how: Text | None = None
    appeal: Appeal | None = None
    citations: list[Citation] = []
    verified: bool


class SupportingFact(Out):
    fact: str
    question: Text
    value: str | int | float | bool | None  # as given in the case; None while unknown


class Discretion(Out):
    """A main rule with an exception on individual assessment: when the assessment can grant it."""

    rule: str
    when: Text
    citations: list[Citation]
    supporting_facts: list[SupportingFact]
    supported: Literal["true", "false", "unknown"]  # do the facts given name a ground the law gives?
    verified: bool


class AmountInput(Out):
    """What one step of a calculation read: a parameter, a fact, a reading or another support's amount."""

    kind: Literal["parameter", "fact", "reading", "amount"]
    id: str
    value: str | None  # decimal text when exactly known
    low: str | None  # the range it lies in when not exact; None: no bound that way
    high: str | None
    unit: str | None
    period: str | None
    # What a reader is shown instead of the id: the parameter's or support's name, the fact's or point's question.
    name: Text | None = None
    status: str | None = None  # for another support's amount: that support's status
    valid_from: str | None = None  # for a parameter: from when its value is in force
    source: Source | None = None
    citations: list[Citation] = []
    verified: bool = True


class AmountStep(Out):
    """One line of a calculation, with its value (or range), what it read and what it rests on."""

    id: str
    label: Text
    expression: str
    value: str | None
    low: str | None
    high: str | None
    unit: str | None
    period: str | None
    inputs: list[AmountInput]
    citations: list[Citation]


class Calculation(Out):
    """One amount calculation that applies (`true`) or may apply (`unknown`: its `when` is unknown)."""

    id: str
    applies: Literal["true", "unknown"]
    value: str | None
    low: str | None
    high: str | None
    steps: list[AmountStep]
    citations: list[Citation]
    verified: bool


class Amount(Out):
    """What a financial outcome is worth: exact (`value`) or a range (`low`–`high`), never a silent zero."""

    value: str | None  # decimal text when exact; None when unknown or a range
    low: str | None  # the lowest it can be; None: no lower bound known
    high: str | None  # the highest it can be; None: no upper bound known
    unit: str
    period: str
    from_date: str | None = None  # when it starts, if after the evaluation date
    missing_facts: list[str]  # the facts that would settle it
    missing_readings: list[str]
    missing_parameters: list[str]  # parameters with no sourced value on the evaluation date
    # The same facts, points and parameters in words (questions, names), in that order, for readers.
    missing_named: list[Text] = []
    last_resort: bool  # tops up what other supports and income leave
    calculations: list[Calculation]
    conflict: list[str] = []  # calculations that apply together, neither an exception to the other
    verified: bool


class MoneyRange(Out):
    """An amount that is exact (`value`) or lies in a range (`low`–`high`; None: no bound)."""

    value: str | None
    low: str | None
    high: str | None


class BudgetLine(Out):
    """What one body pays per month for one support, as far as the case tells."""

    support: str
    name: Text
    body: str
    body_name: Text
    status: str
    value: str | None
    low: str | None  # an undetermined support may pay nothing: its range starts at 0
    high: str | None
    unit: str
    last_resort: bool
    verified: bool


class Budget(Out):
    """The person's month: what comes from whom, own income, and what the last resort tops up."""

    changed_facts: dict[str, str | int | float | bool | None]  # empty for the case as given
    currency: str
    period: Literal["per_month"] = "per_month"
    lines: list[BudgetLine]  # other supports first, then the last-resort support that tops up
    income: MoneyRange
    total: MoneyRange
    missing_facts: list[str]
    missing_named: list[Text] = []  # the missing facts' questions, in the same order
    not_monthly: list[str]  # supports whose amount is not a flow (paid once)


class Reasons(Out):
    rules: list[RuleReason]
    readings: list[ReadingUsed]


class Outcome(Out):
    support: str
    name: Text
    category: str
    status: OutcomeStatus
    route: Route | None
    legal_status: str | None
    # the statuses still possible (one when decided), in contract order; None: no rule decides it in some case
    status_possible: list[str | None]
    legal_status_possible: list[str | None]  # likewise; None: no rule decides it in some case
    discretion: list[Discretion]  # for `not_eligible_as_a_rule`: the assessments that can grant it
    reasons: Reasons
    missing_facts: list[str]
    missing_readings: list[str]
    route_info: list[ReadingUsed]
    conflicts: list[dict]
    contested: list[str]
    unverified: bool
    unverified_items: list[str]
    amount: Amount | None = None  # financial supports with an amount calculation (docs/amounts.md)


class JurisdictionRef(Out):
    id: str
    name: str
    kind: str
    country: str
    example: bool


class Evaluation(Versioned):
    """`tolka evaluate --format json`, `POST /api/evaluate`, `tolka.api.evaluate`."""

    tolka_version: str
    rulebook_fingerprint: str
    evaluation_date: str
    jurisdiction: JurisdictionRef
    facts_given: list[str]
    outcomes: list[Outcome]
