"""The print view: the CLI's printable report of the evaluation (with amounts and the monthly
budget), framed by what it rests on.

Before the outcomes, exactly the facts given (each question with its answer) and the answers
"don't know"; after them, the questions still open (facts and local readings the outcomes wait
for). All in the page's language, drawn by the same renderer as `tolka evaluate --format html`.
"""

from __future__ import annotations

from tolka.i18n import translator
from tolka.render.draw import to_html
from tolka.render.labels import PAGE, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table, evaluation_blocks
from tolka.server.view import Page


def facts_blocks(page: Page) -> list[Block]:
    """The facts the outcomes rest on: every answer given, and every "don't know"."""
    lang, _ = page.lang, translator(page.lang, "web")
    blocks: list[Block] = [Heading(2, _("The facts given"))]
    if page.answers:
        table = Table([_("Question"), _("Answer")])
        table.rows = [[question, answer] for _name, question, answer in page.answers]
        blocks.append(table)
    else:
        blocks.append(Paragraph(word(PAGE, "no_answers", lang)))
    if page.unknown:
        blocks += [Paragraph(word(PAGE, "unknown_answers", lang) + ":"), Bullets([q for _n, q in page.unknown])]
    if page.warnings:
        blocks += [Paragraph(_("Worth a second look:")), Bullets([page.words(w.message) for w in page.warnings])]
    return blocks


def open_blocks(page: Page) -> list[Block]:
    """What is still open: the facts and the local readings the outcomes wait for."""
    lang, outcomes, _ = page.lang, page.evaluation.outcomes, translator(page.lang, "web")
    unknown = {name for name, _question in page.unknown}
    facts = dict.fromkeys(name for o in outcomes for name in o.missing_facts if name not in unknown)
    points = dict.fromkeys(point for o in outcomes for point in o.missing_readings)
    blocks: list[Block] = [Heading(2, _("Open questions"))]
    if not facts and not points:
        return blocks + [Paragraph(_("Nothing is open: no outcome waits for a fact or a local reading."))]
    if facts:
        blocks += [Paragraph(_("To find out from the person:")), Bullets([page.fact_questions[f] for f in facts])]
    if points:
        questions = [page.point_questions[p] for p in points]
        blocks += [Paragraph(word(PAGE, "missing_readings", lang) + ":"), Bullets(questions)]
    return blocks


def report_html(page: Page) -> str:
    """The whole printable report of `page`'s case as one HTML document."""
    evaluation = page.evaluation
    answer = evaluation_blocks(evaluation, page.lang, explanations=page.explanations, plan=page.plan)
    if page.budget:  # after the outcome table, as `tolka evaluate --budget` puts it
        after_table = next(i for i, block in enumerate(answer) if isinstance(block, Table)) + 1
        answer[after_table:after_table] = page.budget
    blocks = facts_blocks(page) + answer + open_blocks(page)
    title = f"tolka — {evaluation.jurisdiction.name} {evaluation.evaluation_date}"
    return to_html(blocks, title, page.lang)
