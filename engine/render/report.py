"""An evaluation as a sequence of neutral blocks (headings, paragraphs, lists, tables).

The terminal, Markdown and HTML renderers all draw the same blocks, so they always show the same
content: outcomes, reasons with citations, readings with their sources, route and appeal, what is
still unknown, and every unverified or contested mark.
"""

from __future__ import annotations

from tolka.i18n import translator
from tolka.model import outcome as O
from tolka.render.amounts_view import AMOUNT_COLUMN, amount_blocks, amount_text
from tolka.render.blocks import Block, Bullets, Heading, Paragraph, Table, citation_text
from tolka.render.labels import BASIS, LEGAL_STATUS, ROLE, STATUS, WORDS, as_language, word
from tolka.render.source_note import source_note


def source_text(reading: O.ReadingUsed, language: str) -> str:
    if reading.source is None:
        cites = "; ".join(citation_text(c, language) for c in reading.rests_on)
        note = reading.rests_on_note.get(language) if reading.rests_on_note else ""
        return " — ".join(part for part in (cites, note) if part)
    source = reading.source
    where = source.url or source.document or ""
    return f"{where} ({source_note(source, language)})"


def reading_line(reading: O.ReadingUsed, language: str) -> str:
    _ = translator(as_language(language))
    value = (
        reading.value_label.get(language)
        if reading.value_label
        else (str(reading.value) if reading.value is not None else "—")
    )
    marks = []
    if not reading.verified:
        marks.append(word(WORDS, "unverified", language))
    if reading.example:
        marks.append(word(WORDS, "example", language))
    if reading.stale:
        marks.append(word(WORDS, "stale", language))
    if reading.contested:
        marks.append(
            f"{word(WORDS, 'contested', language)}: "
            f"{reading.contested['note'].get(language) or reading.contested['note']['en']}"
        )
    mark = f" [{'; '.join(marks)}]" if marks else ""
    basis = word(BASIS, reading.basis, language)
    period = ""
    if reading.valid_from or reading.valid_to:
        period = f", {reading.valid_from or '…'} – {reading.valid_to or '…'}"
    # The basis says whose reading it is (this jurisdiction's, inherited, the national default): the
    # holder's id would add nothing a case worker can read.
    text = f"{reading.question.get(language)} → {value} ({basis}{period}){mark}"
    text += f". {word(WORDS, 'source', language).capitalize()}: {source_text(reading, language)}"
    if reading.note:  # the contract's English note: the local reading is unknown, the default applies
        # A source text may end a sentence of its own: one full stop, not two.
        text = text.rstrip(".") + ". " + _("The local reading is not known; the national default applies.")
    return text


def unverified_sentences(outcome: O.Outcome, language: str) -> list[str]:
    """What behind the outcome is not verified, one sentence each, by name (never by id).

    Rebuilt from the outcome's structure, not from `unverified_items` (the contract's English list of
    ids), so that each item is named in the reader's language.
    """
    _ = translator(as_language(language))
    sentences = []
    for reason in outcome.reasons.rules:
        if reason.role in ("decisive", "default") and not reason.verified:
            law = ", ".join(citation_text(c, language) for c in reason.citations) or "—"
            sentences.append(_("Not verified: the rule under {law}.", law=law))
    for reading in outcome.reasons.readings + outcome.route_info:
        if not reading.verified:
            sentences.append(_("Not verified: the reading of “{question}”.", question=reading.question.get(language)))
    if outcome.route is not None and not outcome.route.verified:
        sentences.append(_("Not verified: the route “{route}”.", route=outcome.route.name.get(language)))
    for item in outcome.discretion:
        if not item.verified:
            law = ", ".join(citation_text(c, language) for c in item.citations) or "—"
            sentences.append(_("Not verified: the individual assessment under {law}.", law=law))
    if outcome.amount is not None and not outcome.amount.verified:
        sentences.append(_("Not verified: the amount."))
    return list(dict.fromkeys(sentences))


def contested_sentences(outcome: O.Outcome, language: str) -> list[str]:
    """Each contested reading behind the outcome, with why it is contested."""
    _ = translator(as_language(language))
    return [
        _(
            "Contested: the reading of “{question}”: {note}",
            question=reading.question.get(language),
            note=reading.contested["note"].get(language) or reading.contested["note"]["en"],
        )
        for reading in outcome.reasons.readings
        if reading.contested
    ]


def route_text(route: O.Route | None, language: str) -> str:
    if route is None:
        return "—"
    return f"{route.name.get(language)} ({route.body_name.get(language)})"


