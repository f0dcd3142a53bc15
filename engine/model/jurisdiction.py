"""Jurisdictions: the two countries, regions, municipalities, förbund and the study's example units.

Each inherits from its parent (a municipality from its region, a region from its country) and may
bind readings and add local rules. Ids carry their country (`SE-0180`, `NO-0301`), so Swedish and
Norwegian municipality numbers never collide.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import JurisdictionId, Model, Text

JurisdictionKind = Literal[
    "country",
    "region",
    "county",
    "municipality",
    "kommunalforbund",
    "samordningsforbund",
    "nav_office",
    "example_unit",
]


class Jurisdiction(Model):
    id: JurisdictionId
    kind: JurisdictionKind
    name: str
    parent: JurisdictionId | None = None
    code: str | None = None
    county: str | None = None
    members: tuple[JurisdictionId, ...] = ()
    example: bool = False
    regional_duties: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> Jurisdiction:
        if (self.kind == "country") != (self.parent is None):
            raise InvalidValue(N_("a country has no parent; every other jurisdiction has one"))
        if (self.kind == "example_unit") != self.example:
            raise InvalidValue(N_("example units, and only they, carry `example: true`"))
        if self.members and self.kind not in ("kommunalforbund", "samordningsforbund"):
            raise InvalidValue(N_("only förbund have `members`"))
        return self

    @property
    def country(self) -> str:
        return self.id.split("-", 1)[0]
