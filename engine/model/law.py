"""Laws and provisions: the citations every rule, route and reading rests on.

A *Law* here is any legal source a provision can be cited from: a statute (SFS / LOV), an
ordinance, a court ruling or a national guideline. Its `kind` says which, so the answer can tell
"mandated by law" from "recommended by national guidance".
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field as PydanticField
from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Country, Identifier, Model, Text

LawKind = Literal["statute", "ordinance", "regulation", "case_law", "guidance", "preparatory_work"]
CitationStyle = Literal["se", "no", "label"]


class Provision(Model):
    """A citable unit of a law: chapter, section, paragraph (stycke/ledd) and point where known."""

    id: Identifier
    chapter: str | None = None
    section: str | None = None
    paragraph: int | None = PydanticField(default=None, ge=1)
    point: str | None = None
    label: str | None = None
    title: Text | None = None
    summary: Text
    verified: bool = True
    verification: str | None = None
    source_url: str | None = None
    replaces: tuple[Identifier, ...] = ()
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Provision:
        if not (self.section or self.label):
            raise InvalidValue(
                N_("a provision needs a `section` (with `chapter` where the law has chapters) or a `label`")
            )
        return self


class Law(Model):
    id: Identifier
    short: str
    title: Text
    number: str | None = None
    kind: LawKind = "statute"
    country: Country
    citation_style: CitationStyle = "se"
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None
    source_url: str
    verified: bool = True
    note: Text | None = None
    provisions: tuple[Provision, ...] = ()

    @property
    def binding(self) -> bool:
        """Statutes, ordinances, regulations and precedents bind; guidance and preparatory works guide."""
        return self.kind in ("statute", "ordinance", "regulation", "case_law")


_ORDINALS_NB = {1: "første", 2: "andre", 3: "tredje", 4: "fjerde", 5: "femte", 6: "sjette"}


def citation_text(law: Law, provision: Provision) -> str:
    """The citation as a lawyer writes it, e.g. `SoL (2025:400) 12 kap. 1 § 2 st.`."""
    if law.citation_style == "label" or (provision.label and not provision.section):
        return f"{law.short} {provision.label}".strip()
    if law.citation_style == "no":
        where = f"§ {provision.chapter}-{provision.section}" if provision.chapter else f"§ {provision.section}"
        text = f"{law.short} {where}"
        if provision.paragraph:
            text += f" {_ORDINALS_NB.get(provision.paragraph, f'{provision.paragraph}.')} ledd"
        if provision.point:
            text += f" bokstav {provision.point}"
        return text
    number = law.number.replace("SFS ", "") if law.number else ""
    text = f"{law.short} ({number})" if number else law.short
    if provision.chapter:
        text += f" {provision.chapter} kap."
    text += f" {provision.section} §"
    if provision.paragraph:
        text += f" {provision.paragraph} st."
    if provision.point:
        text += f" {provision.point} p."
    return text
