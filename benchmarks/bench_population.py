"""Population runs, measured: throughput, peak memory, and the vectorised back end against durable_rules.

Prints figures; asserts nothing (machines are noisy: read them with the load shown). Run:

    .venv/bin/python benchmarks/bench_population.py [--persons 100000] [--big 1000000] [--with-output] [--rulebook DIR]

1. `tolka population` on a synthetic population of --persons persons × every Swedish jurisdiction
   (all 290 municipalities, the 21 regions, förbund, example units and the country), as a child
   process: the run's own time (read, validate, evaluate, differences, summary), the wall time of
   the whole command, persons × jurisdictions per second and the child's peak memory (max RSS).
   With --with-output the full result file (one row per person × jurisdiction × support) is
   written too, and timed separately: it is hundreds of millions of rows.
2. Throughput per evaluation (one person in one jurisdiction, every support), in one process: the
   vectorised back end on the whole population × every jurisdiction, and the durable_rules back
   end (`Engine.decide`) on a sample of the same persons, (a) one person per jurisdiction and
   (b) one person across every jurisdiction with ruleset firings reused — its best case.
3. `tolka population` on --big persons × one jurisdiction, results and summary written: peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tolka.evaluate import Engine  # noqa: E402

DAY = "2025-09-01"
TOLKA = str(Path(sys.executable).parent / "tolka")


def child(rulebook: Path, *args: str) -> tuple[float, float, str]:
    """Run `tolka --rulebook RULEBOOK ARGS` as a child process: (wall seconds, peak RSS in MB, stdout)."""
    wall, _, peak, out = child_usage(rulebook, *args)
    return wall, peak, out


def child_usage(rulebook: Path, *args: str) -> tuple[float, float, float, str]:
    """`child`, with the CPU seconds (user + system, its waited-for workers included) after the wall time."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [TOLKA, "--rulebook", str(rulebook), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    out, err = process.stdout.read(), process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"tolka {' '.join(args)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def run_seconds(stdout: str) -> float:
    return float(re.search(r" in ([0-9.]+) s ", stdout).group(1))


def throughput(rulebook_root: Path, people: Path, sample: int) -> None:
    """Vectorised and durable_rules evaluations per second, measured in this process."""
    import pyarrow.parquet as pq

    from tolka.backends.vector.backend import Plan, VectorBackend
    from tolka.case import case_from_mapping
    from tolka.population.people import read_batches, validate

    engine = Engine.load(rulebook_root)
    rulebook = engine.rulebook
    day = dt.date.fromisoformat(DAY)
    places = [j.id for j in rulebook.jurisdictions.values() if j.country == "SE"]
    batch = next(read_batches(people, 10**9))
    frame = validate(batch, 1, rulebook, day).frame
    start = time.perf_counter()
    plan = Plan.build(rulebook, places, day)
    session = VectorBackend(rulebook, day).session(frame)
    for situation in plan.situations:
        session.answers(situation)
    vector_seconds = time.perf_counter() - start
    vector_rate = frame.size * len(places) / vector_seconds

    rows = pq.read_table(people).slice(0, sample).to_pylist()
    cases = [case_from_mapping({k: v for k, v in row.items() if v is not None}, rulebook) for row in rows]
    for case in cases[:50]:  # warm-up
        engine.decide(case, places[0], day)
    start = time.perf_counter()
    for n, case in enumerate(cases):
        engine.decide(case, places[n % len(places)], day)
    pairs_rate = len(cases) / (time.perf_counter() - start)
    across = cases[: max(1, sample // 100)]
    start = time.perf_counter()
    for case in across:
        memo: dict = {}
        for place in places:
            engine.decide(case, place, day, memo)
    across_rate = len(across) * len(places) / (time.perf_counter() - start)
    best = max(pairs_rate, across_rate)
    print(
        f"\n2. throughput per evaluation (one person × one jurisdiction, all {len(rulebook.supports_of('SE'))} supports)"
    )
    print(
        f"   vectorised: {frame.size:,} persons × {len(places)} jurisdictions in {vector_seconds:.2f} s → {vector_rate:,.0f} evaluations/s"
    )
    print(f"   durable_rules, {len(cases):,} persons each in one jurisdiction: {pairs_rate:,.0f} evaluations/s")
    print(
        f"   durable_rules, {len(across)} persons × all {len(places)} jurisdictions (firings reused): {across_rate:,.0f} evaluations/s"
    )
    print(f"   ratio vectorised / durable_rules (its faster figure): {vector_rate / best:,.0f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--rete-sample", type=int, default=2_000)
    parser.add_argument("--with-output", action="store_true", help="Also write the full result file of step 1.")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--rulebook", type=Path, default=REPO, help="Rulebook directory (default: the shipped one).")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; evaluation date {DAY}")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        people = work / "people.parquet"
        wall, _, _ = child(
            args.rulebook, "synth", "--n", str(args.persons), "--seed", "2025", "--out", str(people), "--date", DAY
        )
        print(f"synth: {args.persons:,} persons in {wall:.1f} s")

        wall, peak, out = child(
            args.rulebook, "population", str(people), "-J", "all", "--date", DAY, "--summary", str(work / "summary.csv")
        )
        seconds = run_seconds(out)
        jurisdictions = int(re.search(r"× (\d+) jurisdictions", out).group(1))
        print(f"\n1. {args.persons:,} persons × {jurisdictions} Swedish jurisdictions, summary only")
        print(f"   run {seconds:.2f} s (command wall {wall:.2f} s incl. start-up and rulebook load)")
        print(
            f"   {args.persons * jurisdictions / seconds:,.0f} persons × jurisdictions per second; peak memory {peak:,.0f} MB"
        )
        if args.with_output:
            results = work / "results.parquet"
            wall, peak, out = child(
                args.rulebook,
                "population",
                str(people),
                "-J",
                "all",
                "--date",
                DAY,
                "--out",
                str(results),
                "--summary",
                str(work / "s2.csv"),
            )
            rows = re.search(r"\(([0-9,]+) rows\)", out).group(1)
            print(
                f"   with the full result file ({rows} rows, {results.stat().st_size / 1e6:,.0f} MB): run {run_seconds(out):.1f} s, peak memory {peak:,.0f} MB"
            )

        throughput(args.rulebook, people, args.rete_sample)

        if not args.skip_big:
            big = work / "big.parquet"
            wall, peak, _ = child(
                args.rulebook, "synth", "--n", str(args.big), "--seed", "2025", "--out", str(big), "--date", DAY
            )
            print(f"\n3. synth {args.big:,} persons: {wall:.1f} s, peak memory {peak:,.0f} MB")
            wall, peak, out = child(
                args.rulebook,
                "population",
                str(big),
                "-J",
                "SE-0180",
                "--date",
                DAY,
                "--out",
                str(work / "big-results.parquet"),
                "--summary",
                str(work / "big.csv"),
            )
            print(
                f"   {args.big:,} persons × 1 jurisdiction, results and summary: run {run_seconds(out):.1f} s, wall {wall:.1f} s, peak memory {peak:,.0f} MB"
            )


if __name__ == "__main__":
    main()
