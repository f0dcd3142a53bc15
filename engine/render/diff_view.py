"""`tolka diff`: what changes between two dates, and how two jurisdictions' rule sets differ."""

from __future__ import annotations

from tolka.diff import Change, JurisdictionDiff
from tolka.i18n import N_
from tolka.model import contract as C
from tolka.model.catalogue import Route
from tolka.model.interpretation import DefaultReading, Reading
from tolka.model.parameter import ParameterValue
from tolka.render.amounts_view import parameter_value_text
from tolka.render.labels import sentence, word
from tolka.render.matrix_view import place_name
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table
from tolka.render.resolved import point_value_words, reading_pair, reading_value
from tolka.rulebook import Rulebook, RuleEntry

PHRASES = {
    "dates_title": N_("What changes from {first} to {second}"),
    "nothing": N_("Nothing in the rulebook changes between these dates."),
    "kind": N_("What"),
    "subject": N_("Which"),
    "change": N_("How it changes"),
    "before": N_("Before"),
    "after": N_("After"),
    "pair_title": N_("{first} and {second}: how they read the law ({day})"),
    "point": N_("Interpretation point"),
    "all_same": N_("Every interpretation point is read the same way."),
    "same": N_("Read the same way ({n} points):"),
    "local_rules": N_("Local rules in force in {place}:"),
}
KINDS = {
    "law": N_("law"),
    "provision": N_("provision"),
    "rule": N_("rule"),
    "citation": N_("citation"),
    "route": N_("route"),
    "default": N_("national default"),
    "reading": N_("reading"),
    "parameter": N_("parameter"),
}
CHANGES = {
    "entered": N_("enters into force"),
    "ended": N_("ends"),
    "changed": N_("changes"),
}


def _subject(rulebook: Rulebook, change: Change, language: str) -> str:
    """What changes, in words where the rulebook has them (a law's title, a provision's citation, a
    point's question, a route's or parameter's name); rules are named by their id, as in `tolka rules`."""
    if change.kind == "law" and change.subject in rulebook.laws:
        law = rulebook.laws[change.subject]
        title = law.title.get(language)
        return title + (f" ({law.number})" if law.number and law.number.split()[-1] not in title else "")
    if change.kind == "provision":
        return rulebook.citation(change.subject)
    if change.kind == "default" and change.subject in rulebook.points:
        return rulebook.points[change.subject].question.get(language)
    if change.kind == "reading":
        scope, _, point = change.subject.partition(": ")
        if scope in rulebook.jurisdictions and point in rulebook.points:
            return f"{rulebook.jurisdictions[scope].name}: {rulebook.points[point].question.get(language)}"
    if change.kind == "route" and rulebook.routes.get(change.subject):
        return rulebook.routes[change.subject][0].name.get(language)
    if change.kind == "parameter" and change.subject in rulebook.parameters:
        return rulebook.parameters[change.subject].name.get(language)
    return change.subject


def _state(rulebook: Rulebook, change: Change, item: object, stored: str | None, language: str) -> str:
    """What a changing thing was (or becomes), in words: a parameter's value with its unit and period,
    a reading's or default's value by its label, a route by its name; each with its validity."""
    if isinstance(item, ParameterValue) and change.subject in rulebook.parameters:
        parameter = rulebook.parameters[change.subject]
        return f"{parameter_value_text(str(item.value), parameter.unit, parameter.period, language)} [{item.period}]"
    if isinstance(item, (DefaultReading, Reading)):
        point = change.subject.partition(": ")[2] if change.kind == "reading" else change.subject
        if point in rulebook.points:
            return f"{point_value_words(rulebook, point, item.value, language)} [{item.period}]"
    if isinstance(item, Route):
        return f"{item.name.get(language)} [{item.period}]"
    return stored or ""


def date_diff_blocks(rulebook: Rulebook, changes: list[Change], first: str, second: str, language: str) -> list[Block]:
    """`tolka diff --from --to` as text: one row per change, in words."""
    blocks: list[Block] = [Heading(2, sentence(PHRASES, "dates_title", language, first=first, second=second))]
    if not changes:
        return blocks + [Paragraph(sentence(PHRASES, "nothing", language))]
    table = Table([sentence(PHRASES, k, language) for k in ("kind", "subject", "change", "before", "after")])
    for change in changes:
        before = _state(rulebook, change, change.was, change.before, language)
        after = _state(rulebook, change, change.now, change.after, language)
        if change.kind in ("law", "provision"):  # the subject and the change say it all (and in words)
            before = after = ""
        table.rows.append(
            [
                word(KINDS, change.kind, language),
                _subject(rulebook, change, language),
                word(CHANGES, change.change, language),
                before,
                after,
            ]
        )
    return blocks + [table]


def jurisdiction_diff_blocks(rulebook: Rulebook, diff: JurisdictionDiff, language: str) -> list[Block]:
    """`tolka diff -J A,B` as text: the points read differently, then those read alike, then local rules."""
    first, second = (place_name(rulebook.jurisdictions[j]) for j in (diff.first, diff.second))
    blocks: list[Block] = [
        Heading(2, sentence(PHRASES, "pair_title", language, first=first, second=second, day=diff.evaluation_date))
    ]
    table = Table([sentence(PHRASES, "point", language), first, second])
    for point, a, b in diff.readings:
        question = rulebook.points[point].question.get(language)
        table.rows.append([question, reading_value(rulebook, a, language), reading_value(rulebook, b, language)])
    blocks.append(table if table.rows else Paragraph(sentence(PHRASES, "all_same", language)))
    if diff.same:
        blocks.append(Paragraph(sentence(PHRASES, "same", language, n=len(diff.same))))
        blocks.append(Bullets([rulebook.points[p].question.get(language) for p in diff.same]))
    for jurisdiction_id, rules in diff.local_rules.items():
        if rules:
            place = place_name(rulebook.jurisdictions[jurisdiction_id])
            blocks.append(Paragraph(sentence(PHRASES, "local_rules", language, place=place)))
            blocks.append(Bullets([local_rule_text(r, language) for r in rules]))
    return blocks


def local_rule_text(entry: RuleEntry, language: str) -> str:
    """A local rule: its explanation where it has one, else its condition and conclusion as written."""
    rule = entry.rule
    if rule.explanation:
        return f"{rule.explanation.get(language)} ({rule.id})"
    return f"{rule.id}: {rule.when or 'default'} → {rule.then.aspects()}"


def jurisdiction_diff_data(diff: JurisdictionDiff) -> C.JurisdictionDiffOut:
    return C.JurisdictionDiffOut(
        first=diff.first,
        second=diff.second,
        evaluation_date=diff.evaluation_date,
        readings=[reading_pair(p, a, b) for p, a, b in diff.readings],
        same=diff.same,
        local_rules={j: [r.rule.id for r in rules] for j, rules in diff.local_rules.items()},
    )
