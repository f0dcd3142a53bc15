"""`tolka evaluate`: one case, one jurisdiction, one date → cited outcomes."""

from __future__ import annotations

from pathlib import Path

import click

from tolka.budget import what_if_budgets
from tolka.cli.app import (
    State,
    case_place,
    checked_case,
    cli,
    date_option,
    evaluation_day,
    lang_option,
    language,
)
from tolka.explain import explain_all, explain_outcome
from tolka.plan import action_plan
from tolka.render.amounts_view import budget_blocks
from tolka.render.blocks import Table
from tolka.render.draw import to_html, to_markdown, to_terminal
from tolka.render.evaluation_json import evaluation_data
from tolka.render.json_out import to_data, to_json
from tolka.render.report import evaluation_blocks


@cli.command()
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--jurisdiction",
    "-j",
    help="Jurisdiction id (e.g. SE-0180). Default: the case's home_municipality, else the country.",
)
@date_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True
)
@click.option(
    "--plan",
    "with_plan",
    is_flag=True,
    help="Add the action plan: what to apply for where, and who in the team does what.",
)
@click.option(
    "--explain",
    "with_counterfactuals",
    is_flag=True,
    help="Add, for each no or open answer, what would change it (slower).",
)
@click.option(
    "--budget",
    "with_budget",
    is_flag=True,
    help="Add the monthly budget: what comes from whom, and what social services top up.",
)
@click.option(
    "--if",
    "scenarios",
    multiple=True,
    metavar="FACT=VALUE[,FACT=VALUE…]",
    help="With --budget: a what-if budget beside the case's (repeatable), e.g. --if current_activity=higher_education.",
)
@lang_option
@click.pass_obj
def evaluate(
    state: State,
    case_file: Path,
    jurisdiction: str | None,
    day,
    fmt: str,
    with_plan: bool,
    with_counterfactuals: bool,
    with_budget: bool,
    scenarios: tuple[str, ...],
    lang: str | None,
) -> None:
    """Evaluate the case in CASE_FILE (YAML or JSON: fact name → value; missing facts are unknown).

    Text, Markdown and HTML give a printable report (outcomes, reasons in plain sentences with
    citations, plan); JSON gives the answer contract. The report contains no personal data beyond
    the facts given.
    """
    engine = state.engine
    words, when = language(lang), evaluation_day(day)
    case, warnings = checked_case(state, case_file, when, words)
    place = case_place(engine.rulebook, case, jurisdiction, words)
    result = engine.evaluate(case, place, when)
    budgets = what_if_budgets(engine, case, place, when, result, scenarios, words) if with_budget or scenarios else []
    if fmt == "json":
        data = evaluation_data(
            engine, case, result, plan=with_plan, explain=with_counterfactuals, lang=words, warnings=warnings
        )
        if budgets:
            data["budget"] = [to_data(b) for _, b in budgets]
        click.echo(to_json(data), nl=False)
        return
    plan = action_plan(engine.rulebook, result) if with_plan else None
    if with_counterfactuals:
        explanations = explain_all(engine, case, result, words)
    else:
        explanations = {o.support: explain_outcome(engine, o, words) for o in result.outcomes}
    blocks = evaluation_blocks(result, words, explanations=explanations, plan=plan)
    if budgets:
        after_table = next(i for i, block in enumerate(blocks) if isinstance(block, Table)) + 1
        blocks[after_table:after_table] = budget_blocks(budgets, words, engine.rulebook)
    if fmt == "markdown":
        click.echo(to_markdown(blocks), nl=False)
    elif fmt == "html":
        click.echo(to_html(blocks, f"tolka — {result.jurisdiction.name} {result.evaluation_date}", words), nl=False)
    else:
        click.echo(to_terminal(blocks), nl=False)
