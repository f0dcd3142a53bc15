"""Jurisdiction resolution: which reading of each interpretation point holds where and when.

A jurisdiction's reading of a point is its own reading in force on the evaluation date, else the
nearest ancestor's (a region's reading holds for its municipalities), else the national default in
force on that date. Which of these it is travels with the value, so an answer can say "local
reading unknown — national default applied" instead of pretending to know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from tolka.errors import UnknownIdError
from tolka.i18n import N_
from tolka.model.interpretation import DefaultReading, Reading, ReadingValue
from tolka.model.jurisdiction import Jurisdiction
from tolka.model.origin import Origin
from tolka.rulebook import Rulebook
from tolka.suggest import known_jurisdiction

Basis = Literal["local", "inherited", "national_default", "no_national_position"]


@dataclass(frozen=True)
class ResolvedReading:
    point: str
    value: ReadingValue | None
    basis: Basis
    jurisdiction: str  # where the reading was found (the country for a default)
    reading: Reading | None = None
    default: DefaultReading | None = None
    origin: Origin | None = None
    stale: bool = False  # the reading's source is older than STALE_AFTER_YEARS on the evaluation date

    @property
    def verified(self) -> bool:
        if self.reading is not None:
            return self.reading.verified
        return self.default.verified if self.default is not None else False

    @property
    def local_reading_unknown(self) -> bool:
        """True when the jurisdiction (below country level) has no reading of its own or inherited."""
        return self.basis in ("national_default", "no_national_position")


def jurisdiction(rulebook: Rulebook, jurisdiction_id: str, lang: str | None = None) -> Jurisdiction:
    """The jurisdiction with this id, or a `UnknownIdError` that suggests the nearest ids and names."""
    return known_jurisdiction(rulebook.jurisdictions, jurisdiction_id, lang)


def resolve_readings(rulebook: Rulebook, jurisdiction_id: str, day: dt.date) -> dict[str, ResolvedReading]:
    """Every interpretation point of the jurisdiction's country, resolved for `day`.

    A fresh dict each call (callers may swap entries); the resolution itself is computed once.
    """

    def compute() -> dict[str, ResolvedReading]:
        chain = rulebook.chain(jurisdiction(rulebook, jurisdiction_id).id)
        country = chain[-1].id
        return {point.id: _resolve_point(rulebook, chain, point.id, day) for point in rulebook.points_of(country)}

    return dict(rulebook._cached(("readings", jurisdiction_id, day), compute))


def _readings_by_point(rulebook: Rulebook, holder: str) -> dict[str, list]:
    """A jurisdiction's own readings grouped by point, file order kept (computed once)."""

    def compute() -> dict[str, list]:
        grouped: dict[str, list] = {}
        for entry in rulebook.readings.get(holder, []):
            grouped.setdefault(entry.item.point, []).append(entry)
        return grouped

    return rulebook._cached(("readings_by_point", holder), compute)


def _resolve_point(rulebook: Rulebook, chain: list[Jurisdiction], point_id: str, day: dt.date) -> ResolvedReading:
    for depth, holder in enumerate(chain):
        for entry in _readings_by_point(rulebook, holder.id).get(point_id, ()):
            if entry.item.in_force(day):
                return ResolvedReading(
                    point=point_id,
                    value=entry.item.value,
                    basis="local" if depth == 0 else "inherited",
                    jurisdiction=holder.id,
                    reading=entry.item,
                    origin=entry.origin,
                    stale=entry.item.source.is_stale(day),
                )
    default = rulebook.point_default(point_id, day)
    country = chain[-1].id
    if default is None or default.value is None:
        return ResolvedReading(point_id, None, "no_national_position", country, default=default)
    return ResolvedReading(point_id, default.value, "national_default", country, default=default)


def reading_values(resolved: dict[str, ResolvedReading]) -> dict[str, ReadingValue | None]:
    return {point: r.value for point, r in resolved.items()}


def default_jurisdiction(case, rulebook: Rulebook) -> str:
    """The jurisdiction a case belongs to: its home municipality if given, else its country."""
    country = case.facts.get("home_country", "SE")
    code = case.facts.get("home_municipality")
    if code is None:
        return country
    candidate = f"{country}-{code}"
    if candidate not in rulebook.jurisdictions:
        raise UnknownIdError(
            N_("the case's home municipality {code} ({country}) is not a jurisdiction of the rulebook"),
            hint=N_("check the code against `tolka jurisdictions`, or give the jurisdiction"),
            code=code,
            country=country,
        )
    return candidate
