"""Which persons' answers differ between the jurisdictions of a run, and which readings cause it.

A person's answer to a support *differs* when two jurisdictions of the run give different
answers (status, route or legal status — what `tolka.compare` groups by).

An interpretation point *causes* the difference for that person when there are two jurisdictions
of the run, J and K, that answer the person differently, and giving J the reading K has of that
one point — all else unchanged — changes J's answer. This is the population form of
`tolka.compare.why_different`, one point at a time: it is cheap in the vectorised back end (a
counterfactual jurisdiction is just another situation) and it names every point that matters on
its own. A person's difference can have several causes; when no single reading changes any
answer — readings that matter only together, or local rules — it is counted under `OTHER`.

Everything here works on situations (see `tolka.backends.vector.backend`), so 290 municipalities
cost what their few distinct situations cost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from tolka.backends.vector.backend import Classes, Plan, Session, Situation

OTHER = "(other)"  # differences that no single reading explains
ANY = "*"  # every support together


@dataclass
class Differences:
    """Counts of persons, additive over chunks."""

    differing: Counter = field(default_factory=Counter)  # support (or ANY) → persons whose answers differ
    caused: Counter = field(default_factory=Counter)  # (point or OTHER, support or ANY) → persons

    def add(self, other: Differences) -> None:
        """Add another chunk's counts."""
        self.differing.update(other.differing)
        self.caused.update(other.caused)


class ChunkDifferences:
    """Differences between the plan's jurisdictions for one session's persons, one support at a time.

    Supports are added one by one so that their arrays can be freed as soon as they are counted;
    only per-person masks for "any support" are kept across supports. Within a support everything
    is computed per class of persons who answer alike in every situation asked (`Classes`).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.result = Differences()
        self._any_differs = np.zeros(session.frame.size, dtype=bool)
        self._any_caused: dict[str, np.ndarray] = {}

    def add_support(self, support: str, situations: list[Situation], classes: Classes) -> None:
        """Count the persons whose answer to `support` differs between `situations`, and why.

        `classes` must group the persons for `situations` and their `counterfactuals`.
        """
        if len(situations) < 2:
            return
        out = [classes.signatures(s) for s in situations]
        differs = np.zeros(len(classes), dtype=bool)
        for other in out[1:]:
            differs |= other != out[0]
        self.result.differing[support] += int(classes.sizes[differs].sum())
        self._any_differs |= differs[classes.of_person]
        if not differs.any():
            return
        explained = np.zeros(len(classes), dtype=bool)
        for point, caused in _causes(situations, out, classes.signatures).items():
            caused &= differs
            self.result.caused[point, support] += int(classes.sizes[caused].sum())
            self._mark(point, caused[classes.of_person])
            explained |= caused
        other = differs & ~explained
        self.result.caused[OTHER, support] += int(classes.sizes[other].sum())
        self._mark(OTHER, other[classes.of_person])

    def _mark(self, point: str, persons: np.ndarray) -> None:
        found = self._any_caused.get(point)
        self._any_caused[point] = persons if found is None else found | persons

    def finish(self) -> Differences:
        """The counts, with every support together (`ANY`)."""
        self.result.differing[ANY] += int(self._any_differs.sum())
        for point, mask in self._any_caused.items():
            self.result.caused[point, ANY] += int(mask.sum())
        return self.result


def chunk_differences(session: Session, plan: Plan) -> Differences:
    """Differences between the plan's jurisdictions for the persons of one session."""
    counter = ChunkDifferences(session)
    for support in dict.fromkeys(s for supports in plan.supports.values() for s in supports):
        situations = [plan.situations[i] for i in plan.situations_of(support)]
        counter.add_support(support, situations, session.classes([*situations, *counterfactuals(situations)]))
    return counter.finish()


def _varying(situations: list[Situation]) -> dict[str, set]:
    """The points read with more than one value among the situations, and those values."""
    values: dict[str, set] = {}
    for situation in situations:
        for point, value in situation.readings:
            values.setdefault(point, set()).add(value)
    return {point: seen for point, seen in values.items() if len(seen) > 1}


def counterfactuals(situations: list[Situation]) -> list[Situation]:
    """The situations `_causes` asks about: each one with another situation's reading of one point."""
    if len(situations) < 2:
        return []
    found: dict[Situation, None] = {}
    for point, seen in _varying(situations).items():
        for situation in situations:
            own = dict(situation.readings)
            if point in own:
                found.update(dict.fromkeys(situation.with_reading(point, v) for v in seen if v != own[point]))
    return list(found)


def _causes(
    situations: list[Situation], out: list[np.ndarray], signatures: Callable[[Situation], np.ndarray]
) -> dict[str, np.ndarray]:
    """Per point: the classes for whom one jurisdiction taking another's reading of it changes its answer.

    Linear in the situations: for each value of the point, the smallest and largest answer among
    the situations reading it say whether *some* situation with that value answers a class
    differently from situation i (not every pair of situations is compared).
    """
    found: dict[str, np.ndarray] = {}
    for point in sorted(_varying(situations)):
        caused = np.zeros(len(out[0]), dtype=bool)
        readers = [(i, dict(s.readings)[point]) for i, s in enumerate(situations) if point in dict(s.readings)]
        low: dict = {}
        high: dict = {}
        for i, value in readers:
            low[value] = out[i] if value not in low else np.minimum(low[value], out[i])
            high[value] = out[i] if value not in high else np.maximum(high[value], out[i])
        for i, own in readers:
            for value in low.keys() - {own}:
                changed = signatures(situations[i].with_reading(point, value)) != out[i]
                if not changed.any():
                    continue
                caused |= changed & ((low[value] != out[i]) | (high[value] != out[i]))
        found[point] = caused
    return found
