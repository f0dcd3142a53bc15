"""Amounts and the monthly budget as report blocks, in sv/en/nb (docs/amounts.md).

An amount reads "7 200 SEK per month", or "between 0 and 8 200 SEK per month, depending on
monthly_income" where an input is unknown; each step of the calculation is a line with the
parameters, facts, readings and other supports' amounts it read (with source and date) and its
citations.
"""

from __future__ import annotations

from decimal import Decimal

from tolka.model import outcome as O
from tolka.render.blocks import Block, Bullets, Heading, Paragraph, Table, citation_text
from tolka.render.labels import STATUS, word

PERIOD = {
    "per_month": {"en": "per month", "sv": "per månad", "nb": "per måned"},
    "per_year": {"en": "per year", "sv": "per år", "nb": "per år"},
    "per_week": {"en": "per week", "sv": "per vecka", "nb": "per uke"},
    "per_4_weeks": {"en": "per 4 weeks", "sv": "per fyra veckor", "nb": "per fire uker"},
}
PHRASES = {
    "amount": {"en": "Amount", "sv": "Belopp", "nb": "Beløp"},
    "calculation": {"en": "Calculation", "sv": "Beräkning", "nb": "Beregning"},
    "between": {"en": "between {low} and {high}", "sv": "mellan {low} och {high}", "nb": "mellom {low} og {high}"},
    "at_least": {"en": "at least {low}", "sv": "minst {low}", "nb": "minst {low}"},
    "at_most": {"en": "at most {high}", "sv": "högst {high}", "nb": "høyst {high}"},
    "unknown": {"en": "unknown", "sv": "okänt", "nb": "ukjent"},
    "depending_on": {"en": "depending on {what}", "sv": "beroende på {what}", "nb": "avhengig av {what}"},
    "no_value": {
        "en": "no sourced value of {what} on this date",
        "sv": "inget källbelagt värde för {what} detta datum",
        "nb": "ingen kildebelagt verdi for {what} på denne datoen",
    },
    "conflict": {
        "en": "the calculations {what} apply together and none is an exception to the other",
        "sv": "beräkningarna {what} gäller samtidigt och ingen är undantag från den andra",
        "nb": "beregningene {what} gjelder samtidig og ingen er unntak fra den andre",
    },
    "may_apply": {
        "en": "may apply (its condition is unknown)",
        "sv": "kan gälla (villkoret är okänt)",
        "nb": "kan gjelde (vilkåret er ukjent)",
    },
    "source": {"en": "source", "sv": "källa", "nb": "kilde"},
    "from": {"en": "from", "sv": "från", "nb": "fra"},
    "unverified": {"en": "unverified", "sv": "ej verifierat", "nb": "ikke verifisert"},
    "last_resort": {
        "en": "last resort: tops up what income and other supports leave",
        "sv": "yttersta skyddsnät: fyller upp det som inkomster och andra stöd lämnar",
        "nb": "siste sikkerhetsnett: fyller opp det inntekter og andre ytelser etterlater",
    },
    "budget": {"en": "Monthly budget", "sv": "Månadsbudget", "nb": "Månedsbudsjett"},
    "body": {"en": "From", "sv": "Från", "nb": "Fra"},
    "support": {"en": "Support", "sv": "Stöd", "nb": "Støtte"},
    "status": {"en": "Status", "sv": "Status", "nb": "Status"},
    "month": {"en": "Per month", "sv": "Per månad", "nb": "Per måned"},
    "income": {"en": "Own income", "sv": "Egna inkomster", "nb": "Egne inntekter"},
    "the_person": {"en": "the person", "sv": "personen", "nb": "personen"},
    "tops_up": {"en": "tops up", "sv": "fyller upp", "nb": "fyller opp"},
    "total": {"en": "Total per month", "sv": "Totalt per månad", "nb": "Totalt per måned"},
    "scenario": {"en": "If {what}", "sv": "Om {what}", "nb": "Hvis {what}"},
    "as_given": {"en": "As given", "sv": "Som angivet", "nb": "Som oppgitt"},
    "lump_sums": {
        "en": "Not counted per month (paid once): {what}",
        "sv": "Räknas inte per månad (betalas en gång): {what}",
        "nb": "Regnes ikke per måned (utbetales én gang): {what}",
    },
}


def phrase(key: str, language: str, **values: str) -> str:
    """One phrase of this view in `language`, with its placeholders filled."""
    return word(PHRASES, key, language).format(**values)


def money_text(value: str | None, unit: str | None, language: str) -> str:
    """A decimal text grouped by thousands as the language writes it, with its currency."""
    if value is None:
        return phrase("unknown", language)
    number = Decimal(value)
    grouped = f"{number:,.2f}" if number != number.to_integral_value() else f"{number:,.0f}"
    if language != "en":
        grouped = grouped.replace(",", " ").replace(".", ",")
    return f"{grouped} {unit}" if unit else grouped


