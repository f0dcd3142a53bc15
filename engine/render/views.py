"""Blocks and plain data for the comparison, difference, diff, mandate, matrix and listing views."""

from __future__ import annotations

from tolka.answer import citation
from tolka.brief import Brief, Line
from tolka.compare import Comparison, CounterpartRow, Difference, ExplainedComparison
from tolka.diff import Change, JurisdictionDiff
from tolka.jurisdictions import ResolvedReading
from tolka.mandate import LegalStatusAnswer, MandateView
from tolka.matrix import JurisdictionListing, MatrixRow, cell_text
from tolka.model import contract as C
from tolka.model.catalogue import Support
from tolka.render.labels import BASIS, CATEGORY, LEGAL_STATUS, STATUS, WORDS, fact_value_label, word
from tolka.render.report import Block, Bullets, Heading, Paragraph, Table, citation_text, reading_line
from tolka.rulebook import Rulebook, RuleEntry
from tolka.variants import compress

MAX_LISTED = 12


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f" … (+{len(ids) - MAX_LISTED})" if len(ids) > MAX_LISTED else "")


def _reading_value(rulebook: Rulebook, reading: ResolvedReading | None, language: str) -> str:
    if reading is None:
        return "—"
    point = rulebook.points[reading.point]
    value = point.label(reading.value, language)
    source = ""
    if reading.reading is not None:
        src = reading.reading.source
        when = src.published.isoformat() if src.published else (src.date_note or "")
        source = f"; {src.url or src.document} ({when})"
    flags = ([] if reading.verified else [word(WORDS, "unverified", language)]) + (
        [word(WORDS, "stale", language)] if reading.stale else []
    )
    marks = f" [{'; '.join(flags)}]" if flags else ""
    return f"{value} ({word(BASIS, reading.basis, language)}, {reading.jurisdiction}{source}){marks}"


# --- compare -------------------------------------------------------------------------------------


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
        for support in comparison.supports:
            cells = {}
            for group in support.groups:
                for jurisdiction_id in group.jurisdictions:
                    cells[jurisdiction_id] = word(STATUS, group.status, language)
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
                    f"{len(g.jurisdictions)}: {_ids(g.jurisdictions)}"
                    for g in support.groups
                ]
            )
        )
        if support.points:
            blocks.append(Paragraph("Readings that differ between them:"))
            blocks.append(
                Bullets(
                    [
                        f"{p.point}: " + "; ".join(f"{value} in {_ids(ids)}" for value, ids in p.values.items())
                        for p in support.points
                    ]
                )
            )
        else:
            blocks.append(
                Paragraph("No reading differs: local rules or the jurisdictions' scope explain the difference.")
            )
    return blocks


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
                    f"{pair.point}: {difference.first} → {_reading_value(rulebook, pair.first, language)}; "
                    f"{difference.second} → {_reading_value(rulebook, pair.second, language)}"
                    for pair in difference.readings
                ]
            )
        )
    if not difference.explained_by_readings and difference.local_rules:
        blocks.append(Paragraph("Local rules also differ: " + ", ".join(difference.local_rules)))
    return blocks


def _resolved_data(reading: ResolvedReading | None) -> C.ResolvedReadingOut | None:
    if reading is None:
        return None
    return C.ResolvedReadingOut(
        value=reading.value,
        basis=reading.basis,
        jurisdiction=reading.jurisdiction,
        source=reading.reading.source if reading.reading else None,
        verified=reading.verified,
        stale=reading.stale,
    )


def _pair(point: str, first: ResolvedReading | None, second: ResolvedReading | None) -> C.ReadingPairOut:
    return C.ReadingPairOut(point=point, in_first=_resolved_data(first), in_second=_resolved_data(second))


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
        readings=[_pair(p.point, p.first, p.second) for p in difference.readings],
        local_rules=difference.local_rules,
    )


# --- diffs ---------------------------------------------------------------------------------------


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
        table.rows.append(
            [point, _reading_value(rulebook, first, language), _reading_value(rulebook, second, language)]
        )
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
        readings=[_pair(p, a, b) for p, a, b in diff.readings],
        same=diff.same,
        local_rules={j: [r.rule.id for r in rules] for j, rules in diff.local_rules.items()},
    )


# --- mandate ---------------------------------------------------------------------------------


def _condition_text(rulebook: Rulebook, name: str, allowed, language: str) -> str:
    """`name = a or b` with the values worded for people (yes/no, value labels, reading labels)."""
    or_ = f" {word(WORDS, 'or', language)} "
    if name.startswith("reading(") and name.endswith(")"):
        point = rulebook.points[
            name[len("reading(") : -1]
        ]  # the id keeps the line short; "Readings used" has the question
        return f"{name} = " + or_.join(sorted(point.label(v, language) for v in allowed))
    return f"{name} = " + or_.join(sorted(fact_value_label(rulebook, name, v, language) for v in allowed))


