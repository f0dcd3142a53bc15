"""Compact population results expand to exactly the long layout's rows, in the same order.

`check_expands_to_long` is shared with tests/vector/test_agreement_everywhere.py, which runs it on
the readings-everywhere benchmark rulebook (hundreds of distinct situations).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tolka.errors import CaseFileError
from tolka.population.compact import expand, expand_file
from tolka.population.output import situation_map_path
from tolka.population.run import run_population
from tolka.population.synth import DEFAULT_CONFIG, write_population
from tolka.rulebook import Rulebook

DAY = dt.date(2025, 9, 1)


def check_expands_to_long(rulebook: Rulebook, places: list[str], work: Path, persons: int = 300) -> None:
    """Long and compact runs of one population; the expanded compact file equals the long one."""
    people = work / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, persons, 5, DAY, people)
    for suffix in (".parquet", ".csv"):
        long, compact = work / f"long{suffix}", work / f"compact{suffix}"
        # chunks of 70: several chunks and a short last one, so chunk boundaries are exercised
        run_population(rulebook, people, places, DAY, out=long, chunk_size=70, amounts=False)
        run_population(rulebook, people, places, DAY, out=compact, chunk_size=70, amounts=False, layout="compact")
        expanded = work / f"expanded{suffix}"
        rows = expand_file(compact, expanded)
        if suffix == ".parquet":
            want, got = pq.read_table(long), pq.read_table(expanded)
            assert got.schema == want.schema and got.schema.metadata == want.schema.metadata
            assert rows == want.num_rows == persons * sum(1 for _ in _pairs(compact))
            assert got.to_pylist() == want.to_pylist()
            assert pq.read_metadata(compact).num_rows == persons * _situations(compact)
        else:
            assert expanded.read_bytes() == long.read_bytes()


def _pairs(compact: Path) -> list[list[str]]:
    with situation_map_path(compact).open(encoding="utf-8") as handle:
        return list(csv.reader(handle))[1:]


def _situations(compact: Path) -> int:
    return len({situation for _, _, situation in _pairs(compact)})


def test_compact_results_expand_to_the_long_ones(shipped_engine, tmp_path):
    check_expands_to_long(shipped_engine.rulebook, ["SE", "SE-0180", "SE-1480", "SE-EX-A", "NO"], tmp_path)


def test_the_map_names_every_jurisdiction_and_support_once(shipped_engine, tmp_path):
    rulebook = shipped_engine.rulebook
    people = tmp_path / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, 50, 1, DAY, people)
    compact = tmp_path / "compact.parquet"
    run_population(rulebook, people, ["SE", "SE-0180"], DAY, out=compact, layout="compact", amounts=False)
    pairs = _pairs(compact)
    swedish = [s.id for s in rulebook.supports_of("SE")]
    assert [(j, s) for j, s, _ in pairs] == [(j, s) for j in ("SE", "SE-0180") for s in swedish]
    # Stockholm reads points the country leaves open: the two share some situations, not all
    assert len({n for _, _, n in pairs}) < len(pairs)
    assert pq.read_schema(compact).metadata[b"tolka.layout"] == b"compact"


def test_a_missing_map_or_a_reordered_file_is_an_error(shipped_engine, tmp_path):
    rulebook = shipped_engine.rulebook
    people = tmp_path / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, 20, 2, DAY, people)
    compact = tmp_path / "compact.parquet"
    run_population(rulebook, people, ["SE"], DAY, out=compact, layout="compact", amounts=False)
    shuffled = tmp_path / "shuffled.parquet"
    table = pq.read_table(compact)
    pq.write_table(table.take(list(range(1, table.num_rows)) + [0]), shuffled)
    with pytest.raises(CaseFileError, match="situation map is missing"):
        list(expand(shuffled))
    with pytest.raises(CaseFileError, match="out of order"):
        list(expand(shuffled, situation_map_path(compact)))
