"""`tolka ask`: guided questions, most decisive first; answers typed or piped on standard input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from ruamel.yaml import YAML

from tolka.case import Case, coerce_fact
from tolka.cli.app import (
    State,
    cli,
    date_option,
    evaluation_day,
    jurisdiction_list,
    lang_option,
    language,
    read_checked_case,
)
from tolka.errors import FactValueError
from tolka.i18n import N_
from tolka.questions import Question, next_questions
from tolka.render.draw import to_terminal
from tolka.render.labels import STATUS, WORDS, fact_unit_text, word
from tolka.render.report import Table
from tolka.render.resolved import listed_ids

DONT_KNOW = {"", "?", "vet inte", "don't know", "dont know", "unknown", "okänt", "vet ej", "ukjent"}
STOP = {"q", "quit", "sluta", "avsluta"}
PROMPTS = {
    "dont_know": N_("empty or ? = don't know, q = stop"),
    "settles": N_("answering this settles outcomes in {n} of {m} jurisdictions"),
    "done": N_("No question left that would settle an outcome."),
    "saved": N_("Case saved to {path} (facts only, no name)."),
    "invalid": N_("Not a valid answer: {error}"),
    "pick": N_("write the number of one of the choices (1–{n})"),
    "answer_yes_no": N_("answer yes or no"),
    "date": N_("write a date that exists, as YYYY-MM-DD"),
    "whole": N_("a whole number"),
    "number": N_("a number"),
    "amount": N_("an amount"),
    "between": N_("{what} from {low} to {high}"),
    "for_assessment": N_("for the individual assessment of: {supports} (the answer does not change the status)"),
    "outcomes": N_("Outcomes"),
    "everywhere": N_("{status} (all {n})"),
    "yes_no": N_("yes/no"),
}
# Up to this many jurisdictions get a column each; more are grouped by outcome in one column.
COLUMNS = 6


def say(key: str, lang: str, **values) -> str:
    return word(PROMPTS, key, lang).format(**values)


def _status_table(engine, case: Case, places: list[str], day: dt.date, lang: str) -> str:
    """Each support's outcome: per jurisdiction (a column each, by name), or, with many, which
    jurisdictions have which outcome."""
    decided = engine.decide_many(case, places, day)
    rulebook = engine.rulebook
    names = {s.id: s.name.get(lang) for s in rulebook.supports.values()}
    support_word = word(WORDS, "support", lang)
    if len(places) == 1:
        table = Table([support_word, word(WORDS, "status", lang)])
        for support, decision in decided[places[0]].items():
            table.rows.append([names[support], word(STATUS, decision.status, lang)])
    elif len(places) <= COLUMNS:
        table = Table([support_word] + [rulebook.jurisdictions[p].name for p in places])
        for support in names:
            if any(support in decided[p] for p in places):
                cells = [
                    word(STATUS, decided[p][support].status, lang) if support in decided[p] else "" for p in places
                ]
                table.rows.append([names[support]] + cells)
    else:
        table = Table([support_word, say("outcomes", lang)])
        for support in names:
            groups: dict[str, list[str]] = {}
            for place in places:
                if support in decided[place]:
                    groups.setdefault(decided[place][support].status, []).append(place)
            if groups:
                lines = [_group(rulebook, status, ids, len(places), lang) for status, ids in groups.items()]
                table.rows.append([names[support], "\n".join(lines)])
    return to_terminal([table])


def _group(rulebook, status: str, ids: list[str], total: int, lang: str) -> str:
    """One outcome and the jurisdictions that have it, by name (or that all have it)."""
    label = word(STATUS, status, lang)
    if len(ids) == total:
        return say("everywhere", lang, status=label, n=total)
    return f"{label}: {listed_ids([rulebook.jurisdictions[j].name for j in ids])}"


def _choices(fact, lang: str) -> str:
    if fact.type == "bool":
        return say("yes_no", lang)
    if fact.type == "enum":
        return " · ".join(f"{i + 1}={v.label.get(lang)}" for i, v in enumerate(fact.values))
    if fact.type == "date":
        return "YYYY-MM-DD"
    return _number_form(fact, lang)


def _number_form(fact, lang: str) -> str:
    """ "a whole number from 0 to 100 (per cent)", "a number from 0 to … (kronor per month)"."""
    what = say("whole" if fact.type == "integer" else "number", lang)
    if fact.unit == "money":  # its maximum is a technical ceiling (docs/amounts.md), not a limit to show
        what = say("amount", lang)
    elif fact.minimum is not None and fact.maximum is not None:
        what = say("between", lang, what=what, low=f"{fact.minimum:.15g}", high=f"{fact.maximum:.15g}")
    unit = fact_unit_text(fact, lang)
    return f"{what} ({unit})" if unit else what


def _invalid(fact, lang: str) -> str:
    """What a valid answer looks like, without the fact's internal name: the question is on screen."""
    if fact.type == "enum":
        return say("pick", lang, n=len(fact.values))
    if fact.type == "bool":
        return say("answer_yes_no", lang)
    if fact.type == "date":
        return say("date", lang)
    return _number_form(fact, lang)