def _legal_status_summary(answer: LegalStatusAnswer, language: str) -> str:
    """`LegalStatusAnswer.summary` in words."""
    values = " / ".join(word(LEGAL_STATUS, v, language) for v in answer.possible_values)
    if answer.legal_status is None and not answer.mandated_by_law_possible:
        values += f" — {word(WORDS, 'never_mandated_by_law', language)}"
    return (
        f"{values} ({word(WORDS, 'depends_on', language)} {', '.join(answer.depends_on)})"
        if answer.depends_on
        else values
    )


def mandate_blocks(rulebook: Rulebook, view: MandateView, language: str) -> list[Block]:
    support = rulebook.supports[view.support]
    here = view.here
    place = rulebook.jurisdictions[here.jurisdiction]
    blocks: list[Block] = [
        Heading(
            2,
            f"{support.name.get(language)} {word(WORDS, 'in_place', language)} {place.name} ({place.id}), "
            f"{view.evaluation_date}",
        ),
    ]
    legal_status = word(WORDS, "legal_status", language)
    if here.legal_status is not None or not here.variants:
        blocks.append(Paragraph(f"{legal_status}: {word(LEGAL_STATUS, here.legal_status, language)}."))
    else:
        blocks.append(Paragraph(f"{legal_status} {word(WORDS, 'depends_on_person', language)}:"))
        lines = []
        for row in compress(here.variants, rulebook):
            conditions = [_condition_text(rulebook, name, allowed, language) for name, allowed in row.conditions]
            when = (
                f"{word(WORDS, 'if', language)} " + f" {word(WORDS, 'and', language)} ".join(conditions)
                if conditions
                else word(WORDS, "in_every_case", language)
            )
            lines.append(f"{when} → {word(LEGAL_STATUS, row.value, language)}")
        blocks.append(Bullets(lines))
    if here.legal_status is None:
        key = "mandated_by_law_possible" if here.mandated_by_law_possible else "never_mandated_by_law"
        blocks.append(Paragraph(f"{word(WORDS, key, language).capitalize()}."))
    basis = []
    for reason in here.outcome.reasons.rules:
        if reason.role in ("decisive", "default", "unknown") and "legal_status" in reason.sets:
            basis.append(
                f"{reason.rule} ({word(LEGAL_STATUS, reason.sets['legal_status'], language)}): "
                + ", ".join(citation_text(c, language) for c in reason.citations)
            )
    if basis:
        blocks += [Paragraph(f"{word(WORDS, 'rests_on', language)}:"), Bullets(basis)]
    readings = [r for r in here.outcome.reasons.readings if r.point in view.points]
    if readings:
        blocks += [
            Paragraph(f"{word(WORDS, 'readings', language)}:"),
            Bullets([reading_line(r, language) for r in readings]),
        ]
    blocks.append(Heading(3, word(WORDS, "others_answer", language)))
    if view.others:
        table = Table([legal_status, word(WORDS, "count", language), word(WORDS, "jurisdictions", language)])
        for summary, ids in sorted(view.others.items(), key=lambda item: -len(item[1])):
            table.rows.append([_legal_status_summary(view.other_answers[summary], language), str(len(ids)), _ids(ids)])
        blocks.append(table)
    else:
        blocks.append(Paragraph(word(WORDS, "no_others", language)))
    blocks.append(Paragraph(word(WORDS, "without_reading", language).format(n=view.without_reading)))
    return blocks


def mandate_data(rulebook: Rulebook, view: MandateView) -> C.MandateOut:
    here = view.here
    table = compress(here.variants, rulebook) if here.variants else []
    return C.MandateOut(
        support=view.support,
        jurisdiction=here.jurisdiction,
        evaluation_date=view.evaluation_date,
        rulebook_fingerprint=view.rulebook_fingerprint,
        legal_status=here.legal_status,
        legal_status_possible=here.resolver_possible,
        mandated_by_law_possible=here.mandated_by_law_possible,
        depends_on=[
            C.LegalStatusRowOut(
                conditions={name: sorted(map(str, allowed)) for name, allowed in row.conditions},
                legal_status=row.value,
            )
            for row in table
        ],
        rests_on=[r for r in here.outcome.reasons.rules if "legal_status" in r.sets and r.role != "not_applicable"],
        readings=[r for r in here.outcome.reasons.readings if r.point in view.points],
        points=view.points,
        others=dict(view.others),
        without_reading=view.without_reading,
    )


