"""Amounts and the monthly budget as report blocks, in sv/en/nb (docs/amounts.md).

An amount reads "7 200 SEK per month", or "between 0 and 8 200 SEK per month, depending on
monthly_income" where an input is unknown; each step of the calculation is a line with the
parameters, facts, readings and other supports' amounts it read (with source and date) and its
citations. Sentences come from the message catalogues (docs/i18n.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tolka.i18n import N_, Translator, translator
from tolka.model import outcome as O
from tolka.render.blocks import Block, Bullets, Heading, Paragraph, Table, citation_text
from tolka.render.labels import PERIOD, STATUS, as_language, fact_value_label, word
from tolka.render.source_note import source_date
from tolka.rulebook import Rulebook

AMOUNT_COLUMN = N_("Amount")  # the heading of the outcome table's amount column
# A reader writes the own country's currency as "kr" and a neighbour's by its code (sv "NOK", nb "SEK").
CURRENCY = {"SEK": N_("SEK"), "NOK": N_("NOK")}


def _translator(language: str) -> Translator:
    return translator(as_language(language))


def quoted(text: str, language: str) -> str:
    """A question or name in the language's quotation marks (”…” sv, «…» nb, “…” en)."""
    _ = _translator(language)
    return _("“{text}”", text=text)


def number_text(number: Decimal | float, language: str, decimals: int = 0) -> str:
    """A number grouped by thousands as the language writes it: 12,345.6 (en), 12 345,6 (sv, nb)."""
    return _localised(f"{number:,.{decimals}f}", language)


def _localised(grouped: str, language: str) -> str:
    """Python's "12,345.6" as the language writes it."""
    return grouped if language == "en" else grouped.replace(",", " ").replace(".", ",")


def money_text(value: str | None, unit: str | None, language: str, exact: bool = False) -> str:
    """A decimal text grouped by thousands as the language writes it, with its currency. A computed
    amount shows two decimals at most; an `exact` one (a parameter as the law fixes it: 2.041 G) all."""
    _ = _translator(language)
    if value is None:
        return _("unknown")
    number = Decimal(value)
    if unit == "share":  # the statutes write rates as per cent ("64,7 procent", "66 prosent")
        number, unit = number * 100, "%"
        grouped = _localised(f"{number.normalize():,f}", language)
    elif exact:
        grouped = _localised(f"{number.normalize():,f}", language)
    else:
        grouped = number_text(number, language, 2 if number != number.to_integral_value() else 0)
    if unit in CURRENCY:  # base amounts (G, prisbasbelopp) keep their legal names in every language
        unit = word(CURRENCY, unit, language)
    if unit == "%" and language == "en":
        return f"{grouped}%"
    return f"{grouped} {unit}" if unit else grouped


def period_text(period: str | None, language: str) -> str:
    """ "per month", "per year" … in the language; nothing for an amount without a period."""
    return word(PERIOD, period, language) if period in PERIOD else ""


def parameter_value_text(value: str, unit: str | None, period: str | None, language: str) -> str:
    """A parameter's value as the law fixes it, written as the language writes it, with its unit and period:
    "2,041 G per år", "66 %", "59 200 kr per år" (`tolka parameters`, `tolka diff`)."""
    return f"{money_text(value, unit, language, exact=True)} {period_text(period, language)}".rstrip()


def range_text(value: str | None, low: str | None, high: str | None, unit: str | None, language: str) -> str:
    """An exact value, a range, a one-sided bound, or "unknown"."""
    _ = _translator(language)
    if value is not None:
        return money_text(value, unit, language)
    if low is not None and high is not None:
        return _("between {low} and {high}", low=money_text(low, None, language), high=money_text(high, unit, language))
    if low is not None and Decimal(low) > 0:  # "at least 0" says nothing a reader can use
        return _("at least {low}", low=money_text(low, unit, language))
    if high is not None:
        return _("at most {high}", high=money_text(high, unit, language))
    return _("unknown")


