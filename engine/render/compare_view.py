"""`tolka compare` and `POST /api/compare`: the comparison, the counterpart view, and why two
jurisdictions differ — as blocks, rows and contract data."""

from __future__ import annotations

from tolka.compare import Comparison, CounterpartRow, Difference, ExplainedComparison
from tolka.model import contract as C
from tolka.render.amounts_view import amount_text
from tolka.render.labels import CATEGORY, LEGAL_STATUS, STATUS, WORDS, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table
from tolka.render.resolved import listed_ids, reading_pair, reading_value
from tolka.rulebook import Rulebook


def comparison_blocks(rulebook: Rulebook, comparison: Comparison, language: str) -> list[Block]:
    names = {s.id: s.name.get(language) for s in rulebook.supports.values()}
    blocks: list[Block] = [
        Heading(2, f"{len(comparison.jurisdictions)} jurisdictions compared"),
        Paragraph(
            f"{word(WORDS, 'date', language).capitalize()}: {comparison.evaluation_date} · "
            f"{word(WORDS, 'fingerprint', language)}: {comparison.rulebook_fingerprint}"
        ),
    ]
    if len(comparison.jurisdictions) <= 6:
        table = Table([word(WORDS, "support", language)] + comparison.jurisdictions)
        amounts = _amounts(rulebook, comparison, language)
        for support in comparison.supports:
            cells = {}
            for group in support.groups:
                for jurisdiction_id in group.jurisdictions:
                    cells[jurisdiction_id] = word(STATUS, group.status, language)
                    amount = amounts.get((jurisdiction_id, support.support))
                    if amount:
                        cells[jurisdiction_id] += f": {amount}"
            mark = " ≠" if support.differs else ""
            table.rows.append([names[support.support] + mark] + [cells.get(j, "") for j in comparison.jurisdictions])
        blocks.append(table)
    same = [s for s in comparison.supports if not s.differs]
    if same:
        blocks.append(
            Paragraph(
                "Same answer everywhere: "
                + "; ".join(f"{names[s.support]} — {word(STATUS, s.groups[0].status, language)}" for s in same)
            )
        )
    for support in comparison.supports:
        if not support.differs:
            continue
        blocks.append(Heading(3, f"{names[support.support]} — differs"))
        blocks.append(
            Bullets(
                [
                    f"{word(STATUS, g.status, language)}; {g.route or '—'}; "
                    f"{word(LEGAL_STATUS, g.legal_status, language)} — "
                    f"{len(g.jurisdictions)}: {listed_ids(g.jurisdictions)}"
                    for g in support.groups
                ]
            )
        )
        if support.points:
            blocks.append(Paragraph("Readings that differ between them:"))
            blocks.append(
                Bullets(
                    [
                        f"{p.point}: " + "; ".join(f"{value} in {listed_ids(ids)}" for value, ids in p.values.items())
                        for p in support.points
                    ]
                )
            )
        else:
            blocks.append(
                Paragraph("No reading differs: local rules or the jurisdictions' scope explain the difference.")
            )
    return blocks


def _amounts(rulebook: Rulebook, comparison: Comparison, language: str) -> dict[tuple[str, str], str]:
    """(jurisdiction, support) → the amount as text, where the rulebook calculates one (docs/amounts.md).

    Amounts can differ where the answers agree (a reading that sets an amount), so they are read
    from each jurisdiction's full evaluation — built only when the rulebook has calculations.
    """
    if not rulebook.amounts:
        return {}
    return {
        (evaluation.jurisdiction.id, outcome.support): amount_text(outcome.amount, language)
        for evaluation in comparison.evaluations
        for outcome in evaluation.outcomes
        if outcome.amount is not None
    }


def comparison_rows(comparison: Comparison) -> list[dict]:
    """One row per jurisdiction × support (for CSV and spreadsheets)."""
    rows = []
    for evaluation in comparison.evaluations:
        for outcome in evaluation.outcomes:
            rows.append(
                {
                    "jurisdiction": evaluation.jurisdiction.id,
                    "jurisdiction_name": evaluation.jurisdiction.name,
                    "example": evaluation.jurisdiction.example,
                    "support": outcome.support,
                    "status": outcome.status,
                    "route": outcome.route.id if outcome.route else "",
                    "legal_status": outcome.legal_status or "",
                    "missing": " ".join(outcome.missing_facts + [f"reading({p})" for p in outcome.missing_readings]),
                    "unverified": outcome.unverified,
                    "evaluation_date": evaluation.evaluation_date,
                    "rulebook_fingerprint": evaluation.rulebook_fingerprint,
                }
            )
    return rows


def _supports_compared(comparison: Comparison) -> list[C.SupportComparisonOut]:
    return [
        C.SupportComparisonOut(
            support=s.support,
            differs=s.differs,
            groups=[
                C.AnswerGroupOut(
                    status=g.status, route=g.route, legal_status=g.legal_status, jurisdictions=g.jurisdictions
                )
                for g in s.groups
            ],
            points=[C.PointValuesOut(point=p.point, values=p.values) for p in s.points],
        )
        for s in comparison.supports
    ]


