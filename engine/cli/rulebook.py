"""Rulebook commands for legal review: `rules` and `diff`."""

from __future__ import annotations

import click

from tolka.cli.app import (
    ISO_DATE,
    State,
    cli,
    date_option,
    emit,
    evaluation_day,
    jurisdiction_list,
    lang_option,
    language,
)
from tolka.diff import date_diff, jurisdiction_diff
from tolka.i18n import translator
from tolka.limits import limits_blocks, limits_data
from tolka.model import contract as C
from tolka.render import diff_view, rulebook_view
from tolka.render.labels import as_language
from tolka.suggest import known


@cli.command()
@click.option("--support", help="Only the rules of this support.")
@click.option("--rule", "rule_id", help="Only this rule (its id, e.g. se.ips.needs_assessed).")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "text"]), default="markdown", show_default=True)
@lang_option
@click.pass_obj
def rules(state: State, support: str | None, rule_id: str | None, fmt: str, lang: str | None) -> None:
    """Every rule with its condition as written, conclusion, citations and validity.

    `--support` and `--rule` filter every format; an unknown id is refused with the nearest ones.
    """
    rulebook, words = state.rulebook, language(lang)
    if support is not None:
        known("support", support, rulebook.supports, "tolka supports", words)
    if rule_id is not None:
        known("rule", rule_id, {e.rule.id for e in rulebook.rules}, "tolka rules --format json", words)
    entries = [
        e
        for e in rulebook.rules
        if (support is None or e.rule.support == support) and (rule_id is None or e.rule.id == rule_id)
    ]
    emit(
        fmt,
        blocks=rulebook_view.rules_markdown(rulebook, entries, words),
        data=rulebook_view.rules_data(rulebook, entries),
    )


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
@click.pass_obj
def limits(state: State, fmt: str, lang: str | None) -> None:
    """Every age and date limit: support, rule, provision, the law's wording and the condition (docs/limits.md)."""
    rulebook = state.rulebook
    emit(fmt, blocks=limits_blocks(rulebook, language(lang)), data=limits_data(rulebook))


@cli.command()
@click.option("--from", "first", type=ISO_DATE, help="First date (with --to): what changes between two dates.")
@click.option("--to", "second", type=ISO_DATE, help="Second date.")
@click.option("--jurisdictions", "-J", "pair", help="Two ids A,B: a structural diff of their readings and local rules.")
@date_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
@click.pass_obj
def diff(state: State, first, second, pair, day, fmt, lang) -> None:
    """What changed between two dates, or how two jurisdictions' rule sets differ."""
    rulebook, words = state.rulebook, language(lang)
    _ = translator(as_language(words))
    if pair:
        ids = jurisdiction_list(rulebook, pair, lang=words)
        if len(ids) != 2 or pair.strip().lower() == "all":
            raise click.UsageError(_("--jurisdictions takes exactly two ids, e.g. SE-EX-A,SE-EX-B"))
        result = jurisdiction_diff(rulebook, ids[0], ids[1], evaluation_day(day))
        emit(
            fmt,
            blocks=diff_view.jurisdiction_diff_blocks(rulebook, result, words),
            data=diff_view.jurisdiction_diff_data(result),
        )
        return
    if not (first and second):
        raise click.UsageError(_("give --from and --to (two dates), or --jurisdictions A,B"))
    a, b = first, second
    changes = date_diff(rulebook, a, b)
    data = C.DateDiffOut(
        from_date=a.isoformat(),
        to_date=b.isoformat(),
        rulebook_fingerprint=rulebook.fingerprint,
        changes=[
            C.ChangeOut(kind=c.kind, subject=c.subject, change=c.change, before=c.before, after=c.after)
            for c in changes
        ],
    )
    emit(fmt, blocks=diff_view.date_diff_blocks(rulebook, changes, a.isoformat(), b.isoformat(), words), data=data)
