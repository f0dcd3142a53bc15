"""A reading's source: the controlled vocabulary for its date and for how much of it was seen, the
translated asides, the maintainers' harvest reference, and the contract's English notes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tolka.model.source import Source

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
