"""`tolka diff`: what changes between two dates, and how two jurisdictions' rule sets differ."""

from __future__ import annotations

from tolka.diff import Change, JurisdictionDiff
from tolka.model import contract as C
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table
from tolka.render.resolved import reading_pair, reading_value
from tolka.rulebook import Rulebook


def date_diff_blocks(changes: list[Change], first: str, second: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, f"What changes from {first} to {second}")]
    if not changes:
        return blocks + [Paragraph("Nothing in the rulebook changes between these dates.")]
    table = Table(["kind", "subject", "change", "before", "after"])
    for change in changes:
        table.rows.append([change.kind, change.subject, change.change, change.before or "", change.after or ""])
    return blocks + [table]


def jurisdiction_diff_blocks(rulebook: Rulebook, diff: JurisdictionDiff, language: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, f"{diff.first} vs {diff.second} ({diff.evaluation_date})")]
    table = Table(["point", diff.first, diff.second])
    for point, first, second in diff.readings:
        table.rows.append([point, reading_value(rulebook, first, language), reading_value(rulebook, second, language)])
    blocks.append(table if table.rows else Paragraph("Every interpretation point is read the same way."))
    if diff.same:
        blocks.append(Paragraph("Read the same way: " + ", ".join(diff.same)))
    for jurisdiction_id, rules in diff.local_rules.items():
        if rules:
            blocks.append(Paragraph(f"Local rules in force in {jurisdiction_id}:"))
            blocks.append(
                Bullets([f"{r.rule.id}: {r.rule.when or 'default'} → {r.rule.then.aspects()}" for r in rules])
            )
    return blocks


def jurisdiction_diff_data(diff: JurisdictionDiff) -> C.JurisdictionDiffOut:
    return C.JurisdictionDiffOut(
        first=diff.first,
        second=diff.second,
        evaluation_date=diff.evaluation_date,
        readings=[reading_pair(p, a, b) for p, a, b in diff.readings],
        same=diff.same,
        local_rules={j: [r.rule.id for r in rules] for j, rules in diff.local_rules.items()},
    )
