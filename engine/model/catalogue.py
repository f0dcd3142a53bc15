"""The support catalogue: bodies that decide or provide, supports, and the routes to them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Country, Identifier, Model, Text, Validity

Category = Literal["vocational", "educational", "financial"]
RouteKind = Literal[
    "needs_assessed_decision",  # an individual decision after a needs assessment (biståndsbeslut, vedtak)
    "application",  # an application to an agency that decides (FK, CSN, AF, NAV, Lånekassen)
    "direct_contact",  # the person contacts the service; no decision (service without assessment)
    "referral",  # a referral or enrolment from health care (psychiatry) or another agency
    "school_decision",  # decided inside a school or university (rektor, examiner)
    "automatic",  # follows from another decision without a separate application
]


class Body(Model):
    """An organisation that decides on or provides support (municipality, FK, CSN, NAV …)."""

    id: Identifier
    name: Text
    country: Country
    kind: Literal["municipality", "region", "state_agency", "school", "university", "court", "association", "team"]
    url: str | None = None
    health_care: bool = False  # gives treatment: a referral through it is on the treatment agenda of a team brief


class BenefitPeriod(Validity):
    """A time limit that runs from a date the case gives, e.g. AAP's ordinary 3-year maximum."""

    start: Identifier  # a date fact, e.g. aap_since
    years: int = 0
    months: int = 0
    # the last day covered: the day before the anniversary, or the end of the month before it
    # (aktivitetsersättning is paid until the month before the 30th birthday)
    last_day: Literal["day_before", "end_of_previous_month"] = "day_before"
    label: Text
    cites: tuple[Identifier, ...]


class Support(Model):
    """An entry in the catalogue."""

    id: Identifier
    name: Text
    category: Category
    country: Country
    providers: tuple[Identifier, ...]
    description: Text
    counterparts: tuple[Identifier, ...] = ()
    periods: tuple[BenefitPeriod, ...] = ()
    note: Text | None = None
    verified: bool = True


class Appeal(Model):
    """Whether a decision on this route can be appealed, to which court, on what basis."""

    appealable: bool
    to: Text | None = None
    cites: tuple[Identifier, ...] = ()
    note: Text | None = None

    @model_validator(mode="after")
    def _court_named(self) -> Appeal:
        if self.appealable and self.to is None:
            raise InvalidValue(N_("an appealable decision must name the court or body it is appealed to (`to`)"))
        return self


# duplicates: the rulebook's route; the contract's (model.outcome.Route) adds names and citations.
class Route(Validity):
    """How a person gets a support: who to turn to, what that body decides, and the appeal."""

    id: Identifier
    name: Text
    kind: RouteKind
    body: Identifier
    decides: Text
    how: Text | None = None
    appeal: Appeal | None = None
    cites: tuple[Identifier, ...] = ()
    verified: bool = True


class TeamTask(Model):
    """What one role typically does for a person when a support is in play."""

    supports: tuple[Identifier, ...]
    task: Text
    agenda: Literal["work", "treatment", "economy"] | None = None  # default: from the supports' category
    explores: tuple[Identifier, ...] = ()  # facts whose changes the role explains for the person (what if …)
    statuses: tuple[str, ...] = ("eligible", "eligible_after_decision", "eligible_after_application", "undetermined")


# duplicates: catalogue entries are pydantic models; their field lists look alike by necessity.
class TeamRole(Model):
    """A role in the team around the person (an IPS team, the services that meet in it)."""

    id: Identifier
    name: Text
    country: Country
    description: Text
    tasks: tuple[TeamTask, ...]
    source: str
    # facts this role is the one to find out; an unknown fact no role claims is asked of every role
    # whose supports wait on it, so no question is lost
    finds_out: tuple[Identifier, ...] = ()
