"""The per-file caches (parsed YAML, validated items) never serve stale or damaged data, and never
hide an error: a changed file's error is reported with its file and line, every time."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tolka.errors import RulebookInvalid, StaticConflictError
from tolka.fingerprint import canonical
from tolka.load import check_rulebook, load_rulebook
from tolka.load.sections import rulebook_files

KINDS = ("parsed-yaml", "validated")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("TOLKA_CACHE_DIR", str(directory))
    return directory


def _law_title(rulebook) -> str:
    return rulebook.laws["testlaw"].title.en


def _entries(cache: Path, kind: str) -> set[Path]:
    return set((cache / kind).iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_an_edited_file_is_read_again_even_with_the_same_size_and_time(mini, cache, kind):
    law = mini / "rules" / "laws" / "testlaw.yaml"
    assert _law_title(load_rulebook(mini)) == "Test Act"
    entries = _entries(cache, kind)
    files = rulebook_files(mini)
    kept = files if kind == "validated" else [f for f in files if f.suffix == ".yaml"]
    assert len(entries) == len(kept)  # every file read once is kept
    stat = law.stat()
    law.write_text(law.read_text().replace("Test Act", "Tset Act"))  # same length
    os.utime(law, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same modification time
    assert law.stat().st_size == stat.st_size
    assert _law_title(load_rulebook(mini)) == "Tset Act"
    assert len(_entries(cache, kind) - entries) == 1  # only the edited file was read again


def test_cached_load_equals_a_fresh_read(mini, cache, monkeypatch):
    cold = load_rulebook(mini)
    warm = load_rulebook(mini)  # every file from the cache
    monkeypatch.setenv("TOLKA_CACHE_DIR", "off")
    fresh = load_rulebook(mini)
    assert warm.fingerprint == cold.fingerprint == fresh.fingerprint
    assert [r.key for r in warm.rules] == [r.key for r in fresh.rules]
    assert [r.origin for r in warm.rules] == [r.origin for r in fresh.rules]
    assert warm.laws == fresh.laws and warm.points == fresh.points and warm.readings == fresh.readings
    assert warm.origins == fresh.origins


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_entry_is_read_again(mini, cache, kind):
    load_rulebook(mini)
    for entry in _entries(cache, kind):
        entry.write_bytes(b"not a pickle")
    assert _law_title(load_rulebook(mini)) == "Test Act"


def test_a_file_that_fails_to_parse_is_not_kept_and_fails_every_time(mini, cache):
    law = mini / "rules" / "laws" / "testlaw.yaml"
    law.write_text(law.read_text() + "\n  broken: [unclosed\n")
    for _ in range(2):
        with pytest.raises(RulebookInvalid) as failure:
            load_rulebook(mini)
        assert any("testlaw.yaml" in str(error.file) and error.line for error in failure.value.errors)


def test_a_cached_file_edited_into_an_error_reports_it_with_file_and_line_every_time(mini, cache):
    law = mini / "rules" / "laws" / "testlaw.yaml"
    load_rulebook(mini)  # every file validated and kept
    validated = _entries(cache, "validated")
    law.write_text(law.read_text().replace("  short: TL\n", "  short: TL\n  shrot: TL\n"))
    for _ in range(2):
        with pytest.raises(RulebookInvalid) as failure:
            load_rulebook(mini)
        error = next(e for e in failure.value.errors if "unknown key `shrot`" in str(e))
        assert (error.file, error.line) == ("rules/laws/testlaw.yaml", 4)
    assert _entries(cache, "validated") == validated  # a file with errors is never kept


def test_the_same_file_under_another_name_is_located_under_its_own_name(mini, cache):
    load_rulebook(mini)
    law = mini / "rules" / "laws" / "testlaw.yaml"
    law.rename(law.with_name("renamed.yaml"))
    rulebook = load_rulebook(mini)
    assert str(rulebook.origins[("provision", "testlaw.1.1")]).startswith("rules/laws/renamed.yaml:")


def _fingerprint_by_definition(rulebook) -> str:
    """The fingerprint as defined (tolka.fingerprint), every linked item dumped afresh and the lists
    ordered and written by json.dumps itself: the loader writes it from forms kept with each file's
    validated items instead."""
    content = json.loads(canonical(rulebook, known={}))  # every model of the rulebook dumped here
    for items in content.values():
        items.sort(key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("caching", ["on", "off"])
def test_the_fingerprint_from_kept_forms_is_the_defined_one(caching, cache, monkeypatch):
    if caching == "off":
        monkeypatch.setenv("TOLKA_CACHE_DIR", "off")
    for _ in range(2):  # validated afresh, then (caching on) every file's forms from the cache
        rulebook = load_rulebook(REPO)
        assert rulebook.fingerprint == _fingerprint_by_definition(rulebook)
        assert {"laws", "rules", "readings", "amounts", "jurisdictions"} <= set(json.loads(canonical(rulebook)))


def test_the_fingerprint_follows_an_edit_and_items_changed_while_linking(mini, cache):
    before = load_rulebook(mini)
    law = mini / "rules" / "laws" / "testlaw.yaml"
    law.write_text(law.read_text().replace("Test Act", "Tset Act"))
    edited = load_rulebook(mini)
    assert edited.fingerprint == _fingerprint_by_definition(edited) != before.fingerprint
    # jurisdictions inheriting in a circle are kept without their parents (copies of the validated items)
    tree = mini / "jurisdictions" / "tree.yaml"
    tree.write_text(tree.read_text().replace("Region One, parent: SE}", "Region One, parent: SE-0001}"))
    rulebook, errors = check_rulebook(mini)
    assert any("circle" in str(error) for error in errors)
    assert rulebook.fingerprint == _fingerprint_by_definition(rulebook)


def _conflicts(root: Path) -> list[str]:
    _, errors = check_rulebook(root)
    return [error.render() for error in errors if isinstance(error, StaticConflictError)]


def test_kept_conflict_findings_report_what_a_fresh_search_reports(mini, cache, monkeypatch):
    money = mini / "rules" / "money.yaml"
    money.write_text(money.read_text().replace("    exception_to: [money.right]\n", ""))
    fresh = _conflicts(mini)
    assert len(fresh) == 1 and "activity = 'studying'" in fresh[0]  # the witness case
    assert len(list((cache / "conflict-pairs").iterdir())) == 1
    assert _conflicts(mini) == fresh  # from the kept finding
    for table in (cache / "conflict-pairs").iterdir():
        table.write_bytes(b"not a pickle")
    assert _conflicts(mini) == fresh  # a damaged table is searched afresh
    monkeypatch.setenv("TOLKA_CACHE_DIR", "off")
    assert _conflicts(mini) == fresh


def test_a_kept_conflict_finding_never_outlives_an_edit_of_either_condition(mini, cache):
    money = mini / "rules" / "money.yaml"
    money.write_text(money.read_text().replace("    exception_to: [money.right]\n", ""))
    assert len(_conflicts(mini)) == 1
    # the same rules, now exclusive: one needs means, the other their lack
    money.write_text(money.read_text().replace('when: activity == "studying" and', "when: not lacks_means and"))
    assert _conflicts(mini) == []
    money.write_text(money.read_text().replace("when: not lacks_means and", 'when: activity == "studying" and'))
    assert len(_conflicts(mini)) == 1
