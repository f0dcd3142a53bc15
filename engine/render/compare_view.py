"""`tolka compare` and `POST /api/compare`: the comparison, the counterpart view, and why two
jurisdictions differ — as blocks, rows and contract data."""

from __future__ import annotations

from collections.abc import Sequence

from tolka.compare import AnswerGroup, Comparison, CounterpartRow, Difference, ExplainedComparison, SupportComparison
from tolka.i18n import N_
from tolka.model import contract as C
from tolka.model import outcome as O
from tolka.render.amounts_view import amount_text
from tolka.render.labels import BASIS, CATEGORY, LEGAL_STATUS, STATUS, WORDS, sentence, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table
from tolka.render.resolved import listed_ids, reading_pair, reading_value
from tolka.rulebook import Rulebook

PHRASES = {
    "compared": N_("{n} jurisdictions compared"),
    "same_everywhere": N_("The same answer everywhere:"),
    "differs": N_("{support}: the answers differ"),
    "differing_readings": N_("Readings that differ between them:"),
    "no_reading_differs": N_("No reading differs: local rules or the jurisdictions' scope explain the difference."),
    "value_in": N_("{value} in {places}"),
    "why_title": N_("Why {first} and {second} answer differently ({day})"),
    "same_answers": N_("They give the same answer on every support."),
    "two_answers": N_("{support}: {first_status} in {first}, {second_status} in {second}"),
    "explained": N_("Explained by this minimal set of differing readings:"),
    "partly_explained": N_("Partly explained by this minimal set of differing readings:"),
    "local_rules_differ": N_("Local rules also differ: {rules}"),
}


def _names(rulebook: Rulebook, ids: list[str]) -> str:
    """Jurisdictions by name, the first few of a long list and how many more."""
    return listed_ids([rulebook.jurisdictions[j].name if j in rulebook.jurisdictions else j for j in ids])


def _route_name(group: AnswerGroup, language: str) -> str:
    route = group.outcome.route
    return "—" if route is None else route.name.get(language)


def _point_value(rulebook: Rulebook, point: str, value: str, language: str) -> str:
    """A reading value given as text (as `PointDifference` keeps it) by its label."""
    for candidate in rulebook.points[point].values:
        if str(candidate.id) == value:
            return candidate.label.get(language)
    return word(BASIS, "no_national_position", language) if value in ("None", "—", "") else value


def comparison_blocks(rulebook: Rulebook, comparison: Comparison, language: str) -> list[Block]:
    """The comparison as text: a table of statuses (up to six jurisdictions), then per support that
    differs which jurisdictions answer what, by which route, and the readings behind it."""
    names = {s.id: s.name.get(language) for s in rulebook.supports.values()}
    places = {j: rulebook.jurisdictions[j].name for j in comparison.jurisdictions}
    blocks: list[Block] = [
        Heading(2, sentence(PHRASES, "compared", language, n=len(comparison.jurisdictions))),
        Paragraph(
            f"{word(WORDS, 'date', language).capitalize()}: {comparison.evaluation_date} · "
            f"{word(WORDS, 'fingerprint', language)}: {comparison.rulebook_fingerprint}"
        ),
    ]
    if len(comparison.jurisdictions) <= 6:
        table = Table([word(WORDS, "support", language)] + [places[j] for j in comparison.jurisdictions])
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
        blocks.append(Paragraph(sentence(PHRASES, "same_everywhere", language)))
        blocks.append(Bullets([f"{names[s.support]}: {word(STATUS, s.groups[0].status, language)}" for s in same]))
    for support in comparison.supports:
        if not support.differs:
            continue
        blocks.append(Heading(3, sentence(PHRASES, "differs", language, support=names[support.support])))
        blocks.append(
            Bullets(
                [
                    f"{word(STATUS, g.status, language)}; {_route_name(g, language)}; "
                    f"{word(LEGAL_STATUS, g.legal_status, language)}: {_names(rulebook, g.jurisdictions)}"
                    for g in support.groups
                ]
            )
        )
        if support.points:
            blocks.append(Paragraph(sentence(PHRASES, "differing_readings", language)))
            lines = []
            for p in support.points:
                values = "; ".join(
                    sentence(
                        PHRASES,
                        "value_in",
                        language,
                        value=_point_value(rulebook, p.point, v, language),
                        places=_names(rulebook, ids),
                    )
                    for v, ids in p.values.items()
                )
                lines.append(f"{rulebook.points[p.point].question.get(language)} {values}")
            blocks.append(Bullets(lines))
        else:
            blocks.append(Paragraph(sentence(PHRASES, "no_reading_differs", language)))
    return blocks


def _amounts(rulebook: Rulebook, comparison: Comparison, language: str) -> dict[tuple[str, str], str]:
    """(jurisdiction, support) → the amount as text, where the rulebook calculates one (docs/amounts.md).

    Amounts can differ where the answers agree (a reading that sets an amount), so they are read
    per jurisdiction (`Comparison.amounts`) — only when the rulebook has calculations.
    """
    if not rulebook.amounts:
        return {}
    return {key: amount_text(amount, language, brief=True) for key, amount in comparison.amounts.items()}