# --- readings matrix and jurisdiction list ---------------------------------------------------


def matrix_blocks(columns: list[str], rows: list[MatrixRow]) -> list[Block]:
    table = Table(["jurisdiction", "name"] + columns)
    for row in rows:
        name = row.jurisdiction.name + (" (example)" if row.jurisdiction.example else "")
        table.rows.append([row.jurisdiction.id, name] + [cell_text(row.cells.get(c)) for c in columns])
    legend = Paragraph(
        "* national default (no local reading) · ? unverified · ! contested · ~ source over 5 years old · — no position"
    )
    return [table, legend]


def matrix_rows(columns: list[str], rows: list[MatrixRow]) -> list[dict]:
    out = []
    for row in rows:
        record = {
            "jurisdiction": row.jurisdiction.id,
            "name": row.jurisdiction.name,
            "kind": row.jurisdiction.kind,
            "county": row.jurisdiction.county or "",
            "example": row.jurisdiction.example,
        }
        for column in columns:
            record[column] = cell_text(row.cells.get(column))
        out.append(record)
    return out


def matrix_data(columns: list[str], rows: list[MatrixRow], day: str) -> C.ReadingsOut:
    return C.ReadingsOut(
        evaluation_date=day,
        points=columns,
        jurisdictions=[
            C.MatrixRowOut(
                jurisdiction=row.jurisdiction.id,
                name=row.jurisdiction.name,
                kind=row.jurisdiction.kind,
                example=row.jurisdiction.example,
                readings={c: _resolved_data(row.cells.get(c)) for c in columns},
            )
            for row in rows
        ],
    )


def listing_blocks(listings: list[JurisdictionListing]) -> list[Block]:
    table = Table(["id", "kind", "name", "parent", "county", "readings", "sources"])
    for item in listings:
        j = item.jurisdiction
        table.rows.append(
            [
                j.id,
                j.kind,
                j.name,
                j.parent or "",
                j.county or "",
                str(item.readings),
                _ids(item.sources) if item.sources else "",
            ]
        )
    return [table, Paragraph(f"{len(listings)} jurisdictions")]


def listing_data(listings: list[JurisdictionListing]) -> C.JurisdictionsOut:
    return C.JurisdictionsOut(
        jurisdictions=[
            C.JurisdictionListedOut(**dict(item.jurisdiction), reading_count=item.readings, sources=item.sources)
            for item in listings
        ]
    )


# --- the rulebook for legal review ------------------------------------------------------------


def rule_data(rulebook: Rulebook, entry: RuleEntry) -> C.RuleOut:
    return C.RuleOut(
        id=entry.rule.id,
        key=entry.key,
        support=entry.rule.support,
        scope=entry.scope,
        condition=entry.rule.when,
        default=entry.rule.default,
        then=entry.rule.then.aspects(),
        exception_to=list(entry.rule.exception_to),
        citations=[citation(rulebook, p) for p in entry.rule.cites],
        valid_from=entry.validity.valid_from.isoformat() if entry.validity.valid_from else None,
        valid_to=entry.validity.valid_to.isoformat() if entry.validity.valid_to else None,
        verified=entry.rule.verified,
        explanation=entry.rule.explanation,
        note=entry.rule.note,
        file=str(entry.origin),
    )


def rules_data(rulebook: Rulebook, entries: list[RuleEntry]) -> C.RulesOut:
    """`tolka rules --format json`."""
    return C.RulesOut(rulebook_fingerprint=rulebook.fingerprint, rules=[rule_data(rulebook, e) for e in entries])


def facts_data(rulebook: Rulebook) -> C.FactsOut:
    """`tolka facts --format json` and `GET /api/facts`."""
    return C.FactsOut(rulebook_fingerprint=rulebook.fingerprint, facts=list(rulebook.facts.values()))


def chosen_supports(rulebook: Rulebook, country: str | None, category: str | None) -> list[Support]:
    return [
        s
        for s in rulebook.supports.values()
        if (country is None or s.country == country) and (category is None or s.category == category)
    ]


def supports_data(rulebook: Rulebook, chosen: list[Support]) -> C.SupportsOut:
    """`tolka supports --format json` and `GET /api/supports`."""
    return C.SupportsOut(rulebook_fingerprint=rulebook.fingerprint, supports=chosen)


