"""Short lists of ids, and a resolved reading as a line of text or as contract data (shared by
the comparison, diff, mandate and matrix views)."""

from __future__ import annotations

from tolka.jurisdictions import ResolvedReading
from tolka.model import contract as C
from tolka.model.interpretation import ReadingValue
from tolka.render.labels import BASIS, WORDS, word
from tolka.render.source_note import source_date
from tolka.rulebook import Rulebook

MAX_LISTED = 12


def listed_ids(ids: list[str]) -> str:
    """The first ids, and how many more: a group of 290 jurisdictions stays one line."""
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f" … (+{len(ids) - MAX_LISTED})" if len(ids) > MAX_LISTED else "")


def listed_names(rulebook: Rulebook, ids: list[str]) -> str:
    """Like `listed_ids`, with each jurisdiction by its name (what a case worker reads)."""
    return listed_ids([rulebook.jurisdictions[i].name if i in rulebook.jurisdictions else i for i in ids])


def reading_value(rulebook: Rulebook, reading: ResolvedReading | None, language: str) -> str:
    """A reading as text: its value's label, where it comes from, its source and its doubts."""
    if reading is None:
        return "—"
    value = value_words(rulebook, reading, language)
    source = ""
    if reading.reading is not None:
        src = reading.reading.source
        when = source_date(src, language)
        source = f"; {src.url or src.document} ({when})"
    flags = ([] if reading.verified else [word(WORDS, "unverified", language)]) + (
        [word(WORDS, "stale", language)] if reading.stale else []
    )
    marks = f" [{'; '.join(flags)}]" if flags else ""
    # whose reading it is, where that is not the jurisdiction itself (inherited, or the country's default)
    holder = rulebook.jurisdictions.get(reading.jurisdiction) if reading.basis != "local" else None
    where = f", {holder.name}" if holder is not None else ""
    return f"{value} ({word(BASIS, reading.basis, language)}{where}{source}){marks}"


def value_words(rulebook: Rulebook, reading: ResolvedReading, language: str) -> str:
    """The reading's value as its label, or that there is no national position."""
    return point_value_words(rulebook, reading.point, reading.value, language)


def point_value_words(rulebook: Rulebook, point: str, value: ReadingValue | None, language: str) -> str:
    """A value of `point` as its label, or that there is no national position (`None`)."""
    if value is None:
        return word(BASIS, "no_national_position", language)
    return rulebook.points[point].label(value, language)


def resolved_data(reading: ResolvedReading | None) -> C.ResolvedReadingOut | None:
    """A reading as contract data (None where no reading applies)."""
    if reading is None:
        return None
    return C.ResolvedReadingOut(
        value=reading.value,
        basis=reading.basis,
        jurisdiction=reading.jurisdiction,
        source=reading.reading.source if reading.reading else None,
        verified=reading.verified,
        stale=reading.stale,
    )


def reading_pair(point: str, first: ResolvedReading | None, second: ResolvedReading | None) -> C.ReadingPairOut:
    """How two jurisdictions read one point, as contract data."""
    return C.ReadingPairOut(point=point, in_first=resolved_data(first), in_second=resolved_data(second))
