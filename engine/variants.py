"""What an answer depends on: enumerate the missing facts and readings an aspect turns on.

When an aspect of a support is undetermined, the answer depends on facts (or readings) that are
not known. For a few of them, trying every value shows exactly how: "for people with a
schizophrenia-like condition → recommended by national guidance; otherwise → discretionary". The
manager view and the explanations use this; it never changes what is decided.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from tolka.case import Case
from tolka.decisions import SupportDecision
from tolka.evaluate import Engine
from tolka.rulebook import Rulebook
from tolka.situations import SupportSituation, TruthPattern

MAX_COMBINATIONS = 32


@dataclass(frozen=True)
class Variant:
    """One assignment of the missing facts/readings and the aspect's value under it."""

    facts: tuple[tuple[str, object], ...]
    readings: tuple[tuple[str, object], ...]
    value: str | None


def _fact_values(rulebook: Rulebook, name: str) -> list[object] | None:
    fact = rulebook.facts[name]
    if fact.type == "bool":
        return [True, False]
    if fact.type == "enum":
        return list(fact.value_ids)
    return None  # dates and numbers have no small domain


Assignment = tuple[tuple[str, object], ...]


def legal_status_variants(
    engine: Engine, case: Case, plans: Sequence[SupportSituation], day: dt.date
) -> list[tuple[SupportDecision, TruthPattern, list[Variant] | None]]:
    """Per situation: the case's decision and truth pattern, and, when the legal status is not decided,
    every combination of the missing facts and readings it waits for with the legal status under
    it (None if there are more than MAX_COMBINATIONS, or a missing fact has no small domain).

    All the combinations of all the situations are decided together (`Engine.decide_hypotheticals`):
    one case per fact assignment, one counterfactual situation per reading assignment.
    """
    rulebook = engine.rulebook
    baseline = [
        (decided[inverse[0]], patterns[inverse[0]])
        for inverse, patterns, decided in engine.decide_hypotheticals([case], plans, day)
    ]
    wanted: list[list[tuple[Assignment, Assignment]] | None] = []
    rows: dict[Assignment, int] = {}
    situations: dict[tuple[int, Assignment], int] = {}
    for position, (decided, _) in enumerate(baseline):
        missing_facts, missing_readings = decided.missing_by_aspect["legal_status"]
        fact_domains = [(name, _fact_values(rulebook, name)) for name in missing_facts]
        reading_domains = [(point, list(rulebook.points[point].value_ids)) for point in missing_readings]
        sizes = [len(v) if v is not None else 0 for _, v in fact_domains + reading_domains]
        if (
            decided.legal_status is not None
            or any(v is None for _, v in fact_domains)
            or not sizes
            or _product(sizes) > MAX_COMBINATIONS
        ):
            wanted.append(None)
            continue
        combinations: list[tuple[Assignment, Assignment]] = [
            (tuple(zip(missing_facts, facts, strict=True)), tuple(zip(missing_readings, readings, strict=True)))
            for facts in itertools.product(*(values or [] for _, values in fact_domains))
            for readings in itertools.product(*(values for _, values in reading_domains))
        ]
        for facts, readings in combinations:
            rows.setdefault(facts, len(rows))
            situations.setdefault((position, readings), len(situations))
        wanted.append(combinations)
    decided_all = []
    if situations:
        cases = []
        for facts in rows:
            assigned = case
            for name, value in facts:
                assigned = assigned.with_fact(name, value)
            cases.append(assigned)
        counterfactuals = [engine.counterfactual(plans[position], dict(readings)) for position, readings in situations]
        decided_all = engine.decide_hypotheticals(cases, counterfactuals, day)
    out: list[tuple[SupportDecision, TruthPattern, list[Variant] | None]] = []
    for position, ((decided, pattern), tried) in enumerate(zip(baseline, wanted, strict=True)):
        found: list[Variant] | None = None
        if tried is not None:
            found = []
            for facts, readings in tried:
                inverse, _, decisions = decided_all[situations[position, readings]]
                found.append(Variant(facts, readings, decisions[inverse[rows[facts]]].legal_status))
        out.append((decided, pattern, found))
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