def rules_markdown(rulebook: Rulebook, language: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, "tolka rulebook"),
        Paragraph(f"{word(WORDS, 'fingerprint', language)}: {rulebook.fingerprint}"),
    ]
    for support in rulebook.supports.values():
        entries = [e for e in rulebook.rules if e.rule.support == support.id]
        blocks.append(Heading(2, f"{support.name.get(language)} ({support.id}, {support.country}, {support.category})"))
        for entry in entries:
            data = rule_data(rulebook, entry)
            lines = [
                f"condition: {'(default)' if entry.rule.default else '`' + (entry.rule.when or '') + '`'}",
                "then: " + ", ".join(f"{k} = {v}" for k, v in data.then.items()),
                "cites: " + "; ".join(c.text + ("" if c.verified else " [unverified]") for c in data.citations),
                f"in force: {entry.validity.period}; scope: {entry.scope}",
            ]
            if entry.rule.exception_to:
                lines.append("exception to: " + ", ".join(entry.rule.exception_to))
            if not entry.rule.verified:
                lines.append("rule marked unverified")
            if entry.rule.explanation:
                lines.append("why: " + entry.rule.explanation.get(language))
            if entry.rule.note:
                lines.append("note: " + entry.rule.note.get(language))
            lines.append(f"file: {entry.origin}")
            blocks += [Heading(3, entry.key), Bullets(lines)]
    return blocks


# --- the IPS team brief --------------------------------------------------------------------------

AGENDA_TITLES = {
    "work": {"en": "Work and studies", "sv": "Arbete och studier", "nb": "Arbeid og utdanning"},
    "treatment": {"en": "Treatment", "sv": "Behandling", "nb": "Behandling"},
    "economy": {"en": "Economy", "sv": "Ekonomi", "nb": "Økonomi"},
    "concerns": {"en": "Open concerns", "sv": "Öppna frågor", "nb": "Uavklarte spørsmål"},
}
ROLE_WORDS = {
    "know": {"en": "Needs to know", "sv": "Behöver veta", "nb": "Trenger å vite"},
    "do": {"en": "Does", "sv": "Gör", "nb": "Gjør"},
    "ask": {"en": "Can help find out", "sv": "Kan hjälpa till att ta reda på", "nb": "Kan hjelpe å finne ut"},
    "title": {"en": "IPS team brief", "sv": "Underlag för IPS-teamet", "nb": "Notat til IPS-teamet"},
}


def _line(line: Line) -> str:
    return f"{line.text} ({'; '.join(line.citations)})" if line.citations else line.text


def brief_blocks(brief: Brief, language: str) -> list[Block]:
    place = brief.evaluation.jurisdiction
    blocks: list[Block] = [
        Heading(
            2, f"{word(ROLE_WORDS, 'title', language)} — {place.name} ({place.id}), {brief.evaluation.evaluation_date}"
        ),
        Paragraph(f"{word(WORDS, 'fingerprint', language)}: {brief.evaluation.rulebook_fingerprint}"),
    ]
    for section, lines in brief.agenda.items():
        if lines:
            blocks += [Heading(3, word(AGENDA_TITLES, section, language)), Bullets([_line(x) for x in lines])]
    for role in brief.roles:
        blocks.append(Heading(3, role.name.get(language)))
        for section, lines in role.know.items():
            blocks += [
                Paragraph(f"{word(ROLE_WORDS, 'know', language)} — {word(AGENDA_TITLES, section, language).lower()}:"),
                Bullets([_line(x) for x in lines]),
            ]
        for section, lines in role.do.items():
            blocks += [
                Paragraph(f"{word(ROLE_WORDS, 'do', language)} — {word(AGENDA_TITLES, section, language).lower()}:"),
                Bullets([_line(x) for x in lines]),
            ]
        if role.ask:
            blocks += [Paragraph(f"{word(ROLE_WORDS, 'ask', language)}:"), Bullets(role.ask)]
    return blocks


def brief_data(brief: Brief) -> C.BriefOut:
    def lines(items: list[Line]) -> list[C.BriefLineOut]:
        return [C.BriefLineOut(text=x.text, citations=x.citations, supports=list(x.supports)) for x in items]

    return C.BriefOut(
        rulebook_fingerprint=brief.evaluation.rulebook_fingerprint,
        evaluation_date=brief.evaluation.evaluation_date,
        jurisdiction=brief.evaluation.jurisdiction.id,
        agenda={section: lines(items) for section, items in brief.agenda.items()},
        roles=[
            C.RoleBriefOut(
                role=r.role,
                name=r.name,
                know={s: lines(x) for s, x in r.know.items()},
                do={s: lines(x) for s, x in r.do.items()},
                ask=r.ask,
            )
            for r in brief.roles
        ],
    )
