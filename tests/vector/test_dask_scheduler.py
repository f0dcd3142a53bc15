"""`tolka population --engine dask --scheduler` against a real cluster in other processes.

A `dask scheduler` and two `dask worker` processes (one thread each) are started on 127.0.0.1 at
free ports; the CLI run on them must write the same summary, byte for byte, as the local run. The
run in this process checks that the rulebook is scattered without hashing it (hashing a large
rulebook took longer than the run). The population is small: CI has 2 cores.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tolka.population.distributed import dask_executor
from tolka.population.run import run_population
from tolka.population.synth import DEFAULT_CONFIG, write_population

DAY = dt.date(2025, 9, 1)
BIN = Path(sys.executable).parent
PERSONS = 600
CHUNK = 150  # four chunks, so both workers get some
PLACES = "SE,SE-0180,SE-1480,SE-EX-A,NO"
START_TIMEOUT = 120  # seconds for the scheduler and both workers to be up (a loaded 2-core machine)
RUN_TIMEOUT = 300


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Terminate a child we started, and kill it if it does not stop."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a scheduler with two single-threaded workers, all stopped after the module."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    processes: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        log = (logs / f"{name}.log").open("w")
        processes.append(subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT, env=env))

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        for number in (1, 2):
            start(
                f"worker-{number}",
                "worker",
                address,
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--no-dashboard",
                "--name",
                f"tolka-test-{number}",
            )
        deadline = time.monotonic() + START_TIMEOUT
        while True:  # the scheduler may not listen yet
            try:
                with Client(address, timeout=10) as client:
                    client.wait_for_workers(2, timeout=max(1.0, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                    raise
                time.sleep(1)
        yield address
    except BaseException:
        for log in sorted(logs.iterdir()):
            print(f"--- {log.name}\n{log.read_text()}", file=sys.stderr)
        raise
    finally:
        for process in reversed(processes):  # workers first, then the scheduler
            stop(process)


@pytest.fixture(scope="module")
def people(shipped_engine, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("people") / "people.parquet"
    write_population(shipped_engine.rulebook, DEFAULT_CONFIG, PERSONS, 7, DAY, path)
    return path


def tolka(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "tolka"), *args], capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False
    )


def test_cli_on_a_scheduler_writes_the_local_summary(scheduler, people, tmp_path):
    common = ["population", str(people), "-J", PLACES, "--date", DAY.isoformat(), "--chunk-size", str(CHUNK)]
    local = tolka(*common, "--summary", str(tmp_path / "local.csv"))
    assert local.returncode == 0, local.stderr
    remote = tolka(*common, "--summary", str(tmp_path / "dask.csv"), "--engine", "dask", "--scheduler", scheduler)
    assert remote.returncode == 0, remote.stderr
    assert f"{PERSONS:,} persons × 5 jurisdictions" in remote.stdout
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()


def test_the_rulebook_is_scattered_once_without_hashing(scheduler, people, shipped_engine, tmp_path, monkeypatch):
    from distributed import Client

    calls: list[dict] = []
    scatter = Client.scatter

    def recording(self, data, **options):
        calls.append(options)
        return scatter(self, data, **options)

    monkeypatch.setattr(Client, "scatter", recording)
    places = PLACES.split(",")
    rulebook = shipped_engine.rulebook
    run_population(rulebook, people, places, DAY, summary=tmp_path / "local.csv", chunk_size=CHUNK)
    run_population(
        rulebook,
        people,
        places,
        DAY,
        summary=tmp_path / "dask.csv",
        chunk_size=CHUNK,
        executor=dask_executor(scheduler),
    )
    assert calls == [{"broadcast": True, "hash": False}]
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
