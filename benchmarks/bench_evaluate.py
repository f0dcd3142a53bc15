"""Evaluation speed of the shipped rulebook, against a bare durable_rules ruleset of the same size.

Prints figures; asserts nothing (machines are noisy: read the ratios). Run:

    .venv/bin/python benchmarks/bench_evaluate.py [--cases 2000]

* warm: cases/s and ms per case for `Engine.evaluate` (Rete truth values, resolution, outcome
  models) on synthetic cases with unknown facts, after one warm-up pass;
* the Rete part alone (`Engine.truths`);
* a bare durable_rules baseline in the same process: as many plain rules (one test each) as the
  compiled rulebook has leaves, one session per case, the same number of asserts per case;
* CLI cold start: `tolka evaluate` as a fresh process, with the on-disk compile cache warm and off.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from engine.case import Case  # noqa: E402
from engine.evaluate import Engine  # noqa: E402

DAY = dt.date(2025, 9, 1)


def synthetic_cases(engine: Engine, count: int, seed: int = 7) -> list[Case]:
    """Random cases over the whole vocabulary; each fact known with probability 0.7."""
    rng = random.Random(seed)
    facts = [f for f in engine.rulebook.facts.values() if "SE" in f.countries]
    cases = []
    for _ in range(count):
        values = {}
        for fact in facts:
            if rng.random() > 0.7:
                continue
            if fact.type == "bool":
                values[fact.name] = rng.random() < 0.5
            elif fact.type == "enum":
                values[fact.name] = rng.choice(fact.value_ids)
            elif fact.type == "date":
                values[fact.name] = dt.date(rng.randint(1995, 2010), rng.randint(1, 12), rng.randint(1, 28))
            elif fact.type == "code":
                continue
            else:
                values[fact.name] = rng.randint(0, 40)
        cases.append(Case(values))
    return cases


def timed(function, items) -> float:
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def bare_durable_baseline(leaves: int, rulesets: int, cases: int) -> float:
    """Seconds for `cases` evaluations of a plain ruleset with `leaves` single-test rules."""
    import durable.engine as durable_engine

    fired: list[str] = []

    class Host(durable_engine.Host):
        def get_action(self, name):
            return lambda c: fired.append(name)

    host = Host()
    per_ruleset = max(1, leaves // rulesets)
    definitions = {}
    for r in range(rulesets):
        rules = {"sentinel": {"all": [{"m": {"tolka": 1}}], "run": "s"}}
        for i in range(per_ruleset):
            rules[f"r{i}"] = {"all": [{"m": {"$and": [{"tolka": 1}, {f"f{i % 30}": i % 4}]}}], "run": f"a{i}"}
        definitions[f"bare_{r}"] = rules
    host.set_rulesets(definitions)
    rng = random.Random(3)
    docs = [{f"f{j}": rng.randrange(4) for j in range(30)} for _ in range(cases)]
    start = time.perf_counter()
    for n, doc in enumerate(docs):
        for r in range(rulesets):
            fact = dict(doc, tolka=1, sid=str(n))
            host.assert_fact(f"bare_{r}", fact)
            host.delete_state(f"bare_{r}", str(n))
    return time.perf_counter() - start


def cli_cold_start(runs: int, cache: str) -> list[float]:
    case = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
    command = [str(REPO / ".venv" / "bin" / "tolka"), "evaluate", str(case), "-j", "SE-EX-A", "--date", "2025-09-01", "--format", "json"]
    env = dict(os.environ, TOLKA_CACHE_DIR=cache)
    subprocess.run(command, env=env, check=True, capture_output=True)  # fills the cache when on
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--cli-runs", type=int, default=5)
    args = parser.parse_args()

    load_start = time.perf_counter()
    engine = Engine.load(REPO, use_cache=False)
    load_seconds = time.perf_counter() - load_start
    cases = synthetic_cases(engine, args.cases)
    jurisdictions = ["SE", "SE-EX-A", "SE-EX-C", "SE-0180"]
    work = [(case, jurisdictions[i % len(jurisdictions)]) for i, case in enumerate(cases)]

    timed(lambda item: engine.evaluate(item[0], item[1], DAY), work[:200])  # warm-up
    evaluate_seconds = timed(lambda item: engine.evaluate(item[0], item[1], DAY), work)
    truths_seconds = timed(lambda item: engine.truths(item[0], item[1], DAY), work)
    rulesets = engine.rete.ruleset_count
    baseline_seconds = bare_durable_baseline(engine.network.leaves, rulesets, len(work))

    n = len(work)
    print(f"rulebook: {len(engine.rulebook.rules)} rules → {engine.network.leaves} durable_rules leaves in {rulesets} rulesets")
    print(f"load + validate + compile (no cache): {load_seconds:.2f} s")
    print(f"evaluate (warm, {n} cases):   {n / evaluate_seconds:8.0f} cases/s   {1000 * evaluate_seconds / n:6.3f} ms/case")
    print(f"  of which Rete truth values:  {n / truths_seconds:8.0f} cases/s   {1000 * truths_seconds / n:6.3f} ms/case")
    print(f"bare durable_rules, same size: {n / baseline_seconds:8.0f} cases/s   {1000 * baseline_seconds / n:6.3f} ms/case")
    print(f"ratio evaluate / bare durable_rules (time per case): {evaluate_seconds / baseline_seconds:.2f}")
    warm = cli_cold_start(args.cli_runs, str(Path("/tmp") / "tolka-bench-cache"))
    cold = cli_cold_start(max(2, args.cli_runs // 2), "off")
    print(f"CLI cold start, compile cache warm: median {statistics.median(warm):.2f} s (min {min(warm):.2f}, max {max(warm):.2f})")
    print(f"CLI cold start, cache off:          median {statistics.median(cold):.2f} s (min {min(cold):.2f}, max {max(cold):.2f})")


if __name__ == "__main__":
    main()