def _route_lines(route: O.Route, language: str) -> list[str]:
    lines = [f"{route.body_name.get(language)} {word(WORDS, 'decides', language)}: {route.decides.get(language)}"]
    if route.how:
        lines.append(route.how.get(language))
    if route.appeal:
        if route.appeal.appealable:
            cites = ", ".join(citation_text(c, language) for c in route.appeal.citations)
            to = route.appeal.to.get(language) if route.appeal.to else ""
            lines.append(f"{word(WORDS, 'appeal', language).capitalize()}: {to} ({cites})")
        else:
            lines.append(
                word(WORDS, "not_appealable", language).capitalize()
                + (f": {route.appeal.note.get(language)}" if route.appeal.note else "")
            )
    if route.citations:
        lines.append(", ".join(citation_text(c, language) for c in route.citations))
    if not route.verified:
        lines.append(f"[{word(WORDS, 'unverified', language)}]")
    return lines


def possible_text(outcome: O.Outcome, language: str) -> str:
    """ "Still possible: …" for an outcome whose status or legal status is not settled."""
    parts = []
    if len(outcome.status_possible) > 1:
        parts.append(", ".join(word(STATUS, s, language) for s in outcome.status_possible))
    if len(outcome.legal_status_possible) > 1:
        legal = ", ".join(word(LEGAL_STATUS, s, language) for s in outcome.legal_status_possible)
        if "mandated_by_law" not in outcome.legal_status_possible:
            legal += f" ({word(WORDS, 'never_mandated_by_law', language)})"
        parts.append(f"{word(WORDS, 'legal_status', language).lower()}: {legal}")
    return f"{word(WORDS, 'still_possible', language)}: {'; '.join(parts)}."


def sentence_text(sentence) -> str:
    return f"{sentence.text} ({'; '.join(sentence.citations)})" if sentence.citations else sentence.text


def _route_blocks(outcome: O.Outcome, language: str) -> list[Block]:
    """The outcome's route and the local information about it."""
    blocks: list[Block] = []
    if outcome.route is not None:
        blocks += [
            Paragraph(f"{word(WORDS, 'route', language)}: {route_text(outcome.route, language)}"),
            Bullets(_route_lines(outcome.route, language)),
        ]
    if outcome.route_info:
        blocks += [
            Paragraph(f"{word(WORDS, 'route_info', language)}:"),
            Bullets([reading_line(r, language) for r in outcome.route_info]),
        ]
    return blocks


def outcome_blocks(outcome: O.Outcome, language: str, explanation=None) -> list[Block]:
    blocks: list[Block] = [Heading(3, f"{outcome.name.get(language)} — {word(STATUS, outcome.status, language)}")]
    summary = f"{word(WORDS, 'legal_status', language)}: {word(LEGAL_STATUS, outcome.legal_status, language)}."
    if len(outcome.status_possible) > 1 or len(outcome.legal_status_possible) > 1:
        summary += " " + possible_text(outcome, language)
    if outcome.unverified:
        summary += " " + " ".join(unverified_sentences(outcome, language))
    blocks.append(Paragraph(summary))
    blocks += amount_blocks(outcome, language)
    if outcome.missing_facts or outcome.missing_readings:
        # With an explanation the open questions are asked in words; without one, the ids are all there is.
        if explanation is not None:
            missing = " ".join(explanation.missing)
        else:
            missing = ", ".join(outcome.missing_facts + [f"reading({p})" for p in outcome.missing_readings])
        blocks.append(Paragraph(f"{word(WORDS, 'missing', language)}: {missing}"))
    if explanation is not None:
        blocks += [
            Paragraph(f"{word(WORDS, 'why', language)}:"),
            Bullets([sentence_text(x) for x in explanation.why[1:] + explanation.readings + explanation.marks]),
        ]
        if explanation.would_change:
            blocks += [
                Paragraph(f"{word(WORDS, 'would_change', language)}:"),
                Bullets([sentence_text(x) for x in explanation.would_change]),
            ]
        return blocks + _route_blocks(outcome, language)
    why = []
    for reason in outcome.reasons.rules:
        cites = ", ".join(citation_text(c, language) for c in reason.citations)
        line = f"{reason.rule}: {word(ROLE, reason.role, language)} ({cites})"
        if reason.condition:
            line += f" — `{reason.condition}`"
        if reason.defeated_by:
            line += f" ← {', '.join(reason.defeated_by)}"
        if reason.missing_facts:
            line += f" — {word(WORDS, 'missing', language).lower()}: {', '.join(reason.missing_facts)}"
        why.append(line)
    if why:
        blocks += [Paragraph(f"{word(WORDS, 'why', language)}:"), Bullets(why)]
    if outcome.reasons.readings:
        blocks += [
            Paragraph(f"{word(WORDS, 'readings', language)}:"),
            Bullets([reading_line(r, language) for r in outcome.reasons.readings]),
        ]
    blocks += _route_blocks(outcome, language)
    for conflict in outcome.conflicts:
        blocks.append(
            Paragraph(f"{word(STATUS, 'conflict', language)} ({conflict['aspect']}): {', '.join(conflict['rules'])}")
        )
    return blocks


