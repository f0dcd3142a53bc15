"""Where a reading comes from: a published page or document, its date, and how much of it was seen.

A harvester records two things about every page besides its address: whether it shows a date, and
how much of the stored copy could be read. Both are a controlled vocabulary (`date_state`, `seen`),
so that a Swedish or Norwegian reader gets them in their language from the catalogues; what is
particular to one page goes in a translated aside (`date_aside`, `seen_aside`, `{sv, en, nb}`), and
the harvester's own reference to their notes in `harvest_ref`, which no reader is shown.

`date_note` and `retrieved` are the JSON contract's English notes (schema 2.0): for a source in the
structured form they are written from the vocabulary's English words and the asides' English, so a
consumer of 2.0 reads what it read before. A parameter's source may still give `date_note` as a
free note, shown as written; a reading's source may not (docs/harvesting.md), and the shipped
parameters' sources do not either (tests/unit/test_rulebook_languages.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Model, Text

# A source older than this on the evaluation date is marked stale in the readings matrix, in compare
# and in every answer: five years is about one municipal term plus the time guidelines usually live.
STALE_AFTER_YEARS = 5

DateState = Literal["shown", "updated_shown", "month_only", "cut_off", "not_shown"]
Seen = Literal["whole_page", "opening_part", "partly_visible", "interviews"]

# The English words are the catalogue's message ids and the contract's `date_note` / `retrieved`.
DATE_STATES: dict[str, str] = {
    "shown": N_("date shown on the page"),
    "updated_shown": N_("'updated' date shown on the page"),
    "month_only": N_("only the month shown"),
    "cut_off": N_("date cut off in the stored copy"),
    "not_shown": N_("date not shown"),
}
SEEN: dict[str, str] = {
    "whole_page": N_("stored copy, whole page seen"),
    "opening_part": N_("stored copy, opening part only"),
    "partly_visible": N_("stored copy, partly visible"),
    "interviews": N_("interviews"),
}


class Source(Model):
    """Where a reading comes from: a published page or document, with its date."""

    url: str | None = None
    document: str | None = None
    title: str | None = None
    published: dt.date | None = None
    date_note: str | None = None
    retrieved: str | None = None
    # When the page was found (harvest date), so a researcher can tell an old find from a new one.
    found: dt.date | None = None
    # Whose page it is: the organisation's own page, a mirror of its document (docplayer, studylib
    # …) or a secondary source reporting on it. Mirrors and secondary sources are weaker evidence.
    origin: Literal["own_page", "mirror", "secondary"] = "own_page"
    # Whether the page shows a date (`shown` is implied by `published`), and what else is known of it.
    date_state: DateState | None = None
    date_aside: Text | None = None
    # How much of the stored copy was seen, and what else about it matters to a reader.
    seen: Seen | None = None
    seen_aside: Text | None = None
    # The harvester's reference to their notes (e.g. "municipal-readings-ips.md M2"): for maintainers.
    harvest_ref: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _contract_notes(cls, data: Any) -> Any:
        """Write `date_note` / `retrieved` from the structured fields (the contract's English notes)."""
        if not isinstance(data, dict):
            return data
        written = dict(data)
        for note, state, aside, table in (
            ("date_note", "date_state", "date_aside", DATE_STATES),
            ("retrieved", "seen", "seen_aside", SEEN),
        ):
            if data.get(state) is None and data.get(aside) is None:
                continue
            words = [table.get(str(data.get(state)), "")] if data.get(state) not in (None, "shown") else []
            english = _english(data.get(aside))
            text = "; ".join(part for part in (*words, english) if part) or None
            if note in data and data[note] != text:
                raise InvalidValue(
                    N_("`{note}` is written from `{state}` and `{aside}`: leave it out (it would read {text})"),
                    note=note,
                    state=state,
                    aside=aside,
                    text=repr(text),
                )
            written[note] = text
        return written

    def age_years(self, day: dt.date) -> float | None:
        """How old the source is on `day`, in years; None when the page shows no date."""
        if self.published is None:
            return None
        return (day - self.published).days / 365.25

    def is_stale(self, day: dt.date) -> bool:
        """Published more than STALE_AFTER_YEARS before `day` (an undated source is not called stale:
        its age is unknown, and coverage counts it as undated instead)."""
        age = self.age_years(day)
        return age is not None and age > STALE_AFTER_YEARS

    def structured_note(self, note: Literal["date_note", "retrieved"]) -> bool:
        """Whether `note` is written from the controlled vocabulary rather than given as free text (a
        reading's source must be; a parameter's may still carry a free `date_note`)."""
        if note == "date_note":
            return self.date_state is not None or self.date_aside is not None
        return self.seen is not None or self.seen_aside is not None

    @model_validator(mode="after")
    def _traceable(self) -> Source:
        if not (self.url or self.document):
            raise InvalidValue(N_("a source needs a `url` or a `document` reference"))
        if self.published is None and not (self.date_note or self.date_state):
            raise InvalidValue(
                N_(
                    "a source without `published` needs a `date_state` (e.g. `date_state: not_shown`; a parameter's "
                    "source may give a `date_note` instead)"
                )
            )
        if self.published is not None and self.date_state in ("not_shown", "cut_off", "month_only"):
            raise InvalidValue(
                N_("`date_state: {state}` says the page shows no date, but `published` is given"), state=self.date_state
            )
        if self.published is None and self.date_state in ("shown", "updated_shown"):
            raise InvalidValue(N_("`date_state: {state}` needs the date itself in `published`"), state=self.date_state)
        return self


def _english(aside: Any) -> str:
    """The English of an aside given as a mapping or a `Text` (on revalidation)."""
    if isinstance(aside, Text):
        return aside.en
    if isinstance(aside, dict):
        return str(aside.get("en") or "")
    return ""
