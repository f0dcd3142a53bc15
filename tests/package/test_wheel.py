"""The built wheel carries the rulebook: installed outside the repository, tolka checks and evaluates.

The wheel is installed without dependencies into a fresh virtual environment; its dependencies come
from this test environment's site-packages through a .pth line (appended to sys.path, so the
editable install's finder there is never activated and `import tolka` finds the wheel's copy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.slow
def test_the_wheel_installs_and_evaluates_without_the_repository(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("TOLKA_RULEBOOK", "PYTHONPATH")}
    wheels = tmp_path / "wheels"
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        wheels,
        REPO,
        cwd=tmp_path,
        env=env,
    )
    (wheel,) = wheels.glob("tolka-*.whl")
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)  # this environment's pip installs into it (faster than ensurepip)
    python = target / "bin" / "python"
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
        env=env,
    )
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path, env=env
        ).stdout.strip()
    )
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    root = run(python, "-c", "from tolka.shipped import rulebook_root; print(rulebook_root())", cwd=work, env=env)
    assert Path(root.stdout.strip()).is_relative_to(target)
    tolka = target / "bin" / "tolka"
    checked = run(tolka, "check", cwd=work, env=env)
    assert "ok:" in checked.stdout
    answer = json.loads(
        run(
            tolka,
            "--no-cache",
            "evaluate",
            CASE,
            "-j",
            "SE-0180",
            "--date",
            "2025-09-01",
            "--format",
            "json",
            cwd=work,
            env=env,
        ).stdout
    )
    assert answer["jurisdiction"]["id"] == "SE-0180"
    assert {o["support"] for o in answer["outcomes"]} >= {"ips", "studiehjalp", "forsorjningsstod"}
    # The synthetic-population default configuration is shipped too.
    run(tolka, "synth", "--n", "20", "--seed", "1", "--out", work / "people.csv", cwd=work, env=env)
    assert (work / "people.csv").read_text(encoding="utf-8").count("\n") == 21
    # The message catalogues are shipped: the text output is in Norwegian, not English.
    norwegian = run(
        tolka, "evaluate", CASE, "-j", "NO-0301", "--date", "2025-09-01", "--lang", "nb", cwd=work, env=env
    ).stdout
    assert "har rett" in norwegian or "ikke rett" in norwegian
    assert "eligible" not in norwegian
