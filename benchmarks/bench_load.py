"""Load on `tolka serve` (127.0.0.1): does a heavy request starve plain evaluations?

Starts `tolka serve` on a free loopback port, then runs bounded phases with 8 concurrent clients
(threads, keep-alive connections):

* alone: 8 clients POST /api/evaluate (a Norwegian case, the example of Ida in Oslo);
* mixed: 6 clients evaluate while 2 clients POST /api/next-questions over every Norwegian
  jurisdiction ("all"), back to back;

in the order alone, mixed, alone (the baseline interleaved, so a machine that slows down during the
run shows up as two different baselines). Prints evaluate requests/s and p50/p95/p99 per phase, the
heavy answers (200 or the documented 503), every other status as an error, and the server's RSS
(all its processes) sampled over the run. Asserts nothing. Run:

    .venv/bin/python benchmarks/bench_load.py [--seconds 20] [--workers 1] [--heavy-processes 1]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
TOLKA = Path(sys.executable).parent / "tolka"
CASE = {
    "birth_date": "2001-04-12",
    "home_country": "NO",
    "home_municipality": "0301",
    "mental_health_problem": True,
    "goal": "both",
    "current_activity": "employed",
    "work_percentage": 40,
    "receives_aap": True,
    "aap_since": "2024-03-01",
    "years_insured_in_norway": 20,
}
EVALUATE = json.dumps({"case": CASE, "date": "2025-06-01"})
HEAVY = json.dumps({"case": {"home_country": "NO"}, "jurisdictions": "all", "date": "2025-06-01"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of `pid` and all its descendants, in MB (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        todo.extend(int(c) for c in children)
    return total / 1024


def client(url: str, body: str, until: float, latencies: list[float], statuses: dict[int, int]) -> None:
    with httpx.Client(timeout=120, headers={"content-type": "application/json"}) as http:
        while time.perf_counter() < until:
            start = time.perf_counter()
            status = http.post(url, content=body).status_code
            end = time.perf_counter()
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200 and end <= until:  # a heavy answer still running at the end is not counted
                latencies.append(end - start)


def phase(base: str, seconds: float, evaluators: int, heavies: int) -> dict:
    until = time.perf_counter() + seconds
    eval_latencies: list[float] = []
    heavy_latencies: list[float] = []
    eval_statuses: dict[int, int] = {}
    heavy_statuses: dict[int, int] = {}
    threads = [
        threading.Thread(target=client, args=(f"{base}/api/evaluate", EVALUATE, until, eval_latencies, eval_statuses))
        for _ in range(evaluators)
    ] + [
        threading.Thread(
            target=client, args=(f"{base}/api/next-questions", HEAVY, until, heavy_latencies, heavy_statuses)
        )
        for _ in range(heavies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(eval_latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {
        "evaluate_rps": len(ordered) / seconds,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
        "evaluate_statuses": eval_statuses,
        "heavy_statuses": heavy_statuses,
        "heavy_p50_s": statistics.median(heavy_latencies) if heavy_latencies else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each phase")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--heavy-processes", type=int, default=1)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.devnull, "w")  # noqa: SIM115 — the server's log is not part of the figures
    server = subprocess.Popen(
        [str(TOLKA), "serve", "--port", str(port), "--workers", str(args.workers)]
        + ["--heavy-processes", str(args.heavy_processes)],
        stdout=log,
        stderr=log,
        cwd=REPO,
    )
    samples: list[float] = []
    stop = threading.Event()
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/api/facts", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        # Warm both paths (the heavy pool's worker builds its engine on start).
        httpx.post(f"{base}/api/evaluate", content=EVALUATE, headers={"content-type": "application/json"}, timeout=60)
        httpx.post(
            f"{base}/api/next-questions", content=HEAVY, headers={"content-type": "application/json"}, timeout=300
        )

        def sample() -> None:
            while not stop.is_set():
                samples.append(rss_mb(server.pid))
                stop.wait(1.0)

        sampler = threading.Thread(target=sample)
        sampler.start()
        results = [
            ("alone", phase(base, args.seconds, 8, 0)),
            ("mixed", phase(base, args.seconds, 6, 2)),
            ("alone again", phase(base, args.seconds, 8, 0)),
        ]
        stop.set()
        sampler.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(
        f"tolka serve --workers {args.workers} --heavy-processes {args.heavy_processes}, {args.seconds:g} s per phase"
    )
    print(
        f"{'phase':<12} {'eval req/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  evaluate / next-questions statuses"
    )
    for name, r in results:
        print(
            f"{name:<12} {r['evaluate_rps']:>10.1f} {r['p50']:>8.0f} {r['p95']:>8.0f} {r['p99']:>8.0f}  "
            f"{r['evaluate_statuses']} / {r['heavy_statuses']}"
            + (f" (next-questions median {r['heavy_p50_s']:.1f} s)" if r["heavy_p50_s"] else "")
        )
    alone_p99 = max(results[0][1]["p99"], results[2][1]["p99"])
    print(f"evaluate p99 mixed / alone (worse baseline): {results[1][1]['p99'] / alone_p99:.2f} (goal <= 3)")
    if samples:
        third = max(1, len(samples) // 3)
        print(
            f"RSS of the server's processes: first third {statistics.fmean(samples[:third]):.0f} MB, "
            f"last third {statistics.fmean(samples[-third:]):.0f} MB, max {max(samples):.0f} MB"
        )
    errors = sum(n for _, r in results for s, n in r["evaluate_statuses"].items() if s != 200)
    errors += sum(n for _, r in results for s, n in r["heavy_statuses"].items() if s not in (200, 503))
    print(f"errors other than documented 503s: {errors}")


if __name__ == "__main__":
    main()