def compared_amount(amount: O.Amount) -> C.ComparedAmountOut:
    """An amount without its calculation, as compare's JSON gives it."""
    return C.ComparedAmountOut(**amount.model_dump(include=set(C.ComparedAmountOut.model_fields)))


def _amount_groups(comparison: Comparison, support: SupportComparison) -> list[C.AmountGroupOut]:
    """The jurisdictions grouped by the support's amount, the largest group first (as answer groups)."""
    groups: dict[str, tuple[C.ComparedAmountOut, list[str]]] = {}
    for group in support.groups:
        for jurisdiction_id in group.jurisdictions:
            amount = comparison.amounts.get((jurisdiction_id, support.support))
            if amount is not None:
                shown = compared_amount(amount)
                groups.setdefault(shown.model_dump_json(), (shown, []))[1].append(jurisdiction_id)
    ordered = sorted(groups.values(), key=lambda item: (-len(item[1]), item[1][0]))
    return [C.AmountGroupOut(**shown.model_dump(), jurisdictions=members) for shown, members in ordered]


def _missing_ids(facts: Sequence[str], readings: Sequence[str], parameters: Sequence[str] = ()) -> str:
    """What an answer waits for, as a CSV cell: fact names, `reading(point)`, `param(parameter)`."""
    return " ".join([*facts, *(f"reading({p})" for p in readings), *(f"param({p})" for p in parameters)])


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
                    "missing": _missing_ids(outcome.missing_facts, outcome.missing_readings),
                    "unverified": outcome.unverified,
                    "evaluation_date": evaluation.evaluation_date,
                    "rulebook_fingerprint": evaluation.rulebook_fingerprint,
                    **_amount_columns(outcome.amount),
                }
            )
    return rows


def _amount_columns(amount: O.Amount | None) -> dict[str, str | bool]:
    """The amount's CSV columns (docs/amounts.md); empty for an outcome without a calculation."""
    if amount is None:
        return dict.fromkeys(AMOUNT_COLUMNS, "")
    return {
        "amount_value": amount.value or "",
        "amount_low": amount.low or "",
        "amount_high": amount.high or "",
        "amount_unit": amount.unit,
        "amount_period": amount.period,
        "amount_from_date": amount.from_date or "",
        "amount_missing": _missing_ids(amount.missing_facts, amount.missing_readings, amount.missing_parameters),
        "amount_verified": amount.verified,
    }


AMOUNT_COLUMNS = (
    "amount_value",
    "amount_low",
    "amount_high",
    "amount_unit",
    "amount_period",
    "amount_from_date",
    "amount_missing",
    "amount_verified",
)


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
            amounts=_amount_groups(comparison, s),
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
            name = rulebook.jurisdictions[place].name
            blocks += [Paragraph(f"{word(WORDS, 'missing', language)} — {name}:"), Bullets(questions)]
    for category in ("vocational", "educational", "financial"):
        table = Table([word(WORDS, "support", language)] + [rulebook.jurisdictions[j].name for j in jurisdictions])
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
            table.rows.append([rulebook.supports[first.support].name.get(language)] + cells)
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
                        amount=None if o.amount is None else compared_amount(o.amount),
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
    """Why two jurisdictions answer differently: the supports, then the fewest readings that explain it."""
    names = {s.id: s.name.get(language) for s in rulebook.supports.values()}
    first, second = (rulebook.jurisdictions[j].name for j in (difference.first, difference.second))
    blocks: list[Block] = [
        Heading(2, sentence(PHRASES, "why_title", language, first=first, second=second, day=difference.evaluation_date))
    ]
    if not difference.differing:
        return blocks + [Paragraph(sentence(PHRASES, "same_answers", language))]
    blocks.append(
        Bullets(
            [
                sentence(
                    PHRASES,
                    "two_answers",
                    language,
                    support=names[a.support],
                    first_status=word(STATUS, a.status, language),
                    first=first,
                    second_status=word(STATUS, b.status, language),
                    second=second,
                )
                for a, b in difference.differing
            ]
        )
    )
    if difference.readings:
        lead = "explained" if difference.explained_by_readings else "partly_explained"
        blocks.append(Paragraph(sentence(PHRASES, lead, language)))
        blocks.append(
            Bullets(
                [
                    f"{rulebook.points[pair.point].question.get(language)} {first} → "
                    f"{reading_value(rulebook, pair.first, language)}; "
                    f"{second} → {reading_value(rulebook, pair.second, language)}"
                    for pair in difference.readings
                ]
            )
        )
    if not difference.explained_by_readings and difference.local_rules:
        blocks.append(
            Paragraph(sentence(PHRASES, "local_rules_differ", language, rules=", ".join(difference.local_rules)))
        )
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
