"""The back ends agree on the readings-everywhere benchmark rulebook too.

benchmarks/readings_everywhere.py gives every Swedish municipality its own (synthetic, seeded)
reading of every point, so the jurisdictions no longer collapse into a few situations. Each person
of a small synthetic population is evaluated in one Swedish jurisdiction in turn, by both back ends.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.vector.test_agreement import rete_answers
from tolka.backends.vector.backend import Plan
from tolka.case import case_from_mapping
from tolka.evaluate import Engine
from tolka.population.people import read_batches
from tolka.population.run import Context, evaluate_chunk
from tolka.population.synth import DEFAULT_CONFIG, write_population

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from readings_everywhere import build  # noqa: E402

PERSONS = 700
DAY = dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory) -> Engine:
    root = build(tmp_path_factory.mktemp("everywhere") / "rulebook")
    return Engine.load(root, use_cache=False)


def test_readings_everywhere_rulebook_agrees(everywhere, tmp_path):
    rulebook = everywhere.rulebook
    places = sorted(j.id for j in rulebook.jurisdictions.values() if j.country == "SE")
    plan = Plan.build(rulebook, places, DAY)
    assert len(plan.situations) > 500  # the point of this rulebook: hundreds of distinct situations
    people = tmp_path / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, PERSONS, 2025, DAY, people)
    result = evaluate_chunk(Context(rulebook, plan), next(read_batches(people, PERSONS)), 1)
    assert not result.bad and len(result.rows) == PERSONS
    memo: dict = {}
    for person, row in enumerate(pq.read_table(people).to_pylist()):
        case = case_from_mapping({k: v for k, v in row.items() if v is not None}, rulebook)
        place = places[person % len(places)]
        _, expected = rete_answers(everywhere, case, place, DAY, memo=memo)
        for support, answer in expected.items():
            got = result.answers[result.by_situation[plan.index[place, support]][person]]
            assert got == answer, (place, support, row)


def test_compact_results_expand_to_the_long_ones_here_too(everywhere, tmp_path):
    """Hundreds of situations: the compact layout and its map still expand to the long rows exactly."""
    from tests.vector.test_compact import check_expands_to_long

    places = sorted(j.id for j in everywhere.rulebook.jurisdictions.values() if j.country == "SE")[:20]
    check_expands_to_long(everywhere.rulebook, places, tmp_path, persons=100)
