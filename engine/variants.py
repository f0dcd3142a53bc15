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

from tolka.case import Case
from tolka.evaluate import Engine
from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.model.outcome import Outcome
from tolka.rulebook import Rulebook

MAX_COMBINATIONS = 32


@dataclass(frozen=True)
class Variant:
    """One assignment of the missing facts/readings and the aspect's value under it."""

    facts: tuple[tuple[str, object], ...]
    readings: tuple[tuple[str, object], ...]
    value: str | None
    outcome: Outcome


def _fact_values(rulebook: Rulebook, name: str) -> list[object] | None:
    fact = rulebook.facts[name]
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


def variants(
    engine: Engine, case: Case, jurisdiction_id: str, day: dt.date, support: str, aspect: str
) -> list[Variant] | None:
    """Every combination of the missing facts and readings, with the aspect's value; None if too many."""
    decided = engine.decide_many(case, [jurisdiction_id], day, supports=(support,))[jurisdiction_id][support]
    missing_facts, missing_readings = decided.missing_by_aspect[aspect]
    readings = resolve_readings(engine.rulebook, jurisdiction_id, day)
    fact_domains: list[tuple[str, list[object]]] = []
    for name in missing_facts:
        domain = _fact_values(engine.rulebook, name)
        if domain is None:
            return None
        fact_domains.append((name, domain))
    reading_domains: list[tuple[str, list[str | int | float]]] = [
        (point, list(engine.rulebook.points[point].value_ids)) for point in missing_readings
    ]
    sizes = [len(v) for _, v in fact_domains + reading_domains]
    if not sizes or _product(sizes) > MAX_COMBINATIONS:
        return None
    out = []
    for fact_values in itertools.product(*(values for _, values in fact_domains)):
        assigned = case
        for (name, _), value in zip(fact_domains, fact_values, strict=True):
            assigned = assigned.with_fact(name, value)
        for reading_values in itertools.product(*(values for _, values in reading_domains)):
            swapped: dict[str, ResolvedReading] = dict(readings)
            for (point, _), value in zip(reading_domains, reading_values, strict=True):
                swapped[point] = ResolvedReading(point, value, "local", jurisdiction_id)
            outcome = engine.evaluate(assigned, jurisdiction_id, day, readings=swapped, supports=(support,)).outcomes[0]
            out.append(
                Variant(
                    tuple(zip((n for n, _ in fact_domains), fact_values, strict=True)),
                    tuple(zip((p for p, _ in reading_domains), reading_values, strict=True)),
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


@dataclass(frozen=True)
class Rule:
    """A row of a compressed decision table: each condition is a set of values (all = any)."""

    conditions: tuple[tuple[str, frozenset], ...]  # name → allowed values (facts, and `reading(p)` for readings)
    value: str | None


def compress(found: list[Variant], rulebook: Rulebook) -> list[Rule]:
    """Merge variants that differ in one condition and give the same value; drop conditions that allow anything."""
    names = (
        [name for name, _ in found[0].facts] + [f"reading({point})" for point, _ in found[0].readings] if found else []
    )
    domains = {
        **{name: frozenset(_fact_values(rulebook, name) or []) for name, _ in (found[0].facts if found else ())},
        **{f"reading({p})": frozenset(rulebook.points[p].value_ids) for p, _ in (found[0].readings if found else ())},
    }
    rows = {(tuple(frozenset([v]) for _, v in variant.facts + variant.readings), variant.value) for variant in found}
    merged = True
    while merged:
        merged = False
        for cells, value in sorted(rows, key=repr):
            for index in range(len(cells)):
                partners = [
                    (other, v)
                    for other, v in rows
                    if v == value
                    and other != cells
                    and all(o == c for i, (o, c) in enumerate(zip(other, cells, strict=True)) if i != index)
                ]
                if partners:
                    other = partners[0][0]
                    union = cells[:index] + (cells[index] | other[index],) + cells[index + 1 :]
                    rows -= {(cells, value), (other, value)}
                    rows.add((union, value))
                    merged = True
                    break
            if merged:
                break
    out = []
    for cells, value in sorted(rows, key=lambda row: (str(row[1]), repr(row[0]))):
        conditions = tuple(
            (name, allowed) for name, allowed in zip(names, cells, strict=True) if allowed != domains[name]
        )
        out.append(Rule(conditions, value))
    return out
