"""The readings matrix and the jurisdiction list: who reads what, from which sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.model.jurisdiction import Jurisdiction
from tolka.rulebook import Rulebook

DEFAULT_MARK, UNVERIFIED_MARK, CONTESTED_MARK, STALE_MARK = "*", "?", "!", "~"


@dataclass
class MatrixRow:
    jurisdiction: Jurisdiction
    cells: dict[str, ResolvedReading]


def cell_text(reading: ResolvedReading | None) -> str:
    """A reading as a short cell: value plus markers (* national default, ? unverified, ! contested,
    ~ source over five years old)."""
    if reading is None:
        return ""
    text = "—" if reading.value is None else str(reading.value)
    marks = ""
    if reading.basis in ("national_default", "no_national_position"):
        marks += DEFAULT_MARK
    if not reading.verified:
        marks += UNVERIFIED_MARK
    if reading.reading is not None and reading.reading.contested:
        marks += CONTESTED_MARK
    if reading.stale:
        marks += STALE_MARK
    return text + marks


def own_readings(rulebook: Rulebook, jurisdiction_id: str) -> int:
    return len(rulebook.readings.get(jurisdiction_id, []))


def readings_matrix(
    rulebook: Rulebook,
    day: dt.date,
    country: str = "SE",
    points: list[str] | None = None,
    county: str | None = None,
    kind: str | None = None,
    include_all: bool = False,
) -> tuple[list[str], list[MatrixRow]]:
    """Rows: jurisdictions (by default those with a reading of their own); columns: points."""
    columns = points or [p.id for p in rulebook.points_of(country)]
    rows = []
    for place in rulebook.jurisdictions.values():
        if place.country != country or (kind and place.kind != kind):
            continue
        if county and (place.county or "").lower() != county.lower() and place.code != county:
            continue
        if not include_all and not own_readings(rulebook, place.id) and place.kind != "country":
            continue
        resolved = resolve_readings(rulebook, place.id, day)
        rows.append(MatrixRow(place, {p: resolved[p] for p in columns if p in resolved}))
    return columns, rows


@dataclass
class JurisdictionListing:
    jurisdiction: Jurisdiction
    readings: int
    sources: list[str]


def list_jurisdictions(
    rulebook: Rulebook, kind: str | None = None, county: str | None = None, country: str | None = None
) -> list[JurisdictionListing]:
    out = []
    for place in rulebook.jurisdictions.values():
        if kind and place.kind != kind or country and place.country != country:
            continue
        if county and (place.county or "").lower() != county.lower() and (place.code or "")[:2] != county:
            continue
        entries = rulebook.readings.get(place.id, [])
        sources = sorted({e.item.source.url or e.item.source.document or "" for e in entries})
        out.append(JurisdictionListing(place, len(entries), sources))
    return out
