"""Building blocks shared by the file-format models: localized text, validity, identifiers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

Language = Literal["sv", "en", "nb"]
LANGUAGES: tuple[str, ...] = ("sv", "en", "nb")
Country = Literal["SE", "NO"]

# Ids are data: stable, lower-case, readable in citations and URLs.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=120)]
FactName = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$", max_length=80)]
JurisdictionId = Annotated[str, StringConstraints(pattern=r"^(SE|NO)(-[A-Z0-9]+)*$", max_length=40)]

RESERVED_WORDS = frozenset(
    {"and", "or", "not", "in", "known", "reading", "true", "false", "if", "then", "else", "param", "amount"}
)


class Model(BaseModel):
    """Strict, immutable base: unknown keys are schema errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Model):
    """A short text in Swedish, English and/or Norwegian; English is always given."""

    en: str
    sv: str | None = None
    nb: str | None = None

    def get(self, language: str) -> str:
        """The text in `language`, falling back to English."""
        return getattr(self, language, None) or self.en


def earliest(starts: list[dt.date | None]) -> dt.date | None:
    """The earliest of some periods' starts; None (open) if any period has no start."""
    known = [s for s in starts if s is not None]
    return min(known) if known and len(known) == len(starts) else None


def latest(ends: list[dt.date | None]) -> dt.date | None:
    """The latest of some periods' ends; None (open) if any period has no end."""
    known = [e for e in ends if e is not None]
    return max(known) if known and len(known) == len(ends) else None


class Validity(Model):
    """A period of force. Both ends are inclusive days; an open end is unbounded."""

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Validity:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            from tolka.errors import InvalidValue  # here: tolka.errors imports tolka.i18n, which imports this module
            from tolka.i18n import N_

            raise InvalidValue(
                N_("valid_to {valid_to} is before valid_from {valid_from}"),
                valid_to=self.valid_to,
                valid_from=self.valid_from,
            )
        return self

    def in_force(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def overlaps(self, other: Validity) -> bool:
        starts_before_other_ends = (
            other.valid_to is None or self.valid_from is None or self.valid_from <= other.valid_to
        )
        ends_after_other_starts = self.valid_to is None or other.valid_from is None or other.valid_from <= self.valid_to
        return starts_before_other_ends and ends_after_other_starts

    @property
    def period(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{start} – {end}"


def reject_reserved(name: str) -> str:
    if name in RESERVED_WORDS:
        from tolka.errors import InvalidValue  # here: tolka.errors imports tolka.i18n, which imports this module
        from tolka.i18n import N_

        raise InvalidValue(N_("`{name}` is a word of the condition language and cannot be used as a name"), name=name)
    return name


class Named(Model):
    """Mixin check for names used inside conditions."""

    @field_validator("name", check_fields=False)
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        return reject_reserved(value)
