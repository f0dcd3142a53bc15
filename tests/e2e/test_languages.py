"""A case worker reads tolka in one language: no sentence of another language, no internal id.

Shipped cases are rendered in the ways a case worker reads them — the evaluation with the plan and
the explanations, the printable report, the IPS team brief and the mandate view — for Swedish and
Norwegian jurisdictions, in the country's language and in English. The output fails when it holds

- a phrase from another language's catalogue: the fixed parts of every message (the text between
  placeholders) that are long enough to be distinctive and do not occur in this language's own
  catalogue (so words Swedish and Norwegian share, like "Handlingsplan", never count); or
- an internal id: a rule, route, point or support id, or a fact name, where that id is not also an
  ordinary word of the rulebook's own texts (`sjukpenning` is both), or a `reading(...)` term.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from tolka.cli import cli
from tolka.i18n.catalogues import PLACEHOLDER, read
from tolka.model.common import Text

REPO = Path(__file__).resolve().parents[2]
SWEDISH_CASE = str(REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml")
NORWEGIAN_CASE = str(REPO / "examples" / "cases" / "no-ida-24-aap.yaml")
DAY = "2025-09-01"
# (case, jurisdiction, a support for the mandate view, the country's language)
PLACES = [
    (SWEDISH_CASE, "SE-0180", "ips", "sv"),
    (SWEDISH_CASE, "SE-EX-C", "supported_education", "sv"),
    (SWEDISH_CASE, "SE-1480", "forsorjningsstod", "sv"),
    (NORWEGIAN_CASE, "NO-0301", "no_ips", "nb"),
    (NORWEGIAN_CASE, "NO-1103", "no_ips_ung", "nb"),
]
MIN_FRAGMENT = 14  # characters: shorter fixed parts ("{support}: ") are punctuation or shared words


def _messages(language: str) -> list[str]:
    texts = []
    for message in read(language, "tolka"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        texts += list(ids) if language == "en" else [s for s in strings if s]
    return texts


def _fragments(text: str) -> list[str]:
    parts = PLACEHOLDER.sub("\0", text).split("\0")
    return [part.strip() for part in parts if len(part.strip()) >= MIN_FRAGMENT]


@cache
def foreign_phrases(language: str) -> frozenset[str]:
    own = " \n".join(_messages(language))
    others = [other for other in ("sv", "nb", "en") if other != language]
    return frozenset(
        fragment
        for other in others
        for text in _messages(other)
        for fragment in _fragments(text)
        if fragment not in own
    )


@cache
def internal_ids() -> frozenset[str]:
    from tolka.load import load_rulebook

    book = load_rulebook(REPO)
    words: set[str] = set()

    def collect(item: object) -> None:
        if isinstance(item, Text):
            for text in (item.en, item.sv, item.nb):
                words.update(word.strip(".") for word in re.findall(r"[\w.]+", (text or "").lower()))
        elif isinstance(item, BaseModel):
            for name in type(item).model_fields:
                collect(getattr(item, name))
        elif isinstance(item, (list, tuple)):
            for element in item:
                collect(element)

    for collection in (book.supports, book.facts, book.points, book.bodies, book.team, book.laws):
        for item in collection.values():
            collect(item)
    for entry in book.rules:
        collect(entry.rule)
    for routes in book.routes.values():
        collect(routes)
    ids = set(book.supports) | set(book.facts) | set(book.points) | {entry.id for entry in book.rules}
    ids |= {route.id for routes in book.routes.values() for route in routes}
    return frozenset(i for i in ids if i.lower() not in words)


def render(*args: str) -> str:
    # Wide enough that the terminal never wraps a URL or an id in two.
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "2000"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def outputs(case: str, place: str, support: str, language: str) -> dict[str, str]:
    common = ["-j", place, "--date", DAY, "--lang", language]
    return {
        "evaluate --plan --explain": render("evaluate", case, *common, "--plan", "--explain"),
        "evaluate --format markdown": render("evaluate", case, *common, "--plan", "--explain", "--format", "markdown"),
        "brief": render("brief", case, *common),
        "mandate": render("mandate", support, *common),
    }


def problems(text: str, language: str) -> list[str]:
    flat = " ".join(text.split())  # the terminal wraps long lines
    # A source is cited by its address as its publisher wrote it; the note on its date and copy that
    # follows is in the reader's language like any other text (docs/harvesting.md).
    flat = re.sub(r"https?://\S+", "", flat)
    found = [
        f"foreign phrase {phrase!r}"
        for phrase in foreign_phrases(language)
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", flat)
    ]
    found += [
        f"internal id {ident!r}"
        for ident in internal_ids()
        if re.search(rf"(?<![\w.-]){re.escape(ident)}(?![\w-])", flat)
    ]
    found += [f"condition term {term!r}" for term in re.findall(r"reading\(\w+\)", flat)]
    return found


@pytest.mark.parametrize(("case", "place", "support", "country_language"), PLACES)
@pytest.mark.parametrize("in_english", [False, True], ids=["country-language", "en"])
def test_each_output_is_in_one_language_and_names_things(case, place, support, country_language, in_english):
    language = "en" if in_english else country_language
    found = {
        view: problems(text, language)
        for view, text in outputs(case, place, support, language).items()
    }
    assert {view: items for view, items in found.items() if items} == {}


def test_the_checks_catch_what_they_look_for():
    """The test above can fail: an English sentence, a Norwegian one and ids are all caught in Swedish."""
    assert problems("Regeln gäller. That depends on what is not yet known: x", "sv")
    assert problems("Det avhenger av det som ennå ikke er kjent: x", "sv")
    assert problems("Handlingsplan: ips, supported_education (se.fs.right)", "sv")
    assert problems("om reading(vocational_support_offered) = ja", "sv")
    assert not problems("Handlingsplan — Individanpassat stöd till arbete (IPS)", "sv")