def counterpart_blocks(
    rulebook: Rulebook, jurisdictions: list[str], rows, language: str, evaluations=()
) -> list[Block]:
    """Supports of different countries side by side, by category and counterpart, and what each
    country still needs to know (facts only one country uses are asked only there)."""
    blocks: list[Block] = [Heading(2, word(WORDS, "by_counterpart", language))]
    for place, missing in still_unknown(evaluations).items():
        if missing:
            questions = [rulebook.facts[name].question.get(language) for name in missing]
            blocks += [Paragraph(f"{word(WORDS, 'missing', language)} — {place}:"), Bullets(questions)]
    for category in ("vocational", "educational", "financial"):
        table = Table([word(WORDS, "support", language)] + jurisdictions)
        for row in (r for r in rows if r.category == category):
            cells = []
            for jurisdiction_id in jurisdictions:
                outcomes = row.outcomes.get(jurisdiction_id, [])
                cells.append(
                    "; ".join(
                        f"{rulebook.supports[o.support].name.get(language)}: {word(STATUS, o.status, language)}"
                        for o in outcomes
                    )
                    or "—"
                )
            first = next(iter(row.outcomes.values()))[0]
            table.rows.append([f"{rulebook.supports[first.support].name.get(language)} ({first.support})"] + cells)
        if table.rows:
            blocks += [Heading(3, word(CATEGORY, category, language)), table]
    return blocks


def still_unknown(evaluations) -> dict[str, list[str]]:
    """Per jurisdiction, the facts its answers still wait for: a fact only one country's rules read
    is asked only there."""
    return {
        e.jurisdiction.id: list(dict.fromkeys(name for o in e.outcomes for name in o.missing_facts))
        for e in evaluations
    }


def counterpart_data(jurisdictions: list[str], rows: list[CounterpartRow]) -> list[C.CounterpartRowOut]:
    return [
        C.CounterpartRowOut(
            category=row.category,
            outcomes={
                j: [
                    C.CounterpartOutcomeOut(
                        support=o.support,
                        status=o.status,
                        route=o.route.id if o.route else None,
                        legal_status=o.legal_status,
                    )
                    for o in row.outcomes.get(j, [])
                ]
                for j in jurisdictions
            },
        )
        for row in rows
    ]


def explained_comparison_blocks(rulebook: Rulebook, explained: ExplainedComparison, language: str) -> list[Block]:
    """`tolka compare` as text: the comparison, or the counterpart view, and why two differ."""
    comparison = explained.comparison
    if explained.counterparts is not None:
        return counterpart_blocks(
            rulebook, comparison.jurisdictions, explained.counterparts, language, comparison.evaluations
        )
    blocks = comparison_blocks(rulebook, comparison, language)
    if explained.difference is not None:
        blocks += difference_blocks(rulebook, explained.difference, language)
    return blocks


def explained_comparison_data(explained: ExplainedComparison) -> C.ComparisonOut:
    """`tolka compare --format json` and `POST /api/compare`."""
    comparison = explained.comparison
    counterparts = explained.counterparts
    return C.ComparisonOut(
        rulebook_fingerprint=comparison.rulebook_fingerprint,
        evaluation_date=comparison.evaluation_date,
        jurisdictions=comparison.jurisdictions,
        supports=_supports_compared(comparison),
        counterparts=None if counterparts is None else counterpart_data(comparison.jurisdictions, counterparts),
        still_unknown=None if counterparts is None else still_unknown(comparison.evaluations),
        why=None if explained.difference is None else difference_data(explained.difference),
    )


# --- why two jurisdictions differ ------------------------------------------------------------


def difference_blocks(rulebook: Rulebook, difference: Difference, language: str) -> list[Block]:
    names = {s.id: s.name.get(language) for s in rulebook.supports.values()}
    blocks: list[Block] = [
        Heading(2, f"Why {difference.first} and {difference.second} answer differently ({difference.evaluation_date})")
    ]
    if not difference.differing:
        return blocks + [Paragraph("They give the same answer on every support.")]
    blocks.append(
        Bullets(
            [
                f"{names[a.support]}: {word(STATUS, a.status, language)} in {difference.first}, "
                f"{word(STATUS, b.status, language)} in {difference.second}"
                for a, b in difference.differing
            ]
        )
    )
    if difference.readings:
        lead = "Explained by" if difference.explained_by_readings else "Partly explained by"
        blocks.append(Paragraph(f"{lead} this minimal set of differing readings:"))
        blocks.append(
            Bullets(
                [
                    f"{pair.point}: {difference.first} → {reading_value(rulebook, pair.first, language)}; "
                    f"{difference.second} → {reading_value(rulebook, pair.second, language)}"
                    for pair in difference.readings
                ]
            )
        )
    if not difference.explained_by_readings and difference.local_rules:
        blocks.append(Paragraph("Local rules also differ: " + ", ".join(difference.local_rules)))
    return blocks


def difference_data(difference: Difference) -> C.DifferenceOut:
    return C.DifferenceOut(
        first=difference.first,
        second=difference.second,
        evaluation_date=difference.evaluation_date,
        differing=[
            C.DifferingSupportOut(support=a.support, in_first=a.status, in_second=b.status)
            for a, b in difference.differing
        ],
        explained_by_readings=difference.explained_by_readings,
        readings=[reading_pair(p.point, p.first, p.second) for p in difference.readings],
        local_rules=difference.local_rules,
    )
