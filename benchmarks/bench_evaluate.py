"""Evaluation speed of the shipped rulebook, against a bare durable_rules ruleset of the same size.

Prints figures; asserts nothing (machines are noisy: read the ratios). Run:

    .venv/bin/python benchmarks/bench_evaluate.py [--cases 2000] [--cli-runs 0]

* warm: ms per case (wall and CPU) for `Engine.evaluate` with and without the JSON rendering, on
  synthetic cases with unknown facts, after a warm-up pass over other cases, as the median of
  interleaved rounds. Every path gets cases it has not seen in every round (the engine remembers
  outcomes by their truth pattern, so repeating cases would measure the memory only); one path
  repeats the warm-up cases to show that bound;
* the truth values alone, from the expression-tree back end (the default) and from the Rete back
  end (durable_rules, the reference), and evaluate + JSON on the Rete back end;
* a bare durable_rules baseline in the same process: the same compiled rulesets and the same
  facts asserted into a plain host whose actions do nothing (durable_rules alone);
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

from tolka.case import Case  # noqa: E402
from tolka.compare import compare  # noqa: E402
from tolka.evaluate import Engine  # noqa: E402
from tolka.render.json_out import to_json  # noqa: E402

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


def bare_durable_baseline(engine: Engine, work) -> float:
    """Seconds to assert the same facts into the same compiled rulesets with no-op actions.

    This is durable_rules alone: no document building, no resolution, no outcome models.
    """
    import copy

    import durable.engine as durable_engine

    from tolka.backends.rete.compile import DAY_KEY, SENTINEL_KEY, scope_marker, unknown_marker
    from tolka.document import build_document
    from tolka.jurisdictions import reading_values, resolve_readings

    class Host(durable_engine.Host):
        def get_action(self, name):
            return lambda c: None

    host = Host()
    host.set_rulesets({f"bare_{r.name}": copy.deepcopy(r.definition) for r in engine.network.rulesets})
    facts = []
    for n, (case, place) in enumerate(work):
        document = build_document(
            case, DAY, reading_values(resolve_readings(engine.rulebook, place, DAY)), engine.rulebook
        )
        scopes = engine.rulebook.scopes(place)
        for ruleset in engine.network.rulesets:
            if not any(s in scopes for s in ruleset.scopes):
                continue
            fact = {SENTINEL_KEY: 1, "sid": f"b{n}"}
            for key in ruleset.keys:
                if key in document:
                    fact[key] = document[key]
                else:
                    fact[unknown_marker(key)] = 1
            fact.update({scope_marker(s): 1 for s in ruleset.scopes if s in scopes})
            if ruleset.uses_day:
                fact[DAY_KEY] = document[DAY_KEY]
            facts.append((f"bare_{ruleset.name}", fact))

    def run(batch: list[tuple[str, dict]], tag: str) -> None:
        for name, fact in batch:
            fact = {**fact, "sid": fact["sid"] + tag}
            host.assert_fact(name, fact)
            host.delete_state(name, fact["sid"])

    run(facts[: len(facts) // 10], "w")  # warm-up, as for the measured path
    start = time.perf_counter()
    run(facts, "")
    return time.perf_counter() - start


def cli_cold_start(runs: int, cache: str) -> list[float]:
    case = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
    command = [
        str(REPO / ".venv" / "bin" / "tolka"),
        "evaluate",
        str(case),
        "-j",
        "SE-EX-A",
        "--date",
        "2025-09-01",
        "--format",
        "json",
    ]
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
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI cold starts to time (0: none).")
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved timing rounds (the median is printed).")
    args = parser.parse_args()

    load_start = time.perf_counter()
    engine = Engine.load(REPO, use_cache=False, backend="tree")
    load_seconds = time.perf_counter() - load_start
    rete = Engine(engine.rulebook, engine.network, backend="rete")
    jurisdictions = ["SE", "SE-EX-A", "SE-EX-C", "SE-0180"]

    def work_for(seed: int) -> list[tuple[Case, str]]:
        cases = synthetic_cases(engine, args.cases, seed)
        return [(case, jurisdictions[i % len(jurisdictions)]) for i, case in enumerate(cases)]

    paths = {
        "evaluate + JSON": lambda item: to_json(engine.evaluate(item[0], item[1], DAY)),
        "evaluate + JSON, cases seen before": lambda item: to_json(engine.evaluate(item[0], item[1], DAY)),
        "evaluate + JSON, Rete back end": lambda item: to_json(rete.evaluate(item[0], item[1], DAY)),
        "evaluate": lambda item: engine.evaluate(item[0], item[1], DAY),
        "  truth values, expression-tree back end": lambda item: engine.truths(item[0], item[1], DAY),
        "  truth values, Rete back end": lambda item: rete.truths(item[0], item[1], DAY),
        "decide (statuses only, no reasons)": lambda item: engine.decide(item[0], item[1], DAY),
    }
    # One warm-up pass of every path over the same cases (first-use caches: citations, reasons,
    # readings shown; durable_rules' own first asserts), then --rounds rounds in which the paths and
    # the bare baseline alternate, so that load on a shared machine hits them alike. Each path gets
    # new cases in each round, except the one that repeats the warm-up cases.
    seen = work_for(7)
    for function in paths.values():
        timed(function, seen)
    samples: dict[str, list[tuple[float, float]]] = {}
    bare = "bare durable_rules (same rulesets and facts, no-op actions)"
    for round_ in range(args.rounds):
        for number, (name, function) in enumerate(paths.items()):
            work = seen if name.endswith("seen before") else work_for(1000 * (round_ + 1) + number)
            cpu = time.process_time()
            wall = timed(function, work)
            samples.setdefault(name, []).append((wall, time.process_time() - cpu))
        cpu = time.process_time()
        wall = bare_durable_baseline(engine, work_for(1000 * (round_ + 1)))
        samples.setdefault(bare, []).append((wall, time.process_time() - cpu))
    cases = [case for case, _ in seen]
    every = [j.id for j in engine.rulebook.jurisdictions.values() if j.country == "SE"]
    compare_runs = [timed(lambda case: compare(engine, case, every, DAY), [case]) for case in cases[:20]]
    rulesets = engine.rete.ruleset_count

    n = args.cases
    print(
        f"rulebook: {len(engine.rulebook.rules)} rules ({sum(1 for r in engine.rulebook.rules if r.constant is None)} in the network) → {engine.network.leaves} durable_rules leaves in {rulesets} rulesets"
    )
    print(f"load + validate + compile (no cache): {load_seconds:.2f} s")
    print(f"warm, {n} cases, median of {args.rounds} interleaved rounds (wall; CPU of this process):")
    medians = {}
    for name, values in samples.items():
        wall = statistics.median(v[0] for v in values) / n
        cpu = medians[name] = statistics.median(v[1] for v in values) / n
        print(f"  {name:60} {1000 * wall:7.3f} ms/case wall  {1000 * cpu:7.3f} ms/case CPU")
    baseline = medians[bare]
    for name in ("evaluate + JSON", "evaluate + JSON, Rete back end", "evaluate"):
        print(f"ratio {name} / bare durable_rules (CPU per case): {medians[name] / baseline:.2f}")
    print(
        f"compare one case across all {len(every)} Swedish jurisdictions (warm, 20 cases): "
        f"median {statistics.median(compare_runs):.3f} s (min {min(compare_runs):.3f}, max {max(compare_runs):.3f})"
    )
    if not args.cli_runs:
        return
    warm = cli_cold_start(args.cli_runs, str(Path("/tmp") / "tolka-bench-cache"))
    cold = cli_cold_start(max(2, args.cli_runs // 2), "off")
    print(
        f"CLI cold start, compile cache warm: median {statistics.median(warm):.2f} s (min {min(warm):.2f}, max {max(warm):.2f})"
    )
    print(
        f"CLI cold start, cache off:          median {statistics.median(cold):.2f} s (min {min(cold):.2f}, max {max(cold):.2f})"
    )


if __name__ == "__main__":
    main()
