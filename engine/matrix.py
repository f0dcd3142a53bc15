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
    return ("—" if reading.value is None else str(reading.value)) + cell_marks(reading)


def cell_marks(reading: ResolvedReading) -> str:
    """The markers of `cell_text` alone (the text view puts them after the value's label)."""
    marks = ""
    if reading.basis in ("national_default", "no_national_position"):
        marks += DEFAULT_MARK
    if not reading.verified:
        marks += UNVERIFIED_MARK
    if reading.reading is not None and reading.reading.contested:
        marks += CONTESTED_MARK
    if reading.stale:
        marks += STALE_MARK
    return marks


def in_county(place: Jurisdiction, county: str) -> bool:
    """Whether `place` lies in `county`, given by name (`Stockholms län`, any case) or by its two-digit
    code (`01`, the first two digits of a municipality's code)."""
    return (place.county or "").lower() == county.lower() or (place.code or "")[:2] == county


def own_readings(rulebook: Rulebook, jurisdiction_id: str) -> int:
    return len(rulebook.readings.get(jurisdiction_id, []))


@dataclass(frozen=True)
class SourceFilter:
    """Which local readings a researcher trusts enough to see: verified ones, recent ones, own pages.

    A source without a date has an unknown age, so it fails any `max_age_years`.
    """

    verified_only: bool = False
    max_age_years: float | None = None
    own_page_only: bool = False

    def keeps(self, reading: ResolvedReading, day: dt.date) -> bool:
        """True for a national default, or a local reading whose source passes every criterion."""
        if reading.reading is None:
            return True
        source = reading.reading.source
        age = source.age_years(day)
        return (
            (not self.verified_only or reading.verified)
            and (self.max_age_years is None or (age is not None and age <= self.max_age_years))
            and (not self.own_page_only or source.origin == "own_page")
        )


def readings_matrix(
    rulebook: Rulebook,
    day: dt.date,
    country: str = "SE",
    points: list[str] | None = None,
    county: str | None = None,
    kind: str | None = None,
    include_all: bool = False,
    sources: SourceFilter | None = None,
) -> tuple[list[str], list[MatrixRow]]:
    """Rows: jurisdictions (by default those with a reading of their own); columns: points.

    With `sources`, local readings that fail the filter leave their cell empty, and a jurisdiction
    with no reading left that passes is not listed (unless `include_all`).
    """
    columns = points or [p.id for p in rulebook.points_of(country)]
    wanted = sources or SourceFilter()
    rows = []
    for place in rulebook.jurisdictions.values():
        if place.country != country or (kind and place.kind != kind):
            continue
        if county and not in_county(place, county):
            continue
        if not include_all and not own_readings(rulebook, place.id) and place.kind != "country":
            continue
        resolved = resolve_readings(rulebook, place.id, day)
        cells = {p: resolved[p] for p in columns if p in resolved and wanted.keeps(resolved[p], day)}
        if sources and not include_all and place.kind != "country":
            if not any(cell.basis == "local" for cell in cells.values()):
                continue
        rows.append(MatrixRow(place, cells))
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
        if county and not in_county(place, county):
            continue
        entries = rulebook.readings.get(place.id, [])
        sources = sorted({e.item.source.url or e.item.source.document or "" for e in entries})
        out.append(JurisdictionListing(place, len(entries), sources))
    return out
