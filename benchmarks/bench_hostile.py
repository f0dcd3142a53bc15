"""Hostile input at scale: ≥ 10,000 generated case files, API bodies and rule-file mutations.

The items come from tests/hostile/corpus.py (the CI test runs one variant of each template; this
runs `--variants` of them). Each item is fed to the same code the CLI and the server run, in
process:

* case files: `read_plausible_case` (what `tolka evaluate/brief/compare/ask` read a case with);
* API bodies: POST to the ASGI app (FastAPI TestClient, the whole middleware stack);
* rule-file mutations: `check_rulebook` on the mini rulebook of tests/conftest.py with its law file
  replaced.

Outcomes per class: refused cleanly (a user error / a documented 4xx / rulebook errors with file and
line), traceback (any other exception), hang (no answer within `--timeout` s), 5xx, silent
acceptance (a case read, a 2xx, a rulebook without errors). Also the alias bomb's time and peak
memory. Run:

    .venv/bin/python benchmarks/bench_hostile.py [--variants 85] [--timeout 10]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import signal
import sys
import tempfile
import textwrap
import time
import tracemalloc
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import MINI_FILES, write_rulebook  # noqa: E402
from tests.hostile.corpus import MINI_RULE_FILE, case_files, request_bodies, rule_mutations  # noqa: E402

from tolka.errors import CaseError  # noqa: E402
from tolka.evaluate import Engine  # noqa: E402
from tolka.load import check_rulebook  # noqa: E402
from tolka.plausible import read_plausible_case  # noqa: E402

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

OUTCOMES = ("refused", "traceback", "hang", "5xx", "accepted")


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def bounded(seconds: float, work) -> str:
    """Run `work()` (which returns an outcome) with a wall-clock limit; an escaping exception is a traceback."""
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    except Hang:
        return "hang"
    except Exception:  # noqa: BLE001 — that is what is being counted
        return "traceback"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=85)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    engine = Engine.load(REPO)
    table: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    slowest: dict[str, float] = collections.defaultdict(float)
    day = dt.date(2025, 6, 1)
    start = time.perf_counter()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for item in case_files(args.variants):
            path = root / item.name
            path.write_bytes(item.data)

            def read(path: Path = path) -> str:
                try:
                    read_plausible_case(path, engine.rulebook, day)
                except CaseError as error:
                    error.render()
                    return "refused"
                return "accepted"

            began = time.perf_counter()
            table[("case file", item.cls)][bounded(args.timeout, read)] += 1
            slowest["case file"] = max(slowest["case file"], time.perf_counter() - began)
            path.unlink()

        from tolka.server import create_app

        with TestClient(create_app(engine), raise_server_exceptions=False) as client:
            for item in request_bodies(args.variants):

                def post(item=item) -> str:
                    status = client.post(item.name, content=item.data, headers={"content-type": "application/json"})
                    code = status.status_code
                    return "5xx" if code >= 500 else "refused" if code >= 400 else "accepted"

                began = time.perf_counter()
                table[("API body", item.cls)][bounded(args.timeout, post)] += 1
                slowest["API body"] = max(slowest["API body"], time.perf_counter() - began)

        law = textwrap.dedent(MINI_FILES[MINI_RULE_FILE]).lstrip()
        mini = write_rulebook(root / "mini", MINI_FILES)
        for item in rule_mutations(law, args.variants):
            (mini / item.name).write_bytes(item.data)

            def check(item=item) -> str:
                _, errors = check_rulebook(mini)
                located = [e for e in errors if e.file and e.file.endswith(item.name) and e.line is not None]
                return "refused" if located else "accepted"

            began = time.perf_counter()
            table[("rule file", item.cls)][bounded(args.timeout, check)] += 1
            slowest["rule file"] = max(slowest["rule file"], time.perf_counter() - began)

    bomb = next(item for item in case_files() if item.cls == "alias bomb")
    with tempfile.NamedTemporaryFile(suffix=".yaml") as handle:
        handle.write(bomb.data)
        handle.flush()
        tracemalloc.start()
        began = time.perf_counter()
        bounded(args.timeout, lambda: read_plausible_case(Path(handle.name), engine.rulebook, day) and "accepted")
        bomb_seconds = time.perf_counter() - began
        _, bomb_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    total = collections.Counter()
    print(f"{'input':<10} {'class':<20} {'items':>6} " + " ".join(f"{o:>9}" for o in OUTCOMES))
    for (kind, cls), counts in sorted(table.items()):
        total.update(counts)
        print(f"{kind:<10} {cls:<20} {sum(counts.values()):>6} " + " ".join(f"{counts[o]:>9}" for o in OUTCOMES))
    print(f"{'all':<31} {sum(total.values()):>6} " + " ".join(f"{total[o]:>9}" for o in OUTCOMES))
    print("slowest item: " + ", ".join(f"{k} {v:.2f} s" for k, v in slowest.items()))
    print(
        f"alias bomb ({len(bomb.data)} bytes): refused in {bomb_seconds * 1000:.1f} ms, peak {bomb_peak / 2**20:.2f} MB"
    )
    print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
