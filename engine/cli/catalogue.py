"""Listing commands: `tolka facts` and `tolka supports`."""

from __future__ import annotations

import click

from tolka.cli.app import State, cli, lang_option, language
from tolka.i18n import translator
from tolka.render import rulebook_view
from tolka.render.draw import to_terminal
from tolka.render.json_out import to_json
from tolka.render.labels import CATEGORY, COUNTRY, FACT_TYPE, as_language, fact_unit_text, word
from tolka.render.report import Table

format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


@cli.command()
@format_option
@lang_option
@click.pass_obj
def facts(state: State, fmt: str, lang: str | None) -> None:
    """The fact vocabulary: name, type, allowed values, unit and the question to ask."""
    vocabulary = list(state.rulebook.facts.values())
    if fmt == "json":
        click.echo(to_json(rulebook_view.facts_data(state.rulebook)), nl=False)
        return
    words = language(lang)
    _ = translator(as_language(words))
    table = Table([_("Fact (in a case file)"), _("Type"), _("Values / unit"), _("Countries"), _("Question")])
    for fact in vocabulary:
        # The values as a case file writes them (ids); the unit and the type in words.
        values = (
            ", ".join(map(str, fact.value_ids)) if fact.values else (fact_unit_text(fact, words) or fact.pattern or "")
        )
        kind = word(FACT_TYPE, fact.type, words)
        table.rows.append([fact.name, kind, values, ", ".join(fact.countries), fact.question.get(words)])
    click.echo(to_terminal([table], width=160), nl=False)


@cli.command()
@click.option("--country", type=click.Choice(["SE", "NO"]), default=None, help="Only this country's supports.")
@click.option("--category", type=click.Choice(["vocational", "educational", "financial"]), default=None)
@format_option
@lang_option
@click.pass_obj
def supports(state: State, country: str | None, category: str | None, fmt: str, lang: str | None) -> None:
    """The support catalogue: id, name, category and who provides it."""
    rulebook = state.rulebook
    chosen = rulebook_view.chosen_supports(rulebook, country, category)
    if fmt == "json":
        click.echo(to_json(rulebook_view.supports_data(rulebook, chosen)), nl=False)
        return
    words = language(lang)
    _ = translator(as_language(words))
    table = Table([_("Support"), _("Id (for --support)"), _("Category"), _("Country"), _("Provided by")])
    for support in chosen:
        providers = ", ".join(rulebook.bodies[p].name.get(words) for p in support.providers)
        mark = "" if support.verified else " ⚠"
        table.rows.append(
            [
                support.name.get(words) + mark,
                support.id,
                word(CATEGORY, support.category, words),
                word(COUNTRY, support.country, words),
                providers,
            ]
        )
    click.echo(to_terminal([table], width=160), nl=False)
