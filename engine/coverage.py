"""Coverage and freshness: how far a comparison of jurisdictions can be trusted.

For each interpretation point, how many real jurisdictions have a sourced reading of their own in
force on the evaluation date, how old those sources are, and how many are unverified, undated, or
not the body's own page; for each county, how many of its municipalities have one. Example units
(the study's anonymised units) are never counted as coverage: they are not real organisations.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from tolka.model.interpretation import Reading
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.source import STALE_AFTER_YEARS
from tolka.rulebook import Rulebook

# The kinds that count as real organisations with their own reading (examples excluded).
REAL_KINDS = ("region", "county", "municipality", "kommunalforbund", "samordningsforbund", "nav_office")


@dataclass(frozen=True)
class SourceFacts:
    """What coverage needs to know about one reading in force."""

    jurisdiction: str
    kind: str
    county: str | None
    point: str
    verified: bool
    origin: str
    published: dt.date | None
    age_years: float | None

    @property
    def stale(self) -> bool:
        return self.age_years is not None and self.age_years > STALE_AFTER_YEARS


@dataclass
class PointCoverage:
    """One interpretation point: who has a sourced reading of it, and how good the sources are."""

    point: str
    jurisdictions: int = 0
    municipalities: int = 0
    unverified: int = 0
    not_own_page: int = 0  # mirrors and secondary sources
    undated: int = 0
    stale: int = 0
    oldest: dt.date | None = None
    newest: dt.date | None = None
    median_age_years: float | None = None


@dataclass
class CountyCoverage:
    """One county: how many of its municipalities have a reading of their own, per point."""

    county: str
    municipalities: int
    with_reading: int = 0
    per_point: dict[str, int] = field(default_factory=dict)


@dataclass
class Coverage:
    country: str
    day: dt.date
    by_kind: dict[str, int]  # jurisdictions with ≥ 1 sourced reading in force, per kind
    municipalities: int  # all municipalities of the country
    municipalities_with_reading: int
    readings: int
    points: list[PointCoverage]
    counties: list[CountyCoverage]


def _in_force(rulebook: Rulebook, place: Jurisdiction, day: dt.date, points: set[str]) -> list[Reading]:
    return [e.item for e in rulebook.readings.get(place.id, []) if e.item.in_force(day) and e.item.point in points]


def _facts(place: Jurisdiction, reading: Reading, day: dt.date) -> SourceFacts:
    return SourceFacts(
        jurisdiction=place.id,
        kind=place.kind,
        county=place.county,
        point=reading.point,
        verified=reading.verified,
        origin=reading.source.origin,
        published=reading.source.published,
        age_years=reading.source.age_years(day),
    )


def _point_coverage(point: str, found: list[SourceFacts]) -> PointCoverage:
    dated = sorted(f.published for f in found if f.published is not None)
    ages = [f.age_years for f in found if f.age_years is not None]
    return PointCoverage(
        point=point,
        jurisdictions=len({f.jurisdiction for f in found}),
        municipalities=len({f.jurisdiction for f in found if f.kind == "municipality"}),
        unverified=sum(not f.verified for f in found),
        not_own_page=sum(f.origin != "own_page" for f in found),
        undated=sum(f.published is None for f in found),
        stale=sum(f.stale for f in found),
        oldest=dated[0] if dated else None,
        newest=dated[-1] if dated else None,
        median_age_years=round(statistics.median(ages), 1) if ages else None,
    )


def coverage(rulebook: Rulebook, country: str, day: dt.date, points: list[str] | None = None) -> Coverage:
    """Coverage of the country's interpretation points on `day` (all points, or those named)."""
    point_ids = points or [p.id for p in rulebook.points_of(country)]
    wanted = set(point_ids)
    places = [j for j in rulebook.jurisdictions.values() if j.country == country]
    found: list[SourceFacts] = []
    for place in places:
        if place.kind not in REAL_KINDS or place.example:
            continue
        found.extend(_facts(place, r, day) for r in _in_force(rulebook, place, day, wanted))
    by_kind: dict[str, int] = {}
    for kind in REAL_KINDS:
        holders = {f.jurisdiction for f in found if f.kind == kind}
        if holders:
            by_kind[kind] = len(holders)
    municipalities = [j for j in places if j.kind == "municipality"]
    counties: dict[str, CountyCoverage] = {}
    for place in municipalities:
        name = place.county or "—"
        counties.setdefault(name, CountyCoverage(name, 0)).municipalities += 1
    for name, county in counties.items():
        mine = [f for f in found if f.kind == "municipality" and (f.county or "—") == name]
        county.with_reading = len({f.jurisdiction for f in mine})
        county.per_point = {p: len({f.jurisdiction for f in mine if f.point == p}) for p in point_ids}
    return Coverage(
        country=country,
        day=day,
        by_kind=by_kind,
        municipalities=len(municipalities),
        municipalities_with_reading=by_kind.get("municipality", 0),
        readings=len(found),
        points=[_point_coverage(p, [f for f in found if f.point == p]) for p in point_ids],
        counties=sorted(counties.values(), key=lambda c: c.county),
    )
