"""Unknown ids typed by a person: refused with the nearest known ones ("did you mean …").

Every command option and API parameter that names something of the rulebook (a support, a
jurisdiction, an interpretation point, a fact, a rule, a jurisdiction kind or county) goes through
`known` or `known_jurisdiction`, so a typo never silently filters everything away or exits 0.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, get_args

from tolka.boundary import code
from tolka.errors import CaseError, Phrase, UnknownFactError, UnknownIdError
from tolka.i18n import N_
from tolka.model.jurisdiction import JurisdictionKind
from tolka.render.labels import word

if TYPE_CHECKING:
    from tolka.model.jurisdiction import Jurisdiction
    from tolka.rulebook import Rulebook

SUGGESTIONS = 3
# difflib's similarity ratio from which a known id counts as "near": 0.6 (its default) finds
# `ipz` → `ips` and `vocational_support_ofered` → `vocational_support_offered`, not unrelated ids.
NEAR = 0.6

MESSAGES = {
    "listed_by": N_("`{command}` lists them all"),
    "did_you_mean": N_("did you mean {names}?"),
    "did_you_mean_listed_by": N_("did you mean {names}? `{command}` lists them all"),
    "unknown_support": N_("no support {id}"),
    "unknown_jurisdiction": N_("no jurisdiction {id}"),
    "unknown_point": N_("no interpretation point {id}"),
    "unknown_fact": N_("{id} is not a fact of the vocabulary"),
    "unknown_rule": N_("no rule {id}"),
    "unknown_kind": N_("no kind of jurisdiction {id}"),
    "unknown_county": N_("no county {id}"),
}


def phrase(key: str, lang: str, /, **values: object) -> str:
    return word(MESSAGES, key, lang).format(**values)


def nearest(typed: str, candidates: Iterable[str], n: int = SUGGESTIONS) -> list[str]:
    """The known names most like `typed` (case ignored), best first: those that contain it or that
    it begins, then the closest by spelling."""
    lowered: dict[str, str] = {}
    for candidate in candidates:
        lowered.setdefault(candidate.lower(), candidate)
    text = typed.strip().lower()
    if not text:
        return []
    containing = [lowered[c] for c in lowered if text in c or c.startswith(text)]
    if len(text) >= 3 and containing:
        return sorted(containing, key=lambda c: (len(c), c))[:n]
    scored = []
    for candidate in lowered:
        ratio = difflib.SequenceMatcher(None, text, candidate).ratio()
        if ratio >= NEAR:
            # among equally close ones, a name that begins like the typed one first (`ipz` → `ips`)
            scored.append((-ratio, candidate[:1] != text[:1], candidate))
    return [lowered[c] for *_, c in sorted(scored)[:n]]


def unknown(
    what: str,
    typed: str,
    suggestions: list[str],
    listed_by: str,
    lang: str | None = None,
    error: type[CaseError] = UnknownIdError,
    where: str = "",
) -> CaseError:
    """The error for `typed`, which is no `what` (`support`, `point` …), with the suggestions and the
    command that lists every one; `where` (e.g. `case`) begins the message. Worded in `lang`, or
    without one as message ids that the error words in its reader's language (`TolkaError.words`)."""
    if lang is None:
        listed = MESSAGES["did_you_mean_listed_by" if suggestions else "listed_by"]
        made = error(
            Phrase(MESSAGES[f"unknown_{what}"], id=code(typed)),
            hint=listed,
            names=", ".join(suggestions),
            command=listed_by,
        )
        return made.within(where) if where else made
    hint = phrase("listed_by", lang, command=listed_by)
    if suggestions:
        hint = phrase("did_you_mean", lang, names=", ".join(suggestions)) + " " + hint
    message = phrase(f"unknown_{what}", lang, id=code(typed))
    return error(f"{where}: {message}" if where else message, hint=hint)


def unknown_fact(typed: str, rulebook: Rulebook, where: str = "", lang: str | None = None) -> CaseError:
    """The error for a case's `typed`, which is not a fact of the vocabulary."""
    suggestions = [code(n) for n in nearest(typed, rulebook.facts)]
    return unknown("fact", typed, suggestions, "tolka facts", lang, UnknownFactError, where)


def known(
    what: str, typed: str, names: Iterable[str] | Mapping[str, object], listed_by: str, lang: str | None = None
) -> str:
    """`typed` if it is one of `names`, else an `UnknownIdError` suggesting the nearest."""
    pool = list(names)
    if typed in pool:
        return typed
    raise unknown(what, typed, [code(n) for n in nearest(typed, pool)], listed_by, lang)


def known_jurisdiction(jurisdictions: Mapping[str, Jurisdiction], typed: str, lang: str | None = None) -> Jurisdiction:
    """The jurisdiction with id `typed`, else an `UnknownIdError` that suggests ids by id and by name
    (`SE-018` → SE-0180 Stockholm …; `Stokholm` → SE-0180 Stockholm)."""
    found = jurisdictions.get(typed)
    if found is not None:
        return found
    by_name: dict[str, str] = {}
    for place in jurisdictions.values():
        by_name.setdefault(place.id, place.id)
        by_name.setdefault(place.name, place.id)
    ids = list(dict.fromkeys(by_name[n] for n in nearest(typed, by_name)))
    shown = [f"{code(i)} ({jurisdictions[i].name})" for i in ids]
    raise unknown("jurisdiction", typed, shown, "tolka jurisdictions", lang)


def known_county(rulebook: Rulebook, typed: str, country: str | None, lang: str | None = None) -> str:
    """`typed` if it names a county of `country` (any country when None) by name, any case, or by its
    two-digit code; else an `UnknownIdError` suggesting the nearest county names."""
    places = [j for j in rulebook.jurisdictions.values() if country is None or j.country == country]
    names = sorted({j.county for j in places if j.county})
    codes = {j.code for j in places if j.county and j.code and len(j.code) == 2}
    if typed.lower() in (n.lower() for n in names) or typed in codes:
        return typed
    raise unknown("county", typed, [code(n) for n in nearest(typed, names)], "tolka jurisdictions --kind region", lang)


def known_kind(typed: str, lang: str | None = None) -> str:
    """`typed` if it is a kind of jurisdiction, else an `UnknownIdError` suggesting the nearest."""
    return known("kind", typed, get_args(JurisdictionKind), "tolka jurisdictions --help", lang)
