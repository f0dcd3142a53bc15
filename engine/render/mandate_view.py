"""`tolka mandate` and `GET /api/mandate`: a support's legal status here, what it rests on, and
how other jurisdictions answer."""

from __future__ import annotations

from tolka.i18n import N_
from tolka.mandate import LegalStatusAnswer, MandateView
from tolka.model import contract as C
from tolka.render.labels import LEGAL_STATUS, WORDS, fact_value_label, sentence, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table, citation_text, reading_line
from tolka.render.resolved import listed_ids
from tolka.rulebook import Rulebook
from tolka.variants import compress

PHRASES = {
    "fact_is": N_("the answer to “{question}” is {values}"),
    "reads_as": N_("{place} reads “{question}” as {values}"),
    "depends_on": N_("depends on: {subjects}"),
}


def _condition_text(rulebook: Rulebook, place: str, name: str, allowed, language: str) -> str:
    """A condition as a sentence: what the answer to a question is, or how `place` reads a point."""
    or_ = f" {word(WORDS, 'or', language)} "
    if name.startswith("reading(") and name.endswith(")"):
        point = rulebook.points[name[len("reading(") : -1]]
        values = or_.join(sorted(point.label(v, language) for v in allowed))
        return sentence(
            PHRASES, "reads_as", language, place=place, question=point.question.get(language), values=values
        )
    values = or_.join(sorted(fact_value_label(rulebook, name, v, language) for v in allowed))
    return sentence(PHRASES, "fact_is", language, question=rulebook.facts[name].question.get(language), values=values)


def _subject(rulebook: Rulebook, name: str, language: str) -> str:
    """A fact or an interpretation point that an answer depends on, by its question."""
    if name in rulebook.facts:
        return rulebook.facts[name].question.get(language)
    if name in rulebook.points:
        return rulebook.points[name].question.get(language)
    return name


def _legal_status_summary(rulebook: Rulebook, answer: LegalStatusAnswer, language: str) -> str:
    """`LegalStatusAnswer.summary` in words."""
    values = " / ".join(word(LEGAL_STATUS, v, language) for v in answer.possible_values)
    if answer.legal_status is None and not answer.mandated_by_law_possible:
        values += f" — {word(WORDS, 'never_mandated_by_law', language)}"
    if not answer.depends_on:
        return values
    subjects = "; ".join(_subject(rulebook, name, language) for name in answer.depends_on)
    return f"{values} ({sentence(PHRASES, 'depends_on', language, subjects=subjects)})"


def mandate_blocks(rulebook: Rulebook, view: MandateView, language: str) -> list[Block]:
    support = rulebook.supports[view.support]
    here = view.here
    place = rulebook.jurisdictions[here.jurisdiction]
    blocks: list[Block] = [
        Heading(
            2,
            f"{support.name.get(language)} {word(WORDS, 'in_place', language)} {place.name} ({place.id}), "
            f"{view.evaluation_date}",
        ),
    ]
    legal_status = word(WORDS, "legal_status", language)
    if here.legal_status is not None or not here.variants:
        blocks.append(Paragraph(f"{legal_status}: {word(LEGAL_STATUS, here.legal_status, language)}."))
    else:
        blocks.append(Paragraph(f"{legal_status} {word(WORDS, 'depends_on_person', language)}:"))
        lines = []
        for row in compress(here.variants, rulebook):
            conditions = [
                _condition_text(rulebook, place.name, name, allowed, language) for name, allowed in row.conditions
            ]
            when = (
                f"{word(WORDS, 'if', language)} " + f" {word(WORDS, 'and', language)} ".join(conditions)
                if conditions
                else word(WORDS, "in_every_case", language)
            )
            lines.append(f"{when} → {word(LEGAL_STATUS, row.value, language)}")
        blocks.append(Bullets(lines))
    if here.legal_status is None:
        key = "mandated_by_law_possible" if here.mandated_by_law_possible else "never_mandated_by_law"
        blocks.append(Paragraph(f"{word(WORDS, key, language).capitalize()}."))
    basis = []
    for reason in here.outcome.reasons.rules:
        if reason.role in ("decisive", "default", "unknown") and "legal_status" in reason.sets:
            basis.append(
                f"{word(LEGAL_STATUS, reason.sets['legal_status'], language)}: "
                + ", ".join(citation_text(c, language) for c in reason.citations)
            )
    if basis:
        blocks += [Paragraph(f"{word(WORDS, 'rests_on', language)}:"), Bullets(basis)]
    readings = [r for r in here.outcome.reasons.readings if r.point in view.points]
    if readings:
        blocks += [
            Paragraph(f"{word(WORDS, 'readings', language)}:"),
            Bullets([reading_line(r, language) for r in readings]),
        ]
    blocks.append(Heading(3, word(WORDS, "others_answer", language)))
    if view.others:
        table = Table([legal_status, word(WORDS, "count", language), word(WORDS, "jurisdictions", language)])
        for summary, ids in sorted(view.others.items(), key=lambda item: -len(item[1])):
            summary_text = _legal_status_summary(rulebook, view.other_answers[summary], language)
            names = listed_ids([rulebook.jurisdictions[j].name for j in ids])
            table.rows.append([summary_text, str(len(ids)), names])
        blocks.append(table)
    else:
        blocks.append(Paragraph(word(WORDS, "no_others", language)))
    blocks.append(Paragraph(word(WORDS, "without_reading", language).format(n=view.without_reading)))
    return blocks


# duplicates: each view fills its contract model field by field; alike in shape with the other views.
def mandate_data(rulebook: Rulebook, view: MandateView) -> C.MandateOut:
    here = view.here
    table = compress(here.variants, rulebook) if here.variants else []
    return C.MandateOut(
        support=view.support,
        jurisdiction=here.jurisdiction,
        evaluation_date=view.evaluation_date,
        rulebook_fingerprint=view.rulebook_fingerprint,
        legal_status=here.legal_status,
        legal_status_possible=here.resolver_possible,
        mandated_by_law_possible=here.mandated_by_law_possible,
        depends_on=[
            C.LegalStatusRowOut(
                conditions={name: sorted(map(str, allowed)) for name, allowed in row.conditions},
                legal_status=row.value,
            )
            for row in table
        ],
        rests_on=[r for r in here.outcome.reasons.rules if "legal_status" in r.sets and r.role != "not_applicable"],
        readings=[r for r in here.outcome.reasons.readings if r.point in view.points],
        points=view.points,
        others=dict(view.others),
        without_reading=view.without_reading,
    )