def range_text(value: str | None, low: str | None, high: str | None, unit: str | None, language: str) -> str:
    """An exact value, a range, a one-sided bound, or "unknown"."""
    if value is not None:
        return money_text(value, unit, language)
    if low is not None and high is not None:
        return phrase("between", language, low=money_text(low, None, language), high=money_text(high, unit, language))
    if low is not None:
        return phrase("at_least", language, low=money_text(low, unit, language))
    if high is not None:
        return phrase("at_most", language, high=money_text(high, unit, language))
    return phrase("unknown", language)


def amount_text(amount: O.Amount, language: str) -> str:
    """ "7 200 SEK per month", or the range with what it depends on."""
    period = word(PERIOD, amount.period, language) if amount.period in PERIOD else ""
    text = range_text(amount.value, amount.low, amount.high, amount.unit, language)
    text = f"{text} {period}".rstrip()
    if amount.from_date:
        text += f" ({phrase('from', language)} {amount.from_date})"
    reasons = []
    if amount.missing_facts or amount.missing_readings:
        what = ", ".join(amount.missing_facts + [f"reading({p})" for p in amount.missing_readings])
        reasons.append(phrase("depending_on", language, what=what))
    if amount.missing_parameters:
        reasons.append(phrase("no_value", language, what=", ".join(amount.missing_parameters)))
    if amount.conflict:
        reasons.append(phrase("conflict", language, what=", ".join(amount.conflict)))
    if reasons:
        text += ", " + "; ".join(reasons)
    if not amount.verified:
        text += f" [{phrase('unverified', language)}]"
    return text


def _input_text(item: O.AmountInput, language: str) -> str:
    period = word(PERIOD, item.period, language) if item.period in PERIOD else ""
    value = f"{range_text(item.value, item.low, item.high, item.unit, language)} {period}".rstrip()
    name = {"parameter": f"param({item.id})", "amount": f"amount({item.id})", "reading": f"reading({item.id})"}.get(
        item.kind, item.id
    )
    text = f"{name} = {value}"
    if item.status is not None:
        text += f" ({word(STATUS, item.status, language)})"
    if item.source is not None:
        when = item.source.published.isoformat() if item.source.published else (item.source.date_note or "")
        text += f" ({phrase('source', language)}: {item.source.url or item.source.document}, {when})"
    if item.valid_from:
        text += f" [{phrase('from', language)} {item.valid_from}]"
    if not item.verified:
        text += f" [{phrase('unverified', language)}]"
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


def amount_blocks(outcome: O.Outcome, language: str) -> list[Block]:
    """The amount of an outcome and its calculation, step by step."""
    amount = outcome.amount
    if amount is None:
        return []
    blocks: list[Block] = [Paragraph(f"{phrase('amount', language)}: {amount_text(amount, language)}")]
    if amount.last_resort:
        blocks.append(Paragraph(phrase("last_resort", language)))
    for calculation in amount.calculations:
        cites = "; ".join(citation_text(c, language) for c in calculation.citations)
        title = f"{phrase('calculation', language)} {calculation.id} ({cites})"
        if calculation.applies == "unknown":
            title += f" — {phrase('may_apply', language)}"
        blocks += [Paragraph(title + ":"), Bullets([step_text(step, language) for step in calculation.steps])]
    return blocks


def budget_blocks(budgets: list[tuple[str | None, O.Budget]], language: str) -> list[Block]:
    """The monthly budget: from whom, how much, what the last-resort support tops up; one column per scenario."""
    if not budgets:
        return []
    columns = [phrase("body", language), phrase("support", language), phrase("status", language)]
    columns += [
        phrase("scenario", language, what=label) if label else phrase("as_given", language) for label, _ in budgets
    ]
    table = Table(columns)
    supports = list(dict.fromkeys(line.support for _, budget in budgets for line in budget.lines))
    for support in supports:
        lines = [next((line for line in budget.lines if line.support == support), None) for _, budget in budgets]
        first = next(line for line in lines if line is not None)
        status = " / ".join(dict.fromkeys(word(STATUS, line.status, language) for line in lines if line is not None))
        name = first.name.get(language) + (f" ({phrase('tops_up', language)})" if first.last_resort else "")
        cells = [_line_cell(line, language) for line in lines]
        table.rows.append([first.body_name.get(language), name, status, *cells])
    income = [range_text(b.income.value, b.income.low, b.income.high, b.currency, language) for _, b in budgets]
    table.rows.append([phrase("the_person", language), phrase("income", language), "", *income])
    totals = [range_text(b.total.value, b.total.low, b.total.high, b.currency, language) for _, b in budgets]
    table.rows.append(["", phrase("total", language), "", *totals])
    blocks: list[Block] = [Heading(3, phrase("budget", language)), table]
    missing = list(dict.fromkeys(fact for _, budget in budgets for fact in budget.missing_facts))
    if missing:
        blocks.append(Paragraph(phrase("depending_on", language, what=", ".join(missing)).capitalize()))
    lump = list(dict.fromkeys(s for _, budget in budgets for s in budget.not_monthly))
    if lump:
        blocks.append(Paragraph(phrase("lump_sums", language, what=", ".join(lump))))
    return blocks


def _line_cell(line: O.BudgetLine | None, language: str) -> str:
    if line is None:
        return "–"
    text = range_text(line.value, line.low, line.high, line.unit, language)
    return text + ("" if line.verified else " ⚠")
