"""docs/python.md: every example in it runs and shows what it says (Python's doctest)."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_python_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the examples read examples/cases/… relative to the repository
    if "TOLKA_RULEBOOK" in os.environ:
        monkeypatch.delenv("TOLKA_RULEBOOK")  # the examples' figures are the shipped rulebook's
    result = doctest.testfile(
        str(REPO / "docs" / "python.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 10 and result.failed == 0, f"{result.failed} example(s) in docs/python.md failed"


def test_dataframes_without_pandas_say_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from tolka.api import MissingExtraError, _pandas

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed: importing it raises ImportError
    with pytest.raises(MissingExtraError) as raised:
        _pandas()
    assert raised.value.hint == "pip install 'tolka[pandas]'"
