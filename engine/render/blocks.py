"""Neutral report blocks (headings, paragraphs, lists, tables) every renderer draws.

The terminal, Markdown and HTML renderers (tolka.render.draw) draw the same blocks, so the views
that build them (tolka.render.report, tolka.render.amounts_view, …) show the same content everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tolka.model import outcome as O
from tolka.render.labels import WORDS, word


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


Block = Heading | Paragraph | Bullets | Table


def citation_text(citation: O.Citation, language: str) -> str:
    mark = "" if citation.verified else f" [{word(WORDS, 'unverified', language)}]"
    return f"{citation.text}{mark}"
