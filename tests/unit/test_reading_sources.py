"""A reading's source: the controlled vocabulary for its date and for how much of it was seen, the
translated asides, the maintainers' harvest reference, and the contract's English notes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.unit.test_rulebook_errors import add
from tolka import errors as E
from tolka.load import check_rulebook
from tolka.model.source import Source
from tolka.render.source_note import source_date, source_note

ASIDE = {
    "sv": "projektperiod 2017-09-01 – 2020-08-31 (ESF-registret)",
    "nb": "prosjektperiode 2017-09-01 – 2020-08-31 (ESF-registeret)",
    "en": "project period 2017-09-01 – 2020-08-31 (ESF record)",
}


def test_the_structured_form_writes_the_contract_notes_in_english():
    source = Source.model_validate(
        {
            "url": "https://example.invalid/page",
            "date_state": "not_shown",
            "date_aside": ASIDE,
            "seen": "opening_part",
            "harvest_ref": "municipal-readings-ips.md M2",
        }
    )
    assert source.date_note == "date not shown; project period 2017-09-01 – 2020-08-31 (ESF record)"
    assert source.retrieved == "stored copy, opening part only"  # the harvest reference is not in it
    assert source.harvest_ref == "municipal-readings-ips.md M2"
    assert source.date_aside is not None and source.date_aside.get("sv") == ASIDE["sv"]


def test_a_published_date_needs_no_state_and_an_updated_date_says_so():
    plain = Source.model_validate({"url": "https://example.invalid/p", "published": "2024-06-17", "seen": "whole_page"})
    assert plain.date_note is None and plain.retrieved == "stored copy, whole page seen"
    updated = Source.model_validate(
        {"url": "https://example.invalid/p", "published": "2024-06-17", "date_state": "updated_shown"}
    )
    assert updated.date_note == "'updated' date shown on the page"


def test_revalidating_a_dumped_source_gives_the_same_source():
    source = Source.model_validate(
        {"url": "https://example.invalid/p", "date_state": "not_shown", "seen": "interviews", "seen_aside": ASIDE}
    )
    assert Source.model_validate(source.model_dump()) == source


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({}, "needs a `date_state`"),
        ({"date_state": "not_shown", "date_note": "date not shown (cut off)"}, "`date_note` is written from"),
        ({"seen": "whole_page", "retrieved": "stored copy", "date_state": "not_shown"}, "`retrieved` is written from"),
        ({"published": "2024-01-01", "date_state": "not_shown"}, "says the page shows no date"),
        ({"date_state": "updated_shown"}, "needs the date itself in `published`"),
        ({"date_state": "not_shown", "seen": "glimpsed"}, "whole_page"),
    ],
)
def test_inconsistent_sources_are_refused(fields, says):
    with pytest.raises(ValidationError) as caught:
        Source.model_validate({"url": "https://example.invalid/p", **fields})
    assert says in str(caught.value)


# --- the loader: a reading's source in the old plain-English form is refused, at its line ---------

READING = """
    readings:
      - point: studies_allowed
        value: "no"
        source: *page
        summary: {en: "No money during studies.", sv: "Inga pengar under studier."}
        verified: false
"""

OLD_FORM = (
    """
    jurisdiction: SE-0001
    sources:
      page: &page
        url: https://example.invalid/strict
        date_note: "date not shown"
        retrieved: "stored copy, opening part only"
"""
    + READING
)

NEW_FORM = (
    """
    jurisdiction: SE-0001
    sources:
      page: &page
        url: https://example.invalid/strict
        date_state: not_shown
        seen: opening_part
        seen_aside:
          sv: "avbruten i listan över skyldigheter"
          en: "cut off in the list of duties"
        harvest_ref: "notes.md A1"
"""
    + READING
)


def _line(root, relative: str, needle: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_a_source_in_the_new_form_loads(mini):
    add(mini, "jurisdictions/strict.yaml", NEW_FORM)
    rulebook, errors = check_rulebook(mini)
    assert errors == []
    (entry,) = rulebook.readings["SE-0001"]
    assert entry.item.source.seen == "opening_part"
    assert entry.item.source.retrieved == "stored copy, opening part only; cut off in the list of duties"


def test_the_old_plain_english_notes_are_refused_at_their_lines(mini):
    add(mini, "jurisdictions/strict.yaml", OLD_FORM)
    _, errors = check_rulebook(mini)
    by_note = {note: [e for e in errors if f"gives `{note}` as free English text" in e.message] for note in NOTES}
    for note, key in NOTES.items():
        (error,) = by_note[note]
        assert isinstance(error, E.SchemaError)
        assert error.file == "jurisdictions/strict.yaml"
        assert error.line == _line(mini, "jurisdictions/strict.yaml", f"{note}:")
        assert f"`{key}:`" in (error.hint or "") and "docs/harvesting.md" in (error.hint or "")


NOTES = {"date_note": "date_state", "retrieved": "seen"}


def test_an_aside_without_the_country_language_is_refused(mini):
    without_swedish = NEW_FORM.replace('          sv: "avbruten i listan över skyldigheter"\n', "")
    add(mini, "jurisdictions/strict.yaml", without_swedish)
    _, errors = check_rulebook(mini)
    (error,) = errors
    assert "has a `seen_aside` without sv" in error.message
    assert error.line == _line(mini, "jurisdictions/strict.yaml", "seen_aside:")


def test_a_parameter_source_may_keep_a_free_date_note():
    source = Source.model_validate({"url": "https://example.invalid/sfs", "date_note": "wording of Lag (2022:879)"})
    assert not source.structured_note("date_note")
    assert source_date(source, "sv") == "wording of Lag (2022:879)"


# --- what readers are shown -----------------------------------------------------------------------

ENGLISH_NOTES = ("stored copy", "date not shown", "opening part", "whole page", "partly visible", "date cut off")


def test_the_vocabulary_and_the_asides_are_shown_in_the_reader_language():
    source = Source.model_validate(
        {
            "url": "https://example.invalid/p",
            "date_state": "not_shown",
            "date_aside": ASIDE,
            "seen": "opening_part",
            "harvest_ref": "municipal-readings-ips.md M2",
        }
    )
    assert source_note(source, "sv") == (
        "datum visas inte — projektperiod 2017-09-01 – 2020-08-31 (ESF-registret); sparad kopia, bara sidans början"
    )
    assert source_note(source, "en").startswith("date not shown — project period")
    assert ".md" not in source_note(source, "nb")  # the harvest reference is for maintainers only


def test_no_shipped_source_note_is_shown_in_english_in_sv_or_nb(shipped_engine):
    rulebook = shipped_engine.rulebook
    sources = {id(e.item.source): e.item.source for entries in rulebook.readings.values() for e in entries}
    assert len(sources) > 500  # every reading of the harvest
    for language in ("sv", "nb"):
        for source in sources.values():
            note = source_note(source, language)
            assert not any(phrase in note for phrase in ENGLISH_NOTES), (language, source.url, note)
            assert not (source.harvest_ref and source.harvest_ref in note)