def amount_text(amount: O.Amount, language: str, *, brief: bool = False) -> str:
    """ "7 200 SEK per month", or the range with what it depends on.

    `brief` is for a table cell: the open questions are counted, not listed — the calculation
    below the table (amount_blocks) names them.
    """
    _ = _translator(language)
    period = word(PERIOD, amount.period, language) if amount.period in PERIOD else ""
    text = range_text(amount.value, amount.low, amount.high, amount.unit, language)
    text = f"{text} {period}".rstrip()
    if amount.from_date:
        text += " " + _("(from {date})", date=amount.from_date)
    reasons = []
    named = [quoted(text.get(language), language) for text in amount.missing_named]
    answers = named[: len(amount.missing_facts) + len(amount.missing_readings)]
    if answers and brief:
        count = len(answers)
        reasons.append(
            _.ngettext("depending on {count} open question", "depending on {count} open questions", count, count=count)
        )
    elif answers:
        reasons.append(_("depending on the answers to {questions}", questions=", ".join(answers)))
    if named[len(answers) :]:
        reasons.append(_("no sourced value of {parameters} on this date", parameters=", ".join(named[len(answers) :])))
    if amount.conflict:
        reasons.append(
            _(
                "the calculations {calculations} apply together and none is an exception to the other",
                calculations=", ".join(amount.conflict),
            )
        )
    if reasons:
        text += ", " + "; ".join(reasons)
    if not amount.verified:
        text += " [" + _("unverified") + "]"
    return text


def _input_text(item: O.AmountInput, language: str) -> str:
    _ = _translator(language)
    period = word(PERIOD, item.period, language) if item.period in PERIOD else ""
    value = f"{range_text(item.value, item.low, item.high, item.unit, language)} {period}".rstrip()
    if item.name is None:
        name = item.id
    elif item.kind in ("fact", "reading"):  # a question: the answer given is its value
        name = quoted(item.name.get(language), language)
    else:
        name = item.name.get(language)
    text = f"{name}: {value}"
    if item.status is not None:
        text += f" ({word(STATUS, item.status, language)})"
    if item.source is not None:
        # A step lists many figures: each gives only its source's date (or what is known of it); the
        # asides are in the JSON's `source` and beside the reading itself.
        when = source_date(item.source, language, asides=False)
        text += " " + _("(source: {where}, {date})", where=item.source.url or item.source.document or "", date=when)
    if item.valid_from:
        text += " " + _("[from {date}]", date=item.valid_from)
    if not item.verified:
        text += " [" + _("unverified") + "]"
    return text


def step_text(step: O.AmountStep, language: str) -> str:
    """One line of a calculation: label, value, what it read and its citations."""
    period = word(PERIOD, step.period, language) if step.period in PERIOD else ""
    value = f"{range_text(step.value, step.low, step.high, step.unit, language)} {period}".rstrip()
    text = f"{step.label.get(language)}: {value}"
    read = [_input_text(item, language) for item in step.inputs]
    citations = [citation_text(c, language) for c in step.citations]
    inputs = f" — {'; '.join(read)}" if read else ""
    cites = f" ({'; '.join(citations)})" if citations else ""
    return f"{text}{inputs}{cites}"


@dataclass(frozen=True)
class CalculationView:
    """One calculation of an amount: its title (with citations) and its steps as lines."""

    title: str
    steps: list[str]


@dataclass(frozen=True)
class AmountView:
    """An outcome's amount as a reader meets it (report blocks and the web page draw the same):
    the amount in words, the last-resort note, and each calculation step by step."""

    text: str
    note: str | None
    calculations: list[CalculationView]


def amount_view(outcome: O.Outcome, language: str) -> AmountView | None:
    """The amount of an outcome in words and its calculation, step by step; None without an amount."""
    _ = _translator(language)
    amount = outcome.amount
    if amount is None:
        return None
    note = _("Last resort: it tops up what income and other supports leave.") if amount.last_resort else None
    calculations = []
    for calculation in amount.calculations:
        cites = "; ".join(citation_text(c, language) for c in calculation.citations)
        if calculation.applies == "unknown":
            title = _("Calculation ({citations}), which may apply (its condition is unknown):", citations=cites)
        else:
            title = _("Calculation ({citations}):", citations=cites)
        calculations.append(CalculationView(title, [step_text(step, language) for step in calculation.steps]))
    return AmountView(amount_text(amount, language), note, calculations)


