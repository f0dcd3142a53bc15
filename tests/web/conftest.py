"""Fixtures for the web tests: the app in process (TestClient) and `tolka serve` as a real server."""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from tolka.cli.app import default_rulebook

with warnings.catch_warnings():
    # Starlette now suggests the `httpx2` fork for its TestClient; httpx is what FastAPI documents.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

TOLKA = Path(sys.executable).parent / "tolka"
REPO = Path(__file__).resolve().parents[2]
ARTEFACTS = REPO / "artefacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
# The machine has no outside network: without these Chromium floods it with refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 180  # compiling the rulebook without a cache takes a few seconds; CI is slower


@pytest.fixture(scope="session")
def subprocess_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for `tolka` subprocesses: one compiled-rulebook cache shared by both xdist workers.

    The cache is written atomically (engine.cache), so workers may fill it at the same time; sharing
    it means the rulebook is compiled once per test run, not once per subprocess.
    """
    return dict(
        os.environ, TOLKA_CACHE_DIR=str(tmp_path_factory.getbasetemp().parent / "tolka-web-cache"), PYTHONUNBUFFERED="1"
    )


@pytest.fixture(scope="session")
def web_engine(request: pytest.FixtureRequest):
    """The engine the server would build: `$TOLKA_RULEBOOK` if set (as `tolka serve` does), else the shipped one."""
    if os.environ.get("TOLKA_RULEBOOK"):
        from tolka.evaluate import Engine

        return Engine.load(default_rulebook(), use_cache=False)
    return request.getfixturevalue("shipped_engine")


@pytest.fixture(scope="session")
def client(web_engine) -> Iterator[TestClient]:
    """The whole application in process, over the session's engine."""
    from tolka.server import create_app

    with TestClient(create_app(web_engine)) as test_client:
        yield test_client


def free_port() -> int:
    """A port nothing listens on now (each xdist worker asks for its own)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's child process: get SIGTERM when the test process dies (Linux prctl).

    A crashed xdist worker runs no fixture teardown; without this its server would live on.
    """
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class LiveServer:
    """A running `tolka serve`: its base URL and the file its stdout and stderr go to."""

    def __init__(self, url: str, log: Path) -> None:
        self.url, self.log = url, log

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serve(log: Path, env: dict[str, str], *options: str) -> Iterator[tuple[LiveServer, subprocess.Popen]]:
    """`tolka serve OPTIONS` as a real uvicorn subprocess on a free localhost port, until the block ends."""
    port = free_port()
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [str(TOLKA), "serve", "--port", str(port), *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=_die_with_parent,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"`tolka serve` exited with {process.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/api/facts", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"`tolka serve` did not answer within {SERVER_START_SECONDS} s:\n{log.read_text()}")
            time.sleep(0.25)
        yield LiveServer(url, log), process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, subprocess_env: dict[str, str]) -> Iterator[LiveServer]:
    """`tolka serve` (one process) on a free localhost port, until the session ends."""
    with serve(tmp_path_factory.mktemp("serve") / "server.log", subprocess_env) as (server, _process):
        yield server


# --- a real browser (test_browser*.py) --------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Debian's Chromium, installed with apt-get if missing (a clean CI machine has none)."""
    # Both xdist workers may get here: one installs, the other waits for the lock and finds it.
    lock_path = tmp_path_factory.getbasetemp().parent / "chromium-install.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not CHROMIUM.exists():
            if shutil.which("apt-get") is None:
                pytest.fail(f"{CHROMIUM} is missing and there is no apt-get to install Debian's chromium package")
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            for command in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
                result = subprocess.run(command, capture_output=True, text=True, timeout=1800, env=env)
                if result.returncode != 0:
                    pytest.fail(
                        f"could not install Debian's chromium: `{' '.join(command)}` failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
                    )
        if not CHROMIUM.exists():
            pytest.fail(f"apt-get installed chromium, but {CHROMIUM} does not exist")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """A headless Chromium with a fresh profile, Swedish locale, desktop size."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            locale="sv-SE",
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(60_000)  # the first page of a cold server ranks questions for a few seconds
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    tab = browser.new_page()
    try:
        yield tab
    finally:
        tab.close()
