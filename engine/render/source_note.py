"""A reading's source as a reader sees it: when it is dated and how much of it was seen, in their
language.

The harvester's controlled vocabulary (`tolka.model.source`) comes from the catalogues and the
asides from their own `{sv, en, nb}`; the harvest reference is for maintainers and never shown. A
parameter's source may still carry a free `date_note` (a statute's wording, a circular's number):
it is shown as written, except the common "date not shown", which is translated.
"""

from __future__ import annotations

from tolka.i18n import translator
from tolka.model.common import Text
from tolka.model.source import DATE_STATES, SEEN, Source
from tolka.render.labels import as_language


def source_date(source: Source, language: str, *, asides: bool = True) -> str:
    """When the source was published, or what is known of its date (`asides`: with the harvester's
    aside on the date, e.g. a project period)."""
    _ = translator(as_language(language))
    state = _(DATE_STATES[source.date_state]) if source.date_state not in (None, "shown") else ""
    if source.published is not None:
        when = _("{date} ({state})", date=source.published.isoformat(), state=state) if state else ""
        when = when or source.published.isoformat()
    elif source.date_state is not None:
        when = state
    else:  # a parameter's free note; "date not shown; the report covers …" keeps only the common part
        note = source.date_note or ""
        return _(DATE_STATES["not_shown"]) if not asides or not note or note.startswith("date not shown") else note
    return _with_aside(when, source.date_aside if asides else None, language)


def source_seen(source: Source, language: str) -> str:
    """How much of the stored copy was seen (empty when the source does not say)."""
    if source.seen is None:
        return ""
    _ = translator(as_language(language))
    return _with_aside(_(SEEN[source.seen]), source.seen_aside, language)


def source_note(source: Source, language: str) -> str:
    """The source's date and how it was seen, as one note: "date not shown; stored copy, …"."""
    return "; ".join(part for part in (source_date(source, language), source_seen(source, language)) if part)


def _with_aside(words: str, aside: Text | None, language: str) -> str:
    if aside is None:
        return words
    _ = translator(as_language(language))
    return _("{words} — {aside}", words=words, aside=aside.get(language))
