"""One end-to-end test per population command, through the installed `tolka` console script."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

TOLKA = Path(sys.executable).parent / "tolka"
DATE = "2025-09-01"


def tolka(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(TOLKA), *args], capture_output=True, text=True, env=dict(os.environ, LANG="en_GB.UTF-8"), timeout=300
    )
    if check:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def people_csv(tmp_path_factory) -> Path:
    """300 synthetic persons as CSV, written once for the tests below."""
    path = tmp_path_factory.mktemp("people") / "people.csv"
    tolka("synth", "--n", "300", "--seed", "5", "--out", str(path), "--date", DATE)
    return path


def test_synth_is_labelled_and_reproducible(tmp_path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    tolka("synth", "--n", "500", "--seed", "3", "--out", str(first), "--date", DATE)
    tolka("synth", "--n", "500", "--seed", "3", "--out", str(second), "--date", DATE)
    assert pq.read_table(first).equals(pq.read_table(second))
    manifest = (tmp_path / "a.parquet.synth.yaml").read_text(encoding="utf-8")
    assert "SYNTHETIC" in manifest and "seed: 3" in manifest and "persons: 500" in manifest
    assert pq.ParquetFile(first).schema_arrow.metadata[b"tolka.synthetic"] == b"true"
    births = pq.read_table(first).column("birth_date").to_pylist()
    assert all(16 <= (2025 - b.year - ((9, 1) < (b.month, b.day))) <= 29 for b in births)


def test_population_writes_results_summary_and_reports_bad_rows(people_csv, tmp_path):
    people = tmp_path / "people.csv"
    lines = people_csv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    bad = lines[7].split(",")
    bad[header.index('"goal"')] = "fame"
    people.write_text("\n".join(lines[:7] + [",".join(bad)] + lines[8:]) + "\n", encoding="utf-8")
    out, summary = tmp_path / "results.parquet", tmp_path / "summary.csv"
    result = tolka(
        "population", str(people), "-J", "SE-EX-A,SE-EX-C", "--date", DATE, "--out", str(out), "--summary", str(summary)
    )
    assert "299 persons × 2 jurisdictions" in result.stdout and "persons × jurisdictions per second" in result.stdout
    assert "1 row with bad values was left out" in result.stderr
    rejected = list(csv.DictReader((tmp_path / "results.rejected.csv").open(encoding="utf-8")))
    assert [(r["row"], r["fact"], r["value"]) for r in rejected] == [("7", "goal", "fame")]
    table = pq.read_table(out)
    assert table.num_rows == 299 * 2 * 26 and 7 not in set(table.column("row").to_pylist())
    assert pq.ParquetFile(out).schema_arrow.metadata[b"tolka.evaluation_date"] == DATE.encode()
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    ips = {r["jurisdiction"]: r for r in rows if r["section"] == "eligibility" and r["support"] == "ips"}
    assert set(ips) == {"SE-EX-A", "SE-EX-C"} and all(r["persons"] == "299" for r in ips.values())
    assert any(r["section"] == "causes" and r["support"] == "*" for r in rows)
    stopped = tolka(
        "population",
        str(people),
        "-J",
        "SE-EX-A",
        "--date",
        DATE,
        "--summary",
        str(tmp_path / "s.csv"),
        "--bad-rows",
        "stop",
        check=False,
    )
    assert stopped.returncode == 2 and "row 7: `goal` cannot be 'fame'" in stopped.stderr


def test_plot_draws_the_summary(people_csv, tmp_path):
    summary = tmp_path / "summary.csv"
    tolka("population", str(people_csv), "-J", "all", "--date", DATE, "--summary", str(summary))
    for name in ("plot.png", "plot.svg"):
        tolka("plot", str(summary), "--out", str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 10_000
    assert (tmp_path / "plot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert tolka("plot", str(people_csv), "--out", str(tmp_path / "x.png"), check=False).returncode == 2
