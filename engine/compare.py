"""Comparing jurisdictions for one case, and explaining why two of them answer differently.

`compare` evaluates a case in many jurisdictions and groups, per support, the jurisdictions that
give the same answer (status, route, legal status), so that identical answers collapse and
differences stand out; each difference is traced to the interpretation points whose readings
differ between the groups.

`why_different` finds, for two jurisdictions, a *minimal* set of differing readings that explains
every differing outcome: evaluating the case in the first jurisdiction with the second one's
readings of exactly those points reproduces all of the second one's answers, and no smaller subset
of them does. Differences that readings cannot explain come from local rules, and are named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from tolka.case import Case
from tolka.decisions import SupportDecision
from tolka.evaluate import Engine
from tolka.jurisdictions import ResolvedReading, jurisdiction, resolve_readings
from tolka.model.outcome import Amount, Evaluation, Outcome


def signature(outcome: Outcome) -> tuple[str, str | None, str | None]:
    """What counts as 'the same answer': status, route and legal status."""
    return outcome.status, outcome.route.id if outcome.route else None, outcome.legal_status


@dataclass
class AnswerGroup:
    status: str
    route: str | None
    legal_status: str | None
    jurisdictions: list[str]
    outcome: Outcome  # a representative outcome (reasons differ only in where readings come from)


@dataclass
class PointDifference:
    point: str
    values: dict[str, list[str]]  # reading value (as text) → jurisdictions reading it so


@dataclass
class SupportComparison:
    support: str
    groups: list[AnswerGroup]
    points: list[PointDifference] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return len(self.groups) > 1


class Comparison:
    """A case compared across jurisdictions: the answer groups per support.

    `evaluations` (every jurisdiction's full cited answer) is built only when asked for — by the
    CSV rows and the counterpart view; grouping needs decisions alone. So are `amounts`.
    """

    def __init__(
        self,
        evaluation_date: str,
        rulebook_fingerprint: str,
        jurisdictions: list[str],
        supports: list[SupportComparison],
        evaluate: Callable[[], list[Evaluation]],
        amounts: Callable[[], dict[tuple[str, str], Amount]] | None = None,
    ) -> None:
        self.evaluation_date = evaluation_date
        self.rulebook_fingerprint = rulebook_fingerprint
        self.jurisdictions = jurisdictions
        self.supports = supports
        self._evaluate = evaluate
        self._evaluations: list[Evaluation] | None = None
        self._amounts = amounts
        self._amount_of: dict[tuple[str, str], Amount] | None = None

    @property
    def evaluations(self) -> list[Evaluation]:
        """The full evaluation in every jurisdiction, in the order compared (built on first use)."""
        if self._evaluations is None:
            self._evaluations = self._evaluate()
        return self._evaluations

    @property
    def amounts(self) -> dict[tuple[str, str], Amount]:
        """(jurisdiction, support) → its amount, for every financial outcome with a calculation.

        Read from the full evaluations when they are built anyway; else computed per group of
        jurisdictions whose amounts cannot differ (`amounts_by_group`), built on first use.
        """
        if self._amount_of is None:
            if self._evaluations is not None or self._amounts is None:
                self._amount_of = {
                    (evaluation.jurisdiction.id, outcome.support): outcome.amount
                    for evaluation in self.evaluations
                    for outcome in evaluation.outcomes
                    if outcome.amount is not None
                }
            else:
                self._amount_of = self._amounts()
        return self._amount_of


def _reading_points(engine: Engine, support: str, day: dt.date) -> list[str]:
    seen: dict[str, None] = {}
    for entry in engine.rulebook.rules:
        if entry.rule.support == support and entry.validity.in_force(day):
            seen.update(dict.fromkeys(entry.points()))
    return list(seen)


def decision_signature(engine: Engine, decided: SupportDecision, day: dt.date) -> tuple[str, str | None, str | None]:
    """`signature` of the outcome a decision gives, without building the outcome."""
    route = decided.route if decided.route and engine.rulebook.route(decided.route, day) is not None else None
    return decided.status, route, decided.legal_status


def compare(engine: Engine, case: Case, jurisdiction_ids: list[str], day: dt.date) -> Comparison:
    """The case in every jurisdiction, grouped per support by answer.

    Jurisdictions are grouped on their decisions (memoised per distinct situation and truth
    pattern); a full cited outcome is built for one representative of each group only.
    """
    memo: dict = {}
    places = [jurisdiction(engine.rulebook, j).id for j in jurisdiction_ids]
    decided = engine.decide_many(case, places, day, memo)
    supports: dict[str, dict[tuple[str, str | None, str | None], tuple[str, list[str]]]] = {}
    for place in places:
        for support, decision in decided[place].items():
            groups = supports.setdefault(support, {})
            key = decision_signature(engine, decision, day)
            groups.setdefault(key, (place, []))[1].append(place)
    comparisons = []
    for support, groups in supports.items():
        built = [
            AnswerGroup(
                *key,
                jurisdictions=members,
                outcome=engine.evaluate(case, first, day, memo, supports=(support,)).outcomes[0],
            )
            for key, (first, members) in groups.items()
        ]
        ordered = sorted(built, key=lambda g: (-len(g.jurisdictions), g.jurisdictions[0]))
        comparison = SupportComparison(support, ordered)
        if comparison.differs:
            for point in _reading_points(engine, support, day):
                values: dict[str, list[str]] = {}
                for group in ordered:
                    for jurisdiction_id in group.jurisdictions:
                        reading = resolve_readings(engine.rulebook, jurisdiction_id, day).get(point)
                        text = "—" if reading is None or reading.value is None else str(reading.value)
                        values.setdefault(text, []).append(jurisdiction_id)
                if len(values) > 1:
                    comparison.points.append(PointDifference(point, values))
        comparisons.append(comparison)
    return Comparison(
        day.isoformat(),
        engine.rulebook.fingerprint,
        list(jurisdiction_ids),
        comparisons,
        lambda: engine.evaluate_many(case, jurisdiction_ids, day),
        lambda: amounts_by_group(engine, case, places, day, decided, memo),
    )


def amounts_by_group(
    engine: Engine,
    case: Case,
    places: list[str],
    day: dt.date,
    decided: dict[str, dict[str, SupportDecision]],
    memo: dict,
) -> dict[tuple[str, str], Amount]:
    """Every jurisdiction's amounts, calculated once per group of jurisdictions that share what an
    amount depends on: the calculations in force, the readings they read, and the decisions on the
    supports that have calculations (status and what it waits for). One jurisdiction of each group
    is evaluated on those supports only; a test proves the result equal to full evaluations."""
    rulebook = engine.rulebook
    calculated = frozenset(entry.support for entry in rulebook.amounts)
    if not calculated:
        return {}
    representative: dict[tuple, dict[str, Amount]] = {}
    out: dict[tuple[str, str], Amount] = {}
    for place in places:
        in_force = rulebook.amounts_in_force(place, day)
        readings = resolve_readings(rulebook, place, day)
        points = sorted({point for entries in in_force.values() for entry in entries for point in entry.points()})
        read = tuple(
            (point, r.value, r.basis, r.jurisdiction, r.stale) if (r := readings.get(point)) is not None else (point,)
            for point in points
        )
        decisions = tuple(
            (support, d.status, tuple(d.missing_facts), tuple(d.missing_readings))
            for support, d in decided[place].items()
            if support in calculated
        )
        key = (tuple(entry.key for entries in in_force.values() for entry in entries), read, decisions)
        if key not in representative:
            evaluation = engine.evaluate(case, place, day, memo, supports=calculated)
            representative[key] = {o.support: o.amount for o in evaluation.outcomes if o.amount is not None}
        out.update({(place, support): amount for support, amount in representative[key].items()})
    return out


# --- why two jurisdictions differ ---------------------------------------------------------------


@dataclass
class ReadingPair:
    point: str
    first: ResolvedReading
    second: ResolvedReading


@dataclass
class Difference:
    """Why `first` and `second` answer the case differently."""

    first: str
    second: str
    evaluation_date: str
    differing: list[tuple[Outcome, Outcome]]  # (first's outcome, second's outcome) per differing support
    readings: list[ReadingPair]  # a minimal set of differing readings that explains them
    explained_by_readings: bool  # False: local rules (or scope) explain what readings cannot
    local_rules: list[str]  # local rules in force in either jurisdiction for the differing supports


def _signatures(evaluation: Evaluation) -> dict[str, tuple]:
    return {o.support: signature(o) for o in evaluation.outcomes}


def why_different(engine: Engine, case: Case, first: str, second: str, day: dt.date) -> Difference:
    """The minimal set of differing readings that explains every differing outcome of two jurisdictions."""
    rulebook = engine.rulebook
    a, b = engine.evaluate(case, first, day), engine.evaluate(case, second, day)
    by_support_b = {o.support: o for o in b.outcomes}
    differing = [
        (o, by_support_b[o.support])
        for o in a.outcomes
        if o.support in by_support_b and signature(o) != signature(by_support_b[o.support])
    ]
    local = sorted(
        {
            r.rule.id
            for r in rulebook.rules_in_force(first, day) + rulebook.rules_in_force(second, day)
            if "-" in r.scope and r.rule.support in {d[0].support for d in differing}
        }
    )
    if not differing or a.jurisdiction.country != b.jurisdiction.country:
        return Difference(first, second, day.isoformat(), differing, [], not differing, local)
    readings_a = resolve_readings(rulebook, first, day)
    readings_b = resolve_readings(rulebook, second, day)
    relevant = {p for o, _ in differing for p in _reading_points(engine, o.support, day)}
    candidates = [p for p in readings_a if readings_a[p].value != readings_b[p].value]
    candidates.sort(key=lambda p: (p not in relevant, p))  # try the points the differing supports read first
    target = _signatures(b)

    def reproduces(points: list[str]) -> bool:
        swapped = dict(readings_a)
        for point in points:
            swapped[point] = readings_b[point]
        return _signatures(engine.evaluate(case, first, day, readings=swapped)) == target

    explained = reproduces(candidates)
    chosen = list(candidates)
    if explained:
        for point in list(chosen):  # drop every reading the explanation does not need
            trial = [p for p in chosen if p != point]
            if reproduces(trial):
                chosen = trial
    else:
        chosen = [p for p in candidates if p in relevant]
    pairs = [ReadingPair(p, readings_a[p], readings_b[p]) for p in chosen]
    return Difference(first, second, day.isoformat(), differing, pairs, explained, local)


# --- across countries ----------------------------------------------------------------------------


@dataclass
class CounterpartRow:
    """One line of a cross-country comparison: a support and its counterparts in the other countries."""

    category: str
    outcomes: dict[str, list[Outcome]]  # jurisdiction id → its outcomes on this line (usually one)


def counterpart_rows(engine: Engine, evaluations: list[Evaluation]) -> list[CounterpartRow]:
    """Outcomes of jurisdictions in different countries, lined up by direct `counterparts`.

    Each support of the first jurisdiction's country gets a line with its direct counterparts (named
    on either side) from the other countries; a counterpart may appear on more than one line, and a
    support that is nobody's counterpart gets a line of its own, so nothing is hidden.
    """
    supports = engine.rulebook.supports

    def linked(support_id: str) -> set[str]:
        direct = set(supports[support_id].counterparts)
        direct |= {other.id for other in supports.values() if support_id in other.counterparts}
        return direct

    first_country = evaluations[0].jurisdiction.country
    outcome_of = {(e.jurisdiction.id, o.support): o for e in evaluations for o in e.outcomes}
    anchors = [o.support for o in evaluations[0].outcomes]
    rows: list[CounterpartRow] = []
    placed: set[str] = set()
    for anchor in anchors:
        members = {anchor} | linked(anchor)
        row = CounterpartRow(supports[anchor].category, {})
        for evaluation in evaluations:
            place = evaluation.jurisdiction.id
            found = [outcome_of[(place, m)] for m in sorted(members) if (place, m) in outcome_of]
            if found:
                row.outcomes[place] = found
        placed |= members
        rows.append(row)
    for evaluation in evaluations:
        if evaluation.jurisdiction.country == first_country:
            continue
        for outcome in evaluation.outcomes:
            if outcome.support not in placed:
                rows.append(CounterpartRow(outcome.category, {evaluation.jurisdiction.id: [outcome]}))
                placed.add(outcome.support)
    order = {"vocational": 0, "educational": 1, "financial": 2}
    return sorted(rows, key=lambda row: order.get(row.category, 9))


@dataclass
class ExplainedComparison:
    """A comparison with what explains its differences: across countries the supports lined up by
    counterpart; for exactly two jurisdictions of one country the minimal differing readings."""

    comparison: Comparison
    counterparts: list[CounterpartRow] | None = None
    difference: Difference | None = None


def compare_explained(engine: Engine, case: Case, jurisdiction_ids: list[str], day: dt.date) -> ExplainedComparison:
    """`compare`, plus the counterpart view (countries differ) or `why_different` (two jurisdictions)."""
    result = ExplainedComparison(compare(engine, case, jurisdiction_ids, day))
    countries = {engine.rulebook.jurisdictions[j].country for j in jurisdiction_ids}
    if len(countries) > 1:  # countries have different supports: line them up by counterpart
        result.counterparts = counterpart_rows(engine, result.comparison.evaluations)
    elif len(jurisdiction_ids) == 2:
        result.difference = why_different(engine, case, jurisdiction_ids[0], jurisdiction_ids[1], day)
    return result
