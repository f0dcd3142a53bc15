"""The support catalogue: bodies that decide or provide, supports, and the routes to them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from engine.model.common import Country, Identifier, Model, Text, Validity

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


class Support(Model):
    """An entry in the catalogue."""

    id: Identifier
    name: Text
    category: Category
    country: Country
    providers: tuple[Identifier, ...]
    description: Text
    counterparts: tuple[Identifier, ...] = ()
    note: Text | None = None
    verified: bool = True


class Appeal(Model):
    """Whether a decision on this route can be appealed, to which court, on what basis."""

    appealable: bool
    to: Text | None = None
    cites: tuple[Identifier, ...] = ()
    note: Text | None = None

    @model_validator(mode="after")
    def _court_named(self) -> "Appeal":
        if self.appealable and self.to is None:
            raise ValueError("an appealable decision must name the court or body it is appealed to (`to`)")
        return self


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
    statuses: tuple[str, ...] = ("eligible", "eligible_after_decision", "eligible_after_application", "undetermined")


class TeamRole(Model):
    """A role in the team around the person (an IPS team, the services that meet in it)."""

    id: Identifier
    name: Text
    country: Country
    description: Text
    tasks: tuple[TeamTask, ...]
    source: str
