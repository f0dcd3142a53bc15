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
from dataclasses import dataclass, field

import numpy as np

from tolka.backends.vector.backend import Plan, Session, Situation

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


def _signatures(session: Session, situation: Situation) -> np.ndarray:
    """Every person's answer in a situation, as the id of its (status, route, legal status)."""
    answers = session.answers(situation)
    return np.asarray(session.backend.signature_of, dtype=np.int32)[answers]


def chunk_differences(session: Session, plan: Plan) -> Differences:
    """Differences between the plan's jurisdictions for the persons of one session."""
    size = session.frame.size
    any_differs = np.zeros(size, dtype=bool)
    any_caused: dict[str, np.ndarray] = {}
    result = Differences()
    supports = dict.fromkeys(s for supports in plan.supports.values() for s in supports)
    for support in supports:
        indices = plan.situations_of(support)
        if len(indices) < 2:
            continue
        situations = [plan.situations[i] for i in indices]
        out = [_signatures(session, s) for s in situations]
        differs = np.zeros(size, dtype=bool)
        for other in out[1:]:
            differs |= other != out[0]
        result.differing[support] += int(differs.sum())
        any_differs |= differs
        if not differs.any():
            continue
        explained = np.zeros(size, dtype=bool)
        for point, caused in _causes(session, situations, out).items():
            caused &= differs
            result.caused[point, support] += int(caused.sum())
            any_caused[point] = any_caused.get(point, np.zeros(size, dtype=bool)) | caused
            explained |= caused
        other = differs & ~explained
        result.caused[OTHER, support] += int(other.sum())
        any_caused[OTHER] = any_caused.get(OTHER, np.zeros(size, dtype=bool)) | other
    result.differing[ANY] += int(any_differs.sum())
    for point, mask in any_caused.items():
        result.caused[point, ANY] += int(mask.sum())
    return result


def _causes(session: Session, situations: list[Situation], out: list[np.ndarray]) -> dict[str, np.ndarray]:
    """Per point: the persons for whom one jurisdiction taking another's reading of it changes its answer."""
    values: dict[str, set] = {}
    for situation in situations:
        for point, value in situation.readings:
            values.setdefault(point, set()).add(value)
    found: dict[str, np.ndarray] = {}
    for point in sorted(p for p, seen in values.items() if len(seen) > 1):
        caused = np.zeros(session.frame.size, dtype=bool)
        readers = [(i, dict(s.readings)) for i, s in enumerate(situations) if point in dict(s.readings)]
        for i, readings in readers:
            for value in {r[point] for _, r in readers} - {readings[point]}:
                changed = _signatures(session, situations[i].with_reading(point, value)) != out[i]
                if not changed.any():
                    continue
                pair_differs = np.zeros(session.frame.size, dtype=bool)
                for k, other in readers:
                    if other[point] == value:
                        pair_differs |= out[k] != out[i]
                caused |= changed & pair_differs
        found[point] = caused
    return found