def _parse(fact, text: str):
    if fact.type == "enum" and len(text) <= 3 and text.isdigit() and 1 <= int(text) <= len(fact.values):
        return fact.values[int(text) - 1].id
    return coerce_fact(fact, text, fact.name)


@cli.command()
@click.option(
    "--jurisdiction",
    "-j",
    "which",
    default="SE",
    show_default=True,
    help="One id, several ids separated by commas, or `all`.",
)
@click.option(
    "--case", "start", type=click.Path(dir_okay=False, path_type=Path), help="Start from the facts in this case file."
)
@click.option(
    "--save", type=click.Path(dir_okay=False, path_type=Path), help="Save the case (facts only) to this YAML file."
)
@click.option("--max-questions", type=int, default=40, show_default=True)
@date_option
@lang_option
@click.pass_obj
def ask(
    state: State, which: str, start: Path | None, save: Path | None, max_questions: int, day, lang: str | None
) -> None:
    """Ask the most decisive unknown fact next, showing the outcomes after each answer.

    Works interactively and with answers on standard input, one per line (empty or `?` = don't
    know: the fact stays unknown and is not asked again).
    """
    engine = state.engine
    words, when = language(lang), evaluation_day(day)
    case = read_checked_case(state, start, when, words) if start else Case({})
    # `all` means every jurisdiction of the starting case's country, as in compare.
    places = jurisdiction_list(engine.rulebook, which, case.facts.get("home_country", "SE"), words)
    stdin = click.open_file("-")  # standard input as click reads it (get_text_stream is deprecated)
    skipped: set[str] = set()
    click.echo(_status_table(engine, case, places, when, words), nl=False)
    for _ in range(max_questions):
        questions: list[Question] = next_questions(engine, case, places, when, limit=1, skip=frozenset(skipped))
        if not questions:
            click.echo(say("done", words))
            break
        question = questions[0]
        fact = engine.rulebook.facts[question.fact]
        if len(places) > 1:
            click.echo(say("settles", words, n=question.settles_in, m=question.jurisdictions))
        if question.for_assessment and question.score == 0:
            names = ", ".join(engine.rulebook.supports[s].name.get(words) for s in question.for_assessment)
            click.echo(say("for_assessment", words, supports=names))
        click.echo(f"{fact.question.get(words)} [{_choices(fact, words)}] ({say('dont_know', words)})")
        while True:
            line = stdin.readline()
            if not line:  # end of input
                line = "q"
            text = line.strip()
            if text.lower() in STOP:
                break
            if text.lower() in DONT_KNOW:
                skipped.add(fact.name)
                break
            try:
                value = _parse(fact, text)
            except FactValueError:
                click.echo(say("invalid", words, error=_invalid(fact, words)))
                click.echo(f"{fact.question.get(words)} [{_choices(fact, words)}]")
                continue
            case = case.with_fact(fact.name, value)
            break
        if text.lower() in STOP:
            break
        click.echo(_status_table(engine, case, places, when, words), nl=False)
    if save:
        YAML().dump(case.as_data(), save)
        click.echo(say("saved", words, path=save))
