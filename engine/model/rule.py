"""Rules: a condition over facts and readings that concludes something about a support.

A rule's `then` sets one or more *aspects* of a support's outcome: its `status`, its `route` and its
`legal_status`. Each aspect is decided separately with the same defeasible logic (see
`tolka.resolve`): a rule that is an `exception_to` another defeats it where both apply; two
applicable rules that set an aspect differently with neither defeating the other are a conflict.
A `default` rule has no condition and applies only where no other rule for that aspect can.

A rule that concludes `not_eligible_as_a_rule` states a *main rule with an exception on individual
assessment* (huvudregel; undantag vid särskilda skäl — hovedregel; skjønn): it carries an
`assessment` saying when an assessment can grant the support anyway, which provisions leave that
room, and which facts of the case would support the exception.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field as PydanticField
from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Identifier, Model, Text, Validity
from tolka.model.limit import Limit

Status = Literal[
    "eligible",
    "eligible_after_decision",
    "eligible_after_application",
    "not_eligible",
    "not_eligible_as_a_rule",
    "not_offered",
]
STATUSES: tuple[str, ...] = get_args(Status)
LegalStatus = Literal[
    "mandated_by_law",
    "mandated_by_local_reading",
    "recommended_by_national_guidance",
    "discretionary",
    "not_offered",
]
LEGAL_STATUSES: tuple[str, ...] = get_args(LegalStatus)
ASPECTS: tuple[str, ...] = ("status", "route", "legal_status")
AS_A_RULE = "not_eligible_as_a_rule"


class Assessment(Model):
    """Where the law (or a reading) leaves room to depart from a main rule by individual assessment.

    `supported_when` is a condition over facts naming the grounds the provision or reading gives
    for the exception; the facts it reads are the *supporting facts* the answer asks about. It never
    changes the status: the assessment belongs to the deciding body, so a true condition says "the
    facts given are grounds the law names", not "eligible".
    """

    when: Text  # "an individual assessment can grant it when …"
    supported_when: str
    cites: tuple[Identifier, ...] = PydanticField(min_length=1)
    verified: bool = True


class Conclusion(Model):
    status: Status | None = None
    route: Identifier | None = None
    legal_status: LegalStatus | None = None

    @model_validator(mode="after")
    def _concludes(self) -> Conclusion:
        if self.status is None and self.route is None and self.legal_status is None:
            raise InvalidValue(N_("`then` must set at least one of status, route, legal_status"))
        return self

    def aspects(self) -> dict[str, str]:
        return {name: value for name in ASPECTS if (value := getattr(self, name)) is not None}


class Rule(Validity):
    id: Identifier
    support: Identifier
    when: str | None = None
    default: bool = False
    then: Conclusion
    cites: tuple[Identifier, ...] = PydanticField(default=())
    exception_to: tuple[Identifier, ...] = ()
    verified: bool = True
    explanation: Text | None = None
    note: Text | None = None
    limits: tuple[Limit, ...] = ()
    assessment: Assessment | None = None

    @model_validator(mode="after")
    def _condition(self) -> Rule:
        if self.default == (self.when is not None):
            raise InvalidValue(N_("a rule has either a `when` condition or `default: true`, not both or neither"))
        if self.default and self.exception_to:
            raise InvalidValue(N_("a default rule cannot be an exception to another rule"))
        if (self.then.status == AS_A_RULE) != (self.assessment is not None):
            raise InvalidValue(
                N_(
                    "a rule concluding `status: {status}` carries an `assessment` (when an individual assessment can "
                    "grant it, with `supported_when` and `cites`), and only such a rule does"
                ),
                status=AS_A_RULE,
            )
        return self
