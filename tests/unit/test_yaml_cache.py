"""The parsed-YAML cache never serves stale or damaged data, and never hides an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tolka.errors import RulebookInvalid
from tolka.load import load_rulebook


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TOLKA_CACHE_DIR", str(directory))
    return directory / "parsed-yaml"


def _law_title(rulebook) -> str:
    return rulebook.laws["testlaw"].title.en


def test_an_edited_file_is_read_again_even_with_the_same_size_and_time(mini, cache):
    law = mini / "rules" / "laws" / "testlaw.yaml"
    assert _law_title(load_rulebook(mini)) == "Test Act"
    entries = set(cache.iterdir())
    assert entries  # every file parsed once is kept
    stat = law.stat()
    law.write_text(law.read_text().replace("Test Act", "Tset Act"))  # same length
    os.utime(law, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same modification time
    assert law.stat().st_size == stat.st_size
    assert _law_title(load_rulebook(mini)) == "Tset Act"
    assert len(set(cache.iterdir()) - entries) == 1  # only the edited file was parsed again


def test_cached_load_equals_a_fresh_parse(mini, cache, monkeypatch):
    cold = load_rulebook(mini)
    warm = load_rulebook(mini)  # every file from the cache
    monkeypatch.setenv("TOLKA_CACHE_DIR", "off")
    fresh = load_rulebook(mini)
    assert warm.fingerprint == cold.fingerprint == fresh.fingerprint
    assert [r.key for r in warm.rules] == [r.key for r in fresh.rules]
    assert warm.laws == fresh.laws and warm.points == fresh.points and warm.readings == fresh.readings


def test_a_damaged_entry_is_parsed_again(mini, cache):
    load_rulebook(mini)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    assert _law_title(load_rulebook(mini)) == "Test Act"


def test_a_file_that_fails_to_parse_is_not_kept_and_fails_every_time(mini, cache):
    law = mini / "rules" / "laws" / "testlaw.yaml"
    law.write_text(law.read_text() + "\n  broken: [unclosed\n")
    for _ in range(2):
        with pytest.raises(RulebookInvalid) as failure:
            load_rulebook(mini)
        assert any("testlaw.yaml" in str(error.file) and error.line for error in failure.value.errors)
