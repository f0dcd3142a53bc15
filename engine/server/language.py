"""The language a request is answered in: asked for, else the browser's Accept-Language, else Swedish."""

from __future__ import annotations

from typing import cast

from tolka.model.common import Language

LANGUAGES = ("sv", "nb", "en")
NORWEGIAN = {"no": "nb", "nn": "nb"}


def pick_language(requested: str | None, accept_language: str | None) -> Language:
    """`sv`, `nb` or `en`: the requested one, else the best of the Accept-Language header, else Swedish.

    Norwegian in any written form (`no`, `nb`, `nn`) gets the Bokmål page.
    """
    if requested in LANGUAGES:
        return cast(Language, requested)
    best: Language = "sv"
    best_quality = -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        code = NORWEGIAN.get(tag.strip().lower().split("-")[0], tag.strip().lower().split("-")[0])
        try:
            quality = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            quality = 0.0
        if code in LANGUAGES and quality > best_quality:
            best, best_quality = cast(Language, code), quality
    return best