def amount_blocks(outcome: O.Outcome, language: str) -> list[Block]:
    """The amount of an outcome and its calculation, step by step."""
    _ = _translator(language)
    view = amount_view(outcome, language)
    if view is None:
        return []
    blocks: list[Block] = [Paragraph(_("Amount: {amount}", amount=view.text))]
    if view.note:
        blocks.append(Paragraph(view.note))
    for calculation in view.calculations:
        blocks += [Paragraph(calculation.title), Bullets(calculation.steps)]
    return blocks


def budget_blocks(budgets: list[tuple[str | None, O.Budget]], language: str, rulebook: Rulebook) -> list[Block]:
    """The monthly budget: from whom, how much, what the last-resort support tops up; one column per scenario."""
    _ = _translator(language)
    if not budgets:
        return []
    columns = [_("From"), _("Support"), _("Status")]
    # A scenario's column is numbered; its changes follow the table in words (questions, answers), not as typed.
    columns += [_("Scenario {number}", number=i) if label else _("As given") for i, (label, _b) in enumerate(budgets)]
    table = Table(columns)
    supports = list(dict.fromkeys(line.support for _label, budget in budgets for line in budget.lines))
    for support in supports:
        lines = [next((line for line in budget.lines if line.support == support), None) for _label, budget in budgets]
        first = next(line for line in lines if line is not None)
        status = " / ".join(dict.fromkeys(word(STATUS, line.status, language) for line in lines if line is not None))
        name = first.name.get(language)
        if first.last_resort:
            name = _("{support} (tops up)", support=name)
        cells = [_line_cell(line, language) for line in lines]
        table.rows.append([first.body_name.get(language), name, status, *cells])
    income = [range_text(b.income.value, b.income.low, b.income.high, b.currency, language) for _label, b in budgets]
    table.rows.append([_("the person"), _("Own income"), "", *income])
    totals = [range_text(b.total.value, b.total.low, b.total.high, b.currency, language) for _label, b in budgets]
    table.rows.append(["", _("Total per month"), "", *totals])
    blocks: list[Block] = [Heading(3, _("Monthly budget")), table]
    for number, (label, scenario) in enumerate(budgets):
        if label:
            changes = "; ".join(
                _change_text(rulebook, name, value, language) for name, value in scenario.changed_facts.items()
            )
            blocks.append(Paragraph(_("Scenario {number}: {changes}.", number=number, changes=changes)))
    missing = list(dict.fromkeys(quoted(q.get(language), language) for _l, b in budgets for q in b.missing_named))
    if missing:
        blocks.append(Paragraph(_("The budget depends on the answers to {questions}.", questions=", ".join(missing))))
    lump = list(dict.fromkeys(s for _label, budget in budgets for s in budget.not_monthly))
    if lump:
        names = ", ".join(rulebook.supports[s].name.get(language) if s in rulebook.supports else s for s in lump)
        blocks.append(Paragraph(_("Not counted per month (paid once): {supports}.", supports=names)))
    return blocks


def _change_text(rulebook: Rulebook, name: str, value: object, language: str) -> str:
    """One changed answer of a scenario: the question and the answer in words."""
    _ = _translator(language)
    question = rulebook.facts[name].question.get(language) if name in rulebook.facts else name
    answer = _("unknown") if value is None else fact_value_label(rulebook, name, value, language)
    return _("{question} {answer}", question=quoted(question, language), answer=answer)


def _line_cell(line: O.BudgetLine | None, language: str) -> str:
    if line is None:
        return "–"
    text = range_text(line.value, line.low, line.high, line.unit, language)
    return text + ("" if line.verified else " ⚠")
