"""A population run on a local Dask cluster writes exactly what the single-process run writes."""

from __future__ import annotations

import datetime as dt

from tolka.population.distributed import dask_executor
from tolka.population.run import run_population
from tolka.population.synth import DEFAULT_CONFIG, write_population

DAY = dt.date(2025, 9, 1)


def test_dask_run_equals_single_process_run(shipped_engine, tmp_path):
    rulebook = shipped_engine.rulebook
    people = tmp_path / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, 800, 11, DAY, people)
    places = ["SE", "SE-EX-A", "SE-0180", "NO"]
    runs = {}
    for name, executor in (("local", None), ("dask", dask_executor(workers=2))):
        out, summary = tmp_path / f"{name}.parquet", tmp_path / f"{name}.csv"
        options = {"executor": executor} if executor else {}
        report = run_population(rulebook, people, places, DAY, out=out, summary=summary, chunk_size=200, **options)
        runs[name] = (report.persons, out.read_bytes(), summary.read_bytes())
    assert runs["local"][0] == runs["dask"][0] == 800
    assert runs["dask"][1] == runs["local"][1]  # the same bytes, whichever worker evaluated a chunk
    assert runs["dask"][2] == runs["local"][2]
