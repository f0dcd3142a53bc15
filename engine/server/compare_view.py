"""The compare view: the page's person in several jurisdictions side by side, and why they differ.

Within one country each support is a row and each jurisdiction a column; for two jurisdictions the
view names the *minimal* set of differing readings that explains every differing outcome
(`compare.why_different`), for more the readings that differ per differing support. Across
countries (Sweden ↔ Norway) the supports are lined up by counterpart (`compare.counterpart_rows`),
and what each country still needs to know is listed — in words, never ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tolka.compare import ExplainedComparison, compare_explained
from tolka.evaluate import Engine
from tolka.i18n import translator
from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.model.common import Language
from tolka.model.outcome import Outcome
from tolka.render.amounts_view import amount_text
from tolka.render.labels import BASIS, PAGE, STATUS, word
from tolka.rulebook import Rulebook
from tolka.server.errors import InputError
from tolka.server.view import PageInput, checked_input, jurisdiction_groups, page_jurisdiction

MAX_COMPARED = 4  # the page's jurisdiction and up to three more: columns stay readable on a phone
PICKERS = 3


@dataclass
class Cell:
    """One jurisdiction's answer on a row: the supports' names (across countries), statuses and amounts."""

    outcomes: list[tuple[str, str, str, str]]  # support name, status id, status in words, amount ("" if none)


@dataclass
class Row:
    name: str
    category: str
    cells: list[Cell]
    differs: bool
    readings: list[tuple[str, list[str]]] = field(default_factory=list)  # point question, value per column


@dataclass
class CompareView:
    """Everything compare.html draws."""

    lang: Language
    state: PageInput
    others: list[str]
    jurisdiction_groups: list[tuple[str, list[tuple[str, str]]]]
    columns: list[tuple[str, str]]  # id, name
    rows: list[Row]
    across_countries: bool
    minimal: list[tuple[str, str, str]]  # point question, first's reading, second's reading (two columns)
    explained_by_readings: bool
    still_unknown: list[tuple[str, list[str]]]  # jurisdiction name, questions
    errors: list[tuple[str, str]]  # field, message
    version: str
    fingerprint: str

    def t(self, key: str, **values: Any) -> str:
        """A page word in the page's language."""
        return word(PAGE, key, self.lang).format(**values)

    def link(self, **changes: str | None) -> str:
        """The main page of this case (with `changes`)."""
        return "/?" + self.state.query(**changes)

    switch_action = "/compare"  # where the language switch sends the form

    def picked(self, index: int) -> str:
        return self.others[index] if index < len(self.others) else ""


def reading_text(rulebook: Rulebook, reading: ResolvedReading | None, lang: Language) -> str:
    """A reading's value in words, with where it comes from (local, inherited, national default)."""
    _ = translator(lang, "web")
    if reading is None or reading.value is None:
        return _("no reading")
    if isinstance(reading.value, bool):
        value = word(PAGE, "yes" if reading.value else "no", lang)
    else:
        value = rulebook.points[reading.point].label(reading.value, lang)
    return f"{value} ({word(BASIS, reading.basis, lang)})"


def _cell(outcomes: list[Outcome], lang: Language) -> Cell:
    shown: list[tuple[str, str, str, str]] = []
    for o in outcomes:
        amount = amount_text(o.amount, lang, brief=True) if o.amount else ""
        shown.append((o.name.get(lang), o.status, word(STATUS, o.status, lang), amount))
    return Cell(shown)


def _differs(cells: list[Cell]) -> bool:
    """Whether the amounts differ between columns (a reading can set an amount where the answers agree)."""
    return len({tuple(amount for *_o, amount in cell.outcomes) for cell in cells if cell.outcomes}) > 1


def _rows(engine: Engine, explained: ExplainedComparison, places: list[str], day: dt.date, lang: Language) -> list[Row]:
    rulebook = engine.rulebook
    evaluations = explained.comparison.evaluations
    if explained.counterparts is not None:
        rows = []
        for line in explained.counterparts:
            first = next(iter(line.outcomes.values()))[0]
            cells = [_cell(line.outcomes.get(place, []), lang) for place in places]
            statuses = {cell.outcomes[0][1] for cell in cells if cell.outcomes}
            # amounts in two currencies and by two laws are not set side by side as a difference
            rows.append(Row(first.name.get(lang), line.category, cells, len(statuses) > 1))
        return rows
    outcome_of = {(e.jurisdiction.id, o.support): o for e in evaluations for o in e.outcomes}
    resolved = {place: resolve_readings(rulebook, place, day) for place in places}
    rows = []
    for compared in explained.comparison.supports:
        support = rulebook.supports[compared.support]
        cells = [_cell([o] if (o := outcome_of.get((p, compared.support))) else [], lang) for p in places]
        row = Row(support.name.get(lang), support.category, cells, compared.differs or _differs(cells))
        if explained.difference is None:  # more than two: the readings that differ, per differing support
            row.readings = [
                (
                    rulebook.points[d.point].question.get(lang),
                    [reading_text(rulebook, resolved[p].get(d.point), lang) for p in places],
                )
                for d in compared.points
            ]
        rows.append(row)
    return rows


def build_comparison(engine: Engine, state: PageInput, others: list[str]) -> CompareView:
    """The page's case in its own jurisdiction and `others` (checked ids), side by side."""
    rulebook, lang = engine.rulebook, state.lang
    case, place, fact_errors, _warnings = checked_input(rulebook, state)
    errors = [(key, error.message) for key, error in fact_errors.items()]
    places = [place]
    for index, other in enumerate(others[: MAX_COMPARED - 1]):
        try:
            checked = page_jurisdiction(rulebook, other, lang, f"with.{index}")
        except InputError as error:
            errors.append((f"with-{index}", error.message))
            continue
        if checked not in places:
            places.append(checked)
    explained = compare_explained(engine, case, places, state.day)
    evaluations = explained.comparison.evaluations
    names = {e.jurisdiction.id: e.jurisdiction.name for e in evaluations}
    minimal: list[tuple[str, str, str]] = []
    explained_by_readings = True
    if explained.difference is not None:
        explained_by_readings = explained.difference.explained_by_readings
        minimal = [
            (
                rulebook.points[pair.point].question.get(lang),
                reading_text(rulebook, pair.first, lang),
                reading_text(rulebook, pair.second, lang),
            )
            for pair in explained.difference.readings
        ]
    still_unknown = []
    if explained.counterparts is not None:
        for evaluation in evaluations:
            missing = dict.fromkeys(n for o in evaluation.outcomes for n in o.missing_facts if n not in state.unknown)
            questions = [rulebook.facts[n].question.get(lang) for n in missing]
            still_unknown.append((evaluation.jurisdiction.name, questions))
    return CompareView(
        lang=lang,
        state=state,
        others=[p for p in places[1:]],
        jurisdiction_groups=jurisdiction_groups(engine, lang),
        columns=[(p, names[p]) for p in places],
        rows=_rows(engine, explained, places, state.day, lang),
        across_countries=explained.counterparts is not None,
        minimal=minimal,
        explained_by_readings=explained_by_readings,
        still_unknown=still_unknown,
        errors=errors,
        version=evaluations[0].tolka_version,
        fingerprint=rulebook.fingerprint,
    )
