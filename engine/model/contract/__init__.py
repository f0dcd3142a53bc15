"""The published JSON contract: one pydantic model per output, from which docs/schema/*.json is generated.

Every output starts with `schema_version`; a change to any model here (or to the models they
embed, such as `Evaluation`) changes the generated schemas, and tests/unit/test_contract.py then
asks for a new docs/CHANGELOG.md entry. The same thing has the same name everywhere: a list of
`Citation` objects is `citations` (never ids, never text), references shown as the text of a
sentence or line are `cited`, a day the answer holds for is `evaluation_date`, a list of reading
objects is `readings` and a number of readings is `reading_count`.

The models live in one module per family of outputs (base → case, comparison, rulebook,
population); this package gives them all under one name, `tolka.model.contract`.
"""

from __future__ import annotations

from tolka.model.contract.base import (
    Output,
    ReadingPairOut,
    ResolvedReadingOut,
)
from tolka.model.contract.case import (
    BriefLineOut,
    BriefOut,
    EvaluationOut,
    ExplanationOut,
    LegalStatusRowOut,
    MandateOut,
    NextQuestionsOut,
    PlanAssessmentOut,
    PlanOut,
    PlanStepOut,
    QuestionOut,
    RoleBriefOut,
    SentenceOut,
)
from tolka.model.contract.comparison import (
    AmountGroupOut,
    AnswerGroupOut,
    ChangeOut,
    ComparedAmountOut,
    ComparisonOut,
    CounterpartOutcomeOut,
    CounterpartRowOut,
    DateDiffOut,
    DifferenceOut,
    DifferingSupportOut,
    JurisdictionDiffOut,
    PointValuesOut,
    SupportComparisonOut,
)
from tolka.model.contract.population import (
    Count,
    PopulationRowOut,
    PopulationSummaryRowOut,
)
from tolka.model.contract.rulebook import (
    BenefitPeriodOut,
    CountyCoverageOut,
    CoverageOut,
    FactsOut,
    JurisdictionListedOut,
    JurisdictionsOut,
    LimitOut,
    LimitsOut,
    MatrixRowOut,
    ParameterRowOut,
    ParametersOut,
    PointCoverageOut,
    ReadingsOut,
    RuleOut,
    RulesOut,
    SupportOut,
    SupportsOut,
)

__all__ = [
    "AmountGroupOut",
    "AnswerGroupOut",
    "BenefitPeriodOut",
    "BriefLineOut",
    "BriefOut",
    "ChangeOut",
    "ComparedAmountOut",
    "ComparisonOut",
    "Count",
    "CounterpartOutcomeOut",
    "CounterpartRowOut",
    "CountyCoverageOut",
    "CoverageOut",
    "DateDiffOut",
    "DifferenceOut",
    "DifferingSupportOut",
    "EvaluationOut",
    "ExplanationOut",
    "FactsOut",
    "JurisdictionDiffOut",
    "JurisdictionListedOut",
    "JurisdictionsOut",
    "LegalStatusRowOut",
    "LimitOut",
    "LimitsOut",
    "MandateOut",
    "MatrixRowOut",
    "NextQuestionsOut",
    "Output",
    "ParameterRowOut",
    "ParametersOut",
    "PlanAssessmentOut",
    "PlanOut",
    "PlanStepOut",
    "PointCoverageOut",
    "PointValuesOut",
    "PopulationRowOut",
    "PopulationSummaryRowOut",
    "QuestionOut",
    "ReadingPairOut",
    "ReadingsOut",
    "ResolvedReadingOut",
    "RoleBriefOut",
    "RuleOut",
    "RulesOut",
    "SentenceOut",
    "SupportComparisonOut",
    "SupportOut",
    "SupportsOut",
]
