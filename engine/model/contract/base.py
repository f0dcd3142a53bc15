"""What every output model shares: the base that refuses unknown keys, and a reading as one jurisdiction
resolves it (compare, diff and the readings matrix show it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from tolka.model.source import Source


class Output(BaseModel):
    """Base of every output model: unknown keys are a bug in the producer, never passed on."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ResolvedReadingOut(Output):
    """A reading as one jurisdiction resolves it (its own, inherited or the national default)."""

    value: str | int | float | None
    basis: str
    jurisdiction: str
    source: Source | None
    verified: bool
    stale: bool


class ReadingPairOut(Output):
    point: str
    in_first: ResolvedReadingOut | None
    in_second: ResolvedReadingOut | None
