"""What an answer depends on: enumerate the missing facts and readings an aspect turns on.

When an aspect of a support is undetermined, the answer depends on facts (or readings) that are
not known. For a few of them, trying every value shows exactly how: "for people with a
schizophrenia-like condition → recommended by national guidance; otherwise → discretionary". The
manager view and the explanations use this; it never changes what is decided.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from engine.case import Case
from engine.evaluate import Engine
from engine.jurisdictions import ResolvedReading, resolve_readings
from engine.model.outcome import Outcome

MAX_COMBINATIONS = 32


@dataclass(frozen=True)
class Variant:
    """One assignment of the missing facts/readings and the aspect's value under it."""

    facts: tuple[tuple[str, object], ...]
    readings: tuple[tuple[str, object], ...]
    value: str | None
    outcome: Outcome


def _fact_values(engine: Engine, name: str) -> list[object] | None:
    fact = engine.rulebook.facts[name]
    if fact.type == "bool":
        return [True, False]
    if fact.type == "enum":
        return list(fact.value_ids)
    return None  # dates and numbers have no small domain


def aspect_value(outcome: Outcome, aspect: str) -> str | None:
    if aspect == "status":
        return outcome.status
    if aspect == "route":
        return outcome.route.id if outcome.route else None
    return outcome.legal_status


def variants(engine: Engine, case: Case, jurisdiction_id: str, day: dt.date, support: str, aspect: str) -> list[Variant] | None:
    """Every combination of the missing facts and readings, with the aspect's value; None if too many."""
    base = next(o for o in engine.evaluate(case, jurisdiction_id, day).outcomes if o.support == support)
    readings = resolve_readings(engine.rulebook, jurisdiction_id, day)
    fact_domains = [(name, _fact_values(engine, name)) for name in base.missing_facts]
    if any(values is None for _, values in fact_domains):
        return None
    reading_domains = [(point, list(engine.rulebook.points[point].value_ids)) for point in base.missing_readings]
    sizes = [len(v) for _, v in fact_domains + reading_domains]
    if not sizes or _product(sizes) > MAX_COMBINATIONS:
        return None
    out = []
    for fact_values in itertools.product(*(values for _, values in fact_domains)):
        assigned = case
        for (name, _), value in zip(fact_domains, fact_values):
            assigned = assigned.with_fact(name, value)
        for reading_values in itertools.product(*(values for _, values in reading_domains)):
            swapped: dict[str, ResolvedReading] = dict(readings)
            for (point, _), value in zip(reading_domains, reading_values):
                swapped[point] = ResolvedReading(point, value, "local", jurisdiction_id)
            outcome = next(
                o for o in engine.evaluate(assigned, jurisdiction_id, day, readings=swapped).outcomes if o.support == support
            )
            out.append(
                Variant(
                    tuple(zip((n for n, _ in fact_domains), fact_values)),
                    tuple(zip((p for p, _ in reading_domains), reading_values)),
                    aspect_value(outcome, aspect),
                    outcome,
                )
            )
    return out


def _product(sizes: list[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total
