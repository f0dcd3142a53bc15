"""What a population's supports cost: amounts per jurisdiction and support, and per reading.

For every jurisdiction × support with an amount calculation, the persons who are eligible (by any
route) and whose amount is exact are counted with their amounts per month (a year is 12 months,
52 weeks or 13 four-week periods); eligible persons whose amount is a range or unknown are counted
apart, never as 0. Amounts are kept as a count per distinct value in öre/øre, which adds up across
chunks exactly, so the total and the median are exact.

The *cost of a reading*: for a jurisdiction whose reading of a point differs from the national
default, the same persons are evaluated with that one reading set to the default (a counterfactual
amount situation, as tolka.population.differences does for answers); the difference of the
totals is what the jurisdiction's reading costs (or saves) per month, and the persons whose amount
changes are counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from tolka.amount_calculation import PAYS
from tolka.backends.vector.amounts import AmountSession, AmountSituation, amount_situation
from tolka.backends.vector.backend import Plan, Session
from tolka.expr.money import PERIODS_PER_YEAR
from tolka.jurisdictions import resolve_readings
from tolka.rulebook import Rulebook

CENTS = 100


@dataclass(frozen=True)
class Cause:
    """A jurisdiction's reading of a point, against the national default, for one support's amount."""

    jurisdiction: str
    support: str
    point: str
    actual: int  # index of the jurisdiction's amount situation
    default: int  # index of the same situation with the point read as the national default


@dataclass(frozen=True)
class AmountPlan:
    """The run's distinct amount situations, which jurisdiction × support uses which, and the causes."""

    situations: tuple[AmountSituation, ...]
    index: dict[tuple[str, str], int]  # (jurisdiction, support) → position in `situations`
    causes: tuple[Cause, ...]

    @classmethod
    def build(cls, rulebook: Rulebook, plan: Plan) -> AmountPlan | None:
        """None when no support of the run has an amount calculation."""
        situations: dict[AmountSituation, int] = {}
        index: dict[tuple[str, str], int] = {}
        causes: list[Cause] = []
        defaults: dict[str, dict] = {}
        for jurisdiction in plan.jurisdictions:
            country = rulebook.jurisdictions[jurisdiction].country
            if country not in defaults:
                defaults[country] = {p: r.value for p, r in resolve_readings(rulebook, country, plan.day).items()}
            for support in plan.supports[jurisdiction]:
                found = amount_situation(rulebook, jurisdiction, support, plan.day)
                if found is None:
                    continue
                actual = index[jurisdiction, support] = situations.setdefault(found, len(situations))
                readings = dict(found.readings) | dict(found.status.readings)
                for other in found.reads:
                    readings |= dict(other.readings) | dict(other.status.readings)
                for point in found.points():
                    default = defaults[country].get(point)
                    if readings.get(point) == default:
                        continue
                    counterfactual = found.with_reading(point, default)
                    position = situations.setdefault(counterfactual, len(situations))
                    causes.append(Cause(jurisdiction, support, point, actual, position))
        if not situations:
            return None
        return cls(tuple(situations), index, tuple(causes))


@dataclass
class AmountCounts:
    """Additive over chunks: per situation, monthly amounts of eligible persons, and the inexact."""

    values: list[Counter] = field(default_factory=list)  # öre per month → persons
    inexact: list[int] = field(default_factory=list)  # eligible persons whose amount is a range or unknown
    changed: Counter = field(default_factory=Counter)  # cause position → persons whose amount the reading changes

    def add(self, other: AmountCounts) -> None:
        if not self.values:
            self.values = [Counter() for _ in other.values]
            self.inexact = [0] * len(other.inexact)
        for mine, theirs in zip(self.values, other.values, strict=True):
            mine.update(theirs)
        self.inexact = [a + b for a, b in zip(self.inexact, other.inexact, strict=True)]
        self.changed.update(other.changed)

    def total(self, situation: int) -> int:
        """Öre per month over the eligible persons with an exact amount."""
        return sum(value * count for value, count in self.values[situation].items())

    def persons(self, situation: int) -> int:
        return sum(self.values[situation].values())

    def median(self, situation: int) -> float | None:
        """The median monthly amount (the mean of the two middle values for an even count)."""
        counts = self.values[situation]
        size = sum(counts.values())
        if size == 0:
            return None
        values = sorted(counts)
        cumulative = np.cumsum([counts[v] for v in values])
        lower = values[int(np.searchsorted(cumulative, (size - 1) // 2 + 1))]
        upper = values[int(np.searchsorted(cumulative, size // 2 + 1))]
        return (lower + upper) / 2 / CENTS


def _monthly_cents(session: AmountSession, situation: AmountSituation) -> tuple[np.ndarray, np.ndarray]:
    """Per person: the exact monthly amount in öre (where eligible and exact), and which are eligible."""
    found = session.amounts(situation)
    eligible = found.applies & np.isin(found.status, list(PAYS))
    exact = eligible & found.exact
    if found.period in PERIODS_PER_YEAR:
        monthly = found.low * PERIODS_PER_YEAR[found.period] / 12
    else:  # a lump sum: counted as it stands
        monthly = found.low
    cents = np.zeros(len(monthly), dtype=np.int64)
    cents[exact] = np.round(monthly[exact] * CENTS).astype(np.int64)
    return np.where(exact, cents, -1), eligible


def chunk_amounts(session: Session, rulebook: Rulebook, plan: AmountPlan) -> AmountCounts:
    """One chunk's amount counts for every situation of the plan, and the persons each cause changes."""
    amounts = AmountSession(session, rulebook, session.backend.day)
    counts = AmountCounts([Counter() for _ in plan.situations], [0] * len(plan.situations))
    cents: dict[int, np.ndarray] = {}
    for position, situation in enumerate(plan.situations):
        values, eligible = _monthly_cents(amounts, situation)
        cents[position] = values
        exact = values >= 0
        found, persons = np.unique(values[exact], return_counts=True)
        counts.values[position] = Counter(dict(zip(found.tolist(), persons.tolist(), strict=True)))
        counts.inexact[position] = int((eligible & ~exact).sum())
    for number, cause in enumerate(plan.causes):
        counts.changed[number] = int((cents[cause.actual] != cents[cause.default]).sum())
    return counts
