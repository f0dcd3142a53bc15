"""Every sentence tolka shows people, in Swedish, Norwegian (bokmål) and English: gettext catalogues.

The message ids are the English sentences (English is the source language); the translations live
in `engine/locale/<language>/LC_MESSAGES/<domain>.po`, managed with Babel (docs/i18n.md). Two
domains: `tolka` for the engine, the CLI and the reports, `web` for the web page (its templates and
`engine/server/`), which falls back to `tolka` so the page can reuse the engine's words.

Only the `.po` files are kept: they are compiled in memory on first use (no `.mo` to go stale, and
a clean clone or an installed wheel works as is).

    _ = translator("sv")
    _("eligible")                                   # 'berättigad'
    _("{n} other jurisdictions", n=3)               # formatted with str.format when values are given
    _.ngettext("{count} problem in the case", "{count} problems in the case", 2)   # n and count filled in
    _.pgettext("legal status", "not offered")       # the same English words, another meaning

Module-level tables mark their strings with `N_` (extracted, translated later by `_(...)`).
"""

from __future__ import annotations

import copy
import gettext as _gettext
import hashlib
import io
import os
import re
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tolka.cache_dir import cache_dir
from tolka.model.common import LANGUAGES, Language

if TYPE_CHECKING:
    from jinja2 import Environment

DOMAINS: tuple[str, ...] = ("tolka", "web", "cli")
SOURCE_LANGUAGE: Language = "en"


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now (module-level tables)."""
    return message


def locale_dir() -> Any:
    """The folder that holds `<language>/LC_MESSAGES/<domain>.po` (in the checkout or the wheel)."""
    return resources.files("tolka") / "locale"


def catalogue_path(language: str, domain: str) -> Any:
    return locale_dir() / language / "LC_MESSAGES" / f"{domain}.po"


@cache
def _compiled(language: str, domain: str) -> _gettext.NullTranslations:
    """The catalogue for `language` and `domain`, compiled from its .po file.

    Babel parses a .po file at about 15,000 messages a second; the compiled form is kept in tolka's
    cache folder under the SHA-256 of the .po bytes, so only an edited catalogue is parsed again.
    """
    source = catalogue_path(language, domain)
    if not source.is_file():
        return _gettext.NullTranslations()
    text = source.read_bytes()
    cached = _cache_file(text)
    if cached is not None and cached.is_file():
        with cached.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    compiled = _compile(text, language, domain)
    if cached is not None:
        _store(cached, compiled)
    return _gettext.GNUTranslations(io.BytesIO(compiled))


def _compile(text: bytes, language: str, domain: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalogue = read_po(io.BytesIO(text), locale=language, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)  # fuzzy entries are left out, as msgfmt does
    return buffer.getvalue()


def _cache_file(text: bytes) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    return directory / "i18n" / f"{hashlib.sha256(text).hexdigest()}.mo"


def _store(target: Path, compiled: bytes) -> None:
    """Write atomically; a cache that cannot be written is only slower, never an error."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
            handle.write(compiled)
        os.replace(handle.name, target)
    except OSError:
        pass


@cache
def translations(language: str, domain: str = "tolka") -> _gettext.NullTranslations:
    """gettext translations for `language`; the `web` domain falls back to `tolka`."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}; known: {', '.join(LANGUAGES)}")
    primary = _compiled(language, domain)
    if domain == "tolka":
        return primary
    # A copy: the cached catalogue of this domain must not keep a fallback chain of its own.
    chained = copy.copy(primary)
    chained._fallback = None  # type: ignore[attr-defined]
    chained.add_fallback(_compiled(language, "tolka"))
    return chained


# The quotation marks around a value quoted in a sentence (a date someone typed, an option's
# name): Swedish ”…”, Norwegian «…». English keeps the straight quotes its messages write
# (Python's repr, `tolka.boundary.shown`, click's own words).
QUOTES: dict[str, tuple[str, str]] = {"sv": ("”", "”"), "nb": ("«", "»")}
_STRAIGHT = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


def quoted(text: object, language: str) -> str:
    """`text` in `language`'s quotation marks: ”x” (sv), «x» (nb), 'x' (en)."""
    opening, closing = QUOTES.get(language, ("'", "'"))
    return f"{opening}{text}{closing}"


def requoted(text: str, language: str) -> str:
    """`text` with every value in straight quotes ('x' or "x", as repr and click write values) in
    `language`'s marks; code spans (`…`) stay as written, and English text is returned as it is."""
    if language not in QUOTES or ("'" not in text and '"' not in text):
        return text
    parts = _CODE_SPAN.split(text)  # code spans at the odd places
    return "".join(
        part if index % 2 else _STRAIGHT.sub(lambda m: quoted(_inner(m), language), part)
        for index, part in enumerate(parts)
    )


def quoted_value(value: object, language: str) -> object:
    """`value` as it goes into a sentence of `language`: a value quoted whole in straight quotes
    (`'2025-02-30'`, as `tolka.boundary.shown` writes one) in the language's marks; else as is."""
    if language in QUOTES and isinstance(value, str):
        match = _STRAIGHT.fullmatch(value)
        if match is not None:
            return quoted(_inner(match), language)
    return value


def _inner(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else match.group(2)


class Translator:
    """Translates and formats sentences for one language. Call it like gettext's `_`.

    A value quoted in straight quotes ('x', as `tolka.boundary.shown` and repr write one) is shown
    in the language's quotation marks (`quoted_value`): one place for every sentence.
    """

    def __init__(self, language: Language, domain: str = "tolka") -> None:
        self.language: Language = language
        self._translations = translations(language, domain)

    def __call__(self, message: str, /, **values: object) -> str:
        """`message` in this language; formatted with `values` (str.format) when any are given."""
        # gettext maps the empty id to the catalogue's header: an empty label stays empty.
        text = self._translations.gettext(message) if message else message
        return text.format(**self._marked(values)) if values else text

    gettext = __call__

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """The singular or plural form the language uses for `n`, formatted with `n` and `values`."""
        return self._translations.ngettext(singular, plural, n).format(n=n, **self._marked(values))

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """`message` in the sense `context` names (the same English words can need two translations)."""
        text = self._translations.pgettext(context, message)
        return text.format(**self._marked(values)) if values else text

    def _marked(self, values: dict[str, object]) -> dict[str, object]:
        if self.language not in QUOTES:
            return values
        return {name: quoted_value(value, self.language) for name, value in values.items()}


@cache
def translator(language: Language, domain: str = "tolka") -> Translator:
    """The (shared) translator for `language`."""
    return Translator(language, domain)


def install_jinja2(environment: Environment, language: Language) -> None:
    """Give a Jinja2 environment the `web` catalogue of `language` (`{{ _("...") }}` in templates).

    Adds jinja2.ext.i18n with new-style gettext: placeholders are `%(name)s` in templates, and
    translations are autoescaped. An environment has one language: keep one per language.
    """
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_translations(translations(language, "web"), newstyle=True)  # type: ignore[attr-defined]
