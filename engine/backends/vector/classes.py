"""Persons grouped into classes that answer alike, so that a situation is decided once per class.

A population run asks one support in hundreds of situations (and more counterfactual ones, for the
causes of differences). `Session.classes` (tolka.backends.vector.backend) groups the persons by their
code under *every* rule variant those situations use: the members of a class answer alike in each of
them, so each situation is then decided for a few hundred classes, not for every person.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the session builds the classes
    from tolka.backends.vector.backend import Coded, Core, ReadingValues, Session, Situation

DENSE_LIMIT = 1 << 40  # combined keys are re-densified before they could overflow int64


class Classes:
    """A session's persons grouped by their code under every rule variant of some situations.

    The members of a class share the truth value (and missing facts) of every rule those situations
    run, so they get the same answer in each: a situation is decided once per class, and a per-class
    array expands to persons through `of_person`.
    """

    def __init__(self, session: Session, situations: Sequence[Situation]) -> None:
        self.session = session
        variants: dict[tuple[str, ReadingValues], Coded] = {}
        per_situation: dict[Situation, list[Coded]] = {}
        for situation in situations:
            if situation not in per_situation:
                keys = [session.variant(key, situation) for key in situation.rules]
                per_situation[situation] = [variants.get(k) or variants.setdefault(k, session.coded(k)) for k in keys]
        columns = [(c.codes, len(c.table)) for c in variants.values()]
        self.of_person, self.representatives = group_rows(columns, session.frame.size)
        self.sizes = np.bincount(self.of_person, minlength=len(self.representatives))
        of_class = {id(c): c.codes[self.representatives] for c in variants.values()}
        # Per situation, its rules' variants with each class's code.
        self._coded = {s: [(c, of_class[id(c)]) for c in coded] for s, coded in per_situation.items()}
        self._answers: dict[Situation, np.ndarray] = {}
        self._signatures: dict[Situation, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.representatives)

    def answers(self, situation: Situation) -> np.ndarray:
        """Each class's answer id (`VectorBackend.answers`) in one of the situations the classes were made for."""
        found = self._answers.get(situation)
        if found is None:
            inverse, cores = self._cores(situation)
            backend, readings = self.session.backend, dict(situation.readings)
            found = np.array([core.answer_id(backend, readings) for core in cores], dtype=np.int32)[inverse]
            self._answers[situation] = found
            self._signatures[situation] = np.array([c.signature for c in cores], dtype=np.int32)[inverse]
        return found

    def signatures(self, situation: Situation) -> np.ndarray:
        """Each class's (status, route, legal status) id in a situation — all that comparing answers needs."""
        found = self._signatures.get(situation)
        if found is None:
            inverse, cores = self._cores(situation)
            found = self._signatures[situation] = np.array([c.signature for c in cores], dtype=np.int32)[inverse]
        return found

    def _cores(self, situation: Situation) -> tuple[np.ndarray, list[Core]]:
        """The classes' truth patterns in a situation: (pattern of each class, the decision of each pattern)."""
        coded = self._coded.get(situation)
        if coded is None:
            raise ValueError("the persons were not grouped for this situation")
        inverse, patterns = group_rows([(k, len(c.table)) for c, k in coded], len(self))
        # Each pattern's truth values as one row of numbers: its decision is found by the row's bytes.
        rows = np.empty((len(patterns), len(coded)), dtype=np.int32)
        for column, (c, k) in enumerate(coded):
            rows[:, column] = c.ids[k[patterns]]
        backend = self.session.backend
        rule_set = backend.rule_set(situation)
        return inverse, [backend.pattern_core(rule_set, situation, row) for row in rows]


def group_rows(columns: list[tuple[np.ndarray, int]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Group rows by their combination of codes (each column: codes and their cardinality).

    Returns (group of each row, one row per group)."""
    key = np.zeros(size, dtype=np.int64)
    bound = 1
    for codes, cardinality in columns:
        if bound * cardinality > DENSE_LIMIT:
            key, _ = dense_keys(key, bound)
            bound = int(key.max()) + 1 if size else 1
        key += codes * bound
        bound *= cardinality
    return dense_keys(key, bound)


def dense_keys(key: np.ndarray, bound: int) -> tuple[np.ndarray, np.ndarray]:
    """Renumber keys 0…m-1: (new key of each person, one person holding each new key)."""
    size = len(key)
    if bound <= max(4 * size, 1 << 16):  # counting beats sorting when keys are small
        present = np.zeros(bound, dtype=bool)
        present[key] = True
        renumber = np.cumsum(present, dtype=np.int64) - 1
        inverse = renumber[key]
        groups = int(present.sum())
    else:
        _, inverse = np.unique(key, return_inverse=True)
        inverse = inverse.reshape(-1)
        groups = int(inverse.max()) + 1 if size else 0
    representatives = np.empty(groups, dtype=np.int64)
    representatives[inverse] = np.arange(size)  # any member represents its group: they share every code
    return inverse, representatives
