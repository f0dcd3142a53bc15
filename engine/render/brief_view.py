"""The IPS team brief (`tolka brief`, `POST /api/brief`, the page's brief) as blocks and contract data."""

from __future__ import annotations

from tolka.brief import Brief, Line
from tolka.i18n import N_
from tolka.model import contract as C
from tolka.render.labels import WORDS, word
from tolka.render.report import Block, Bullets, Heading, Paragraph

AGENDA_TITLES = {
    "work": N_("Work and studies"),
    "treatment": N_("Treatment"),
    "economy": N_("Economy"),
    "concerns": N_("Open concerns"),
}
ROLE_WORDS = {
    "know": N_("Needs to know"),
    "do": N_("Does"),
    "ask": N_("Can help find out"),
    "title": N_("IPS team brief"),
}


def _line(line: Line) -> str:
    return f"{line.text} ({'; '.join(line.citations)})" if line.citations else line.text


def brief_blocks(brief: Brief, language: str) -> list[Block]:
    place = brief.evaluation.jurisdiction
    blocks: list[Block] = [
        Heading(
            2, f"{word(ROLE_WORDS, 'title', language)} — {place.name} ({place.id}), {brief.evaluation.evaluation_date}"
        ),
        Paragraph(f"{word(WORDS, 'fingerprint', language)}: {brief.evaluation.rulebook_fingerprint}"),
    ]
    for section, lines in brief.agenda.items():
        if lines:
            blocks += [Heading(3, word(AGENDA_TITLES, section, language)), Bullets([_line(x) for x in lines])]
    for role in brief.roles:
        blocks.append(Heading(3, role.name.get(language)))
        for section, lines in role.know.items():
            blocks += [
                Paragraph(f"{word(ROLE_WORDS, 'know', language)} — {word(AGENDA_TITLES, section, language).lower()}:"),
                Bullets([_line(x) for x in lines]),
            ]
        for section, lines in role.do.items():
            blocks += [
                Paragraph(f"{word(ROLE_WORDS, 'do', language)} — {word(AGENDA_TITLES, section, language).lower()}:"),
                Bullets([_line(x) for x in lines]),
            ]
        if role.ask:
            blocks += [Paragraph(f"{word(ROLE_WORDS, 'ask', language)}:"), Bullets(role.ask)]
    return blocks


def brief_data(brief: Brief) -> C.BriefOut:
    def lines(items: list[Line]) -> list[C.BriefLineOut]:
        return [C.BriefLineOut(text=x.text, cited=x.citations, supports=list(x.supports)) for x in items]

    return C.BriefOut(
        rulebook_fingerprint=brief.evaluation.rulebook_fingerprint,
        evaluation_date=brief.evaluation.evaluation_date,
        jurisdiction=brief.evaluation.jurisdiction.id,
        agenda={section: lines(items) for section, items in brief.agenda.items()},
        roles=[
            C.RoleBriefOut(
                role=r.role,
                name=r.name,
                know={s: lines(x) for s, x in r.know.items()},
                do={s: lines(x) for s, x in r.do.items()},
                ask=r.ask,
            )
            for r in brief.roles
        ],
    )
