"""The issue-13 goals, measured side by side on the shipped and the readings-everywhere rulebook.

Prints figures; asserts nothing. Every figure is the median of --runs runs, and the two rulebooks
are measured interleaved (shipped, readings everywhere, shipped, …) so that load on a shared
machine hits both alike; CPU seconds are printed beside wall seconds for the same reason. Each
throughput figure names the number of distinct situations computed. Run:

    .venv/bin/python benchmarks/bench_scale.py [--runs 3] [--persons 100000] [--big 1000000] [--skip-population]
        [--skip-in-process] [--skip-cli] [--baseline OTHER/.venv/bin/tolka] [--dask] [--layouts 10000]

The readings-everywhere rulebook is built by benchmarks/readings_everywhere.py under the system's
temporary directory (synthetic readings, never shipped).

In-process figures (the engine loaded, compile cache warm):
* `ask -j all`, first question: `next_questions` on an empty case over every Swedish jurisdiction,
  with the decision memo emptied first; then each answer: the next question after answering it;
* compare one case × all Swedish jurisdictions (a different case each run);
* mandate: IPS in Stockholm;
* evaluate with JSON output, per case (warm).
Child-process figures: the CLI's `ask -j all` up to its first question with the compile cache
warm; `evaluate` with no cache at all, and without the compile cache but with each file's parsed
YAML and validated items kept (as after editing one rule file), CPU seconds (user + system) and
wall, for this checkout and, with --baseline, another checkout's `tolka` interleaved (e.g. main
before a change); `population` summaries, whole command
wall time, CPU time (its Dask workers included) and peak memory (max RSS), on a local Dask cluster
too with --dask; with --layouts N, the long and compact results files for N persons (rows, bytes,
time) and expanding compact to long.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_population import child, child_usage  # noqa: E402
from readings_everywhere import cached_build  # noqa: E402

from tolka.case import Case  # noqa: E402
from tolka.compare import compare  # noqa: E402
from tolka.evaluate import Engine  # noqa: E402
from tolka.mandate import mandate  # noqa: E402
from tolka.questions import next_questions  # noqa: E402
from tolka.render.json_out import to_json  # noqa: E402

DAY = dt.date(2025, 9, 1)
TOLKA = str(Path(sys.executable).parent / "tolka")
EXAMPLE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
COMPARE_CASES = [
    {},
    {"psychiatric_contact": True},
    {"psychiatric_contact": True, "lasting_psychiatric_diagnosis": True},
    {"psychiatric_contact": False},
    {"lasting_psychiatric_diagnosis": False},
]


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_pair(samples: list[tuple[float, float]]) -> str:
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    return f"{wall:7.3f} s wall, {cpu:7.3f} s CPU"


def situations(engine: Engine) -> tuple[int, int]:
    """(distinct support situations, distinct jurisdiction situations) over every Swedish jurisdiction."""
    places = swedish(engine)
    groups = engine.situation_groups(places, DAY)
    whole = {engine.situation_key(p, DAY, decisions_only=True) for p in places}
    return sum(len(g) for g in groups.values()), len(whole)


def swedish(engine: Engine) -> list[str]:
    return [j.id for j in engine.rulebook.jurisdictions.values() if j.country == "SE"]


def in_process(engines: dict[str, Engine], runs: int, cases: int) -> None:
    from bench_evaluate import synthetic_cases

    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
    evaluate_cases = synthetic_cases(engines["shipped"], cases)

    def add(name: str, figure: str, sample: tuple[float, float]) -> None:
        samples.setdefault((name, figure), []).append(sample)

    for run in range(runs):
        for name, engine in engines.items():  # interleaved: every figure alternates rulebooks
            places = swedish(engine)
            engine.rulebook._decisions.clear()  # the first question computes its decisions afresh
            first: list = []
            add(name, "ask first question", timed(lambda: first.extend(next_questions(engine, Case({}), places, DAY))))
            fact = engine.rulebook.facts[first[0].fact]
            value = True if fact.type == "bool" else fact.value_ids[0] if fact.type == "enum" else None
            if value is not None:
                answered = Case({fact.name: value})
                add(name, "ask each answer", timed(lambda: next_questions(engine, answered, places, DAY)))
            case = Case(COMPARE_CASES[run % len(COMPARE_CASES)])
            add(name, "compare one case × all", timed(lambda: compare(engine, case, places, DAY)))
            add(name, "mandate ips SE-0180", timed(lambda: mandate(engine, "ips", "SE-0180", DAY)))
            if name == "shipped":

                def evaluate_all() -> None:
                    for index, c in enumerate(evaluate_cases):
                        to_json(engine.evaluate(c, places[index % len(places)], DAY))

                if run == 0:
                    evaluate_all()  # warm-up: first-use caches (citations, reasons, readings) are not the figure
                wall, cpu = timed(evaluate_all)
                add(name, f"evaluate + JSON, per case ({cases} cases)", (wall / cases, cpu / cases))
    figures = list(dict.fromkeys(figure for _, figure in samples))
    for figure in figures:
        print(f"  {figure}")
        for name in engines:
            if (name, figure) in samples:
                print(f"    {name:20} {median_pair(samples[name, figure])}")


ASK = "CLI ask -j all to first question, compile cache warm"
NO_CACHE = "CLI evaluate, no cache at all (first run)"
EDITED = "CLI evaluate, no compile cache, per-file caches warm (as after editing one rule file)"


def run_usage(command: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system) of one child process; fails loudly if it fails."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
        )
        if stdin and process.stdin:
            process.stdin.write(stdin.encode())
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def cli_figures(roots: dict[str, Path], runs: int, builds: dict[str, str]) -> None:
    """Start-up figures of each build's `tolka` (this one, and a baseline checkout's if given),
    builds and rulebooks interleaved in every round; each build keeps its own cache directory."""
    samples: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as caches:
        warm = {build: {**os.environ, "TOLKA_CACHE_DIR": f"{caches}/{index}"} for index, build in enumerate(builds)}

        def ask(build: str, root: Path) -> list[str]:
            return [builds[build], "--rulebook", str(root), "ask", "-j", "all", "--date", DAY.isoformat()]

        for build in builds:
            for root in roots.values():
                run_usage(ask(build, root), warm[build], "q\n")  # fills the compile cache
        for _ in range(runs):
            for build, tolka in builds.items():
                for name, root in roots.items():
                    samples.setdefault((build, name, ASK), []).append(run_usage(ask(build, root), warm[build], "q\n"))
                    evaluate = [tolka, "--rulebook", str(root), "evaluate", str(EXAMPLE), "--date", DAY.isoformat()]
                    with tempfile.TemporaryDirectory() as empty:
                        env = {**os.environ, "TOLKA_CACHE_DIR": empty}
                        samples.setdefault((build, name, NO_CACHE), []).append(run_usage(evaluate, env))
                        for compiled in Path(empty).glob("*.pickle"):  # the compiled rulebook, not the per-file caches
                            compiled.unlink()
                        samples.setdefault((build, name, EDITED), []).append(run_usage(evaluate, env))
    for figure in (ASK, NO_CACHE, EDITED):
        print(f"  {figure}")
        for build in builds:
            for name in roots:
                walls, cpus = zip(*samples[build, name, figure], strict=True)
                print(
                    f"    {build:9} {name:20} CPU median {statistics.median(cpus):.2f} s (min {min(cpus):.2f}, "
                    f"max {max(cpus):.2f}); wall median {statistics.median(walls):.2f} s"
                )


def population(
    roots: dict[str, Path], persons: list[int], runs: int, situation_counts: dict[str, int], dask: bool
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for n in persons:
            people = work / f"people-{n}.parquet"
            child(roots["shipped"], "synth", "--n", str(n), "--seed", "2025", "--out", str(people), "--date", str(DAY))
            print(f"  {n:,} persons × all Swedish jurisdictions, summary (whole command)")
            engines = {"local": ()} | ({"dask, local cluster of 2": ("--engine", "dask", "--workers", "2")} if dask else {})
            samples: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
            jurisdictions = 0
            for _ in range(runs):
                for engine, options in engines.items():
                    for name, root in roots.items():
                        summary = work / f"summary-{name}.csv"
                        wall, cpu, peak, out = child_usage(
                            root, "population", str(people), "-J", "all", "--date", str(DAY), "--summary",
                            str(summary), "--no-progress", *options,
                        )  # fmt: skip
                        samples.setdefault((engine, name), []).append((wall, cpu, peak))
                        jurisdictions = int(re.search(r"× (\d+) jurisdictions", out).group(1))
            for engine, name in samples:
                wall, cpu, peak = (statistics.median(s[k] for s in samples[engine, name]) for k in range(3))
                print(
                    f"    {engine:24} {name:20} {wall:6.1f} s wall, {cpu:6.1f} s CPU, peak {peak:,.0f} MB;"
                    f" {n * jurisdictions / wall:,.0f} persons × jurisdictions/s over {situation_counts[name]}"
                    f" situations ({n * situation_counts[name] / wall:,.0f} person-situations/s)"
                )


def layouts(roots: dict[str, Path], n: int) -> None:
    """What the long results layout costs against the compact one, and expanding compact to long."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        people = work / "people.parquet"
        child(roots["shipped"], "synth", "--n", str(n), "--seed", "2025", "--out", str(people), "--date", str(DAY))
        print(f"  {n:,} persons × all Swedish jurisdictions, --out (whole command, no amounts)")
        for name, root in roots.items():
            for layout in ("compact", "long"):
                out = work / f"{layout}.parquet"
                wall, cpu, peak, stdout = child_usage(
                    root, "population", str(people), "-J", "all", "--date", str(DAY), "--out", str(out),
                    "--layout", layout, "--no-amounts", "--no-progress",
                )  # fmt: skip
                rows = re.search(r"\(([\d,]+) rows\)", stdout).group(1)
                print(
                    f"    {name:20} {layout:8} {rows:>14} rows, {out.stat().st_size / 1e6:8.1f} MB,"
                    f" {wall:6.1f} s wall, {cpu:6.1f} s CPU, peak {peak:,.0f} MB"
                )
            wall, cpu, peak, stdout = child_usage(
                root, "expand", str(work / "compact.parquet"), "--out", str(work / "expanded.parquet")
            )
            print(f"    {name:20} expand compact → long: {wall:6.1f} s wall, {cpu:6.1f} s CPU, peak {peak:,.0f} MB")
            for file in work.glob("*.parquet"):
                if file != people:
                    file.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", type=int, default=300, help="Cases for the evaluate + JSON figure.")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="0 to skip the large population run.")
    parser.add_argument("--skip-population", action="store_true")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-in-process", action="store_true")
    parser.add_argument("--dask", action="store_true", help="Also run the population on a local Dask cluster.")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="Another checkout's `tolka` executable: its start-up figures interleaved with this one's.",
    )
    parser.add_argument(
        "--layouts", type=int, default=0, help="Persons for the long vs compact results figure (0: skip)."
    )
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; evaluation date {DAY}")
    roots = {"shipped": REPO, "readings everywhere": cached_build()}
    engines = {name: Engine.load(root) for name, root in roots.items()}
    counts = {}
    for name, engine in engines.items():
        support_situations, whole = situations(engine)
        counts[name] = support_situations
        print(
            f"{name}: {len(swedish(engine))} Swedish jurisdictions → {whole} distinct jurisdiction situations,"
            f" {support_situations} distinct support situations ({len(engine.rulebook.rules)} rules)"
        )
    if not args.skip_in_process:
        print(f"\nin process (median of {args.runs}, interleaved):")
        in_process(engines, args.runs, args.cases)
    if not args.skip_cli:
        print(f"\nchild processes (median of {args.runs}, interleaved):")
        builds = {"this": TOLKA, **({"baseline": str(args.baseline)} if args.baseline else {})}
        cli_figures(roots, args.runs, builds)
    if not args.skip_population:
        print(f"\npopulation (median of {args.runs}, interleaved):")
        population(roots, [args.persons] + ([args.big] if args.big else []), args.runs, counts, args.dask)
    if args.layouts:
        print("\nresults layouts (one run):")
        layouts(roots, args.layouts)


if __name__ == "__main__":
    main()