def plan_blocks(plan, language: str) -> list[Block]:
    """The action plan: steps in order, what to find out, and who in the team does what."""
    blocks: list[Block] = [Heading(3, word(WORDS, "plan", language))]
    for number, step in enumerate(plan.steps, start=1):
        mark = f" ({word(WORDS, 'if_eligible', language)})" if step.tentative else ""
        cites = "; ".join(citation_text(c, language) for c in step.citations)
        supports = plan.support_names(step.supports, language)
        line = f"{number}. {step.name.get(language)} — {step.body_name.get(language)}{mark}: {supports}"
        detail = [
            f"{step.body_name.get(language)} {word(WORDS, 'decides', language)}: {step.decides.get(language)}"
            + (f" ({cites})" if cites else "")
        ]
        if step.how:
            detail.append(step.how.get(language))
        if step.appealable is not None:
            detail.append(
                word(WORDS, "appeal", language).capitalize()
                + ": "
                + (word(WORDS, "appealable", language) if step.appealable else word(WORDS, "not_appealable", language))
            )
        blocks += [Paragraph(line), Bullets(detail)]
    for number, item in enumerate(plan.assessments, start=len(plan.steps) + 1):
        where = f" — {item.route_name.get(language)}, {item.body_name.get(language)}" if item.route_name else ""
        cites = "; ".join(citation_text(c, language) for c in item.citations)
        detail = [
            word(WORDS, "assessment_when", language).format(when=w.get(language)) + f" ({cites})" for w in item.when
        ]
        if item.find_out:
            detail.append(
                f"{word(WORDS, 'supporting_facts', language)}: " + " ".join(q.get(language) for _, q in item.find_out)
            )
        blocks += [
            Paragraph(f"{number}. {word(WORDS, 'ask_assessment', language)}: {item.name.get(language)}{where}"),
            Bullets(detail),
        ]
    if plan.ask_person:
        blocks += [
            Paragraph(f"{word(WORDS, 'ask_person', language)}:"),
            Bullets([q.get(language) for _, q in plan.ask_person[:10]]),
        ]
    if plan.ask_locally:
        questions = [plan.point_questions[p].get(language) for p in plan.ask_locally]
        blocks += [Paragraph(f"{word(WORDS, 'ask_locally', language)}:"), Bullets(questions)]
    for work in plan.team:
        tasks = [f"{task.get(language)} ({plan.support_names(supports, language)})" for task, supports in work.tasks]
        blocks += [Paragraph(f"{work.name.get(language)}:"), Bullets(tasks)]
    return blocks


def evaluation_blocks(
    evaluation: O.Evaluation, language: str, details: bool = True, explanations=None, plan=None
) -> list[Block]:
    place = evaluation.jurisdiction
    title = f"{place.name} ({place.id})"
    if place.example:
        title += f" — {word(WORDS, 'example', language)}"
    blocks: list[Block] = [
        Heading(2, title),
        Paragraph(
            f"{word(WORDS, 'date', language).capitalize()}: {evaluation.evaluation_date} · "
            f"{word(WORDS, 'fingerprint', language)}: {evaluation.rulebook_fingerprint} · tolka "
            f"{evaluation.tolka_version}"
        ),
    ]
    table = Table([word(WORDS, k, language) for k in ("support", "status", "route", "legal_status")])
    with_amounts = any(outcome.amount is not None for outcome in evaluation.outcomes)
    if with_amounts:
        table.columns.append(word({"amount": AMOUNT_COLUMN}, "amount", language))
    for outcome in evaluation.outcomes:
        name = outcome.name.get(language) + (" ⚠" if outcome.unverified else "")
        status = word(STATUS, outcome.status, language)
        if len(outcome.status_possible) > 1:
            status += " (" + " / ".join(word(STATUS, s, language) for s in outcome.status_possible) + ")"
        table.rows.append(
            [
                name,
                status,
                route_text(outcome.route, language),
                word(LEGAL_STATUS, outcome.legal_status, language),
            ]
        )
        if with_amounts:
            table.rows[-1].append(amount_text(outcome.amount, language, brief=True) if outcome.amount else "")
    blocks.append(table)
    if plan is not None:
        blocks += plan_blocks(plan, language)
    if details:
        for outcome in evaluation.outcomes:
            blocks += outcome_blocks(outcome, language, (explanations or {}).get(outcome.support))
    return blocks
