"""The summary of a population run as one picture (matplotlib, saved to PNG, SVG or PDF).

Top: a heatmap of the share of persons eligible by any route, jurisdiction × support, with the
share written in every cell when the grid is small enough to read. Jurisdictions with identical
rows are drawn once, labelled with the first of them and how many more share the row — 290
municipalities that read the law alike are one row, and the ones that differ stand out.
Below: the interpretation points that cause the most differences between jurisdictions, as
persons affected, each bar labelled with its count and share. When the run computed amounts
(docs/amounts.md), two more panels: per support, the median monthly amount of its eligible persons
in every jurisdiction (one dot each: the spread shows how far readings move it), and what each
reading costs or saves per month against the national default, summed over the jurisdictions.
Axis titles say what is counted, so nothing needs a legend.

Every word of the picture is in the reader's language (`--lang`; the `tolka` catalogue): titles,
axis labels, the colour bar, numbers grouped as the language writes them. Supports are named and
points asked as the rulebook writes them in that language (`Names`); jurisdictions by their names
(an id is added only where two in the run share a name). Without the rulebook the summary's
English support names and the point ids are all there is (`Names()`).
"""

from __future__ import annotations

import csv
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, get_args

import numpy as np
from matplotlib.figure import Figure

from tolka.errors import ResultsFileError, check_writable, os_reason
from tolka.i18n import N_, translator
from tolka.model.jurisdiction import JurisdictionKind
from tolka.population.differences import ANY, OTHER
from tolka.population.summary import read_summary
from tolka.render.amounts_view import CURRENCY, number_text
from tolka.render.labels import as_language, word

if TYPE_CHECKING:
    from tolka.rulebook import Rulebook

FORMATS = (".png", ".svg", ".pdf")
ANNOTATE_ROWS = 60  # cells carry their percentage up to this many rows
KIND_ORDER: tuple[str, ...] = get_args(JurisdictionKind)  # broadest first, as the model lists them
LABEL_WIDTH = 34


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrapped(text: str, width: int = 56, lines: int = 2) -> str:
    """A long question on at most `lines` lines (points are asked in full sentences)."""
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …"))


OTHER_CAUSE = N_("differences no single reading explains")


@dataclass(frozen=True)
class Names:
    """How the picture names supports and points: in `language`, as the rulebook writes them (the
    summary stores ids and English names); without a rulebook, as the summary wrote them."""

    language: str = "en"
    rulebook: Rulebook | None = None

    def support(self, row: dict[str, str]) -> str:
        """The support of a summary row by its name."""
        support = row["support"]
        if self.rulebook is not None and support in self.rulebook.supports:
            return self.rulebook.supports[support].name.get(self.language)
        return row["support_name"] or support

    def point(self, point: str) -> str:
        """The point by its question (the id when the rulebook does not know it)."""
        if point == OTHER:
            return translator(as_language(self.language))(OTHER_CAUSE)
        if self.rulebook is not None and point in self.rulebook.points:
            return self.rulebook.points[point].question.get(self.language)
        return point

    def number(self, value: float, decimals: int = 0) -> str:
        """A number grouped by thousands as the language writes it."""
        return number_text(value, self.language, decimals)


def heatmap_rows(rows: list[dict[str, str]], names: Names | None = None) -> tuple[list[str], list[str], np.ndarray]:
    """(row labels, support labels, shares in %) with identical jurisdictions' rows merged."""
    names = names or Names()
    _ = translator(as_language(names.language))
    eligibility = [r for r in rows if r["section"] == "eligibility"]
    supports = list(dict.fromkeys(r["support"] for r in eligibility))
    support_names = {r["support"]: names.support(r) for r in eligibility}
    places = {r["jurisdiction"]: r["jurisdiction_name"] or r["jurisdiction"] for r in eligibility}
    shared = Counter(places.values())  # two municipalities called Herøy are told apart by their ids
    shares: dict[str, dict[str, float]] = {}
    labels: dict[str, str] = {}
    rank: dict[str, int] = {}
    for r in eligibility:
        shares.setdefault(r["jurisdiction"], {})[r["support"]] = 100 * float(r["share"] or 0)
        name = places[r["jurisdiction"]]
        labels[r["jurisdiction"]] = f"{name} ({r['jurisdiction']})" if shared[name] > 1 else name
        kind = r.get("jurisdiction_kind", "")
        rank[r["jurisdiction"]] = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
    groups: dict[tuple, list[str]] = {}
    for jurisdiction, by_support in shares.items():
        key = tuple(round(by_support.get(s, np.nan), 4) for s in supports)
        groups.setdefault(key, []).append(jurisdiction)
    # A group is named by its broadest member (the country before its municipalities).
    named = [min(members, key=lambda j: (rank[j], members.index(j))) for members in groups.values()]
    row_labels = [
        _.ngettext("{name}  (+{n} alike)", "{name}  (+{n} alike)", len(members) - 1, name=_short(labels[name]))
        if len(members) > 1
        else _short(labels[name])
        for name, members in zip(named, groups.values(), strict=True)
    ]
    matrix = np.array([list(key) for key in groups], dtype=float).reshape(len(groups), len(supports))
    return row_labels, [_short(support_names[s], 42) for s in supports], matrix


def causes(
    rows: list[dict[str, str]], top: int, names: Names | None = None
) -> tuple[list[tuple[str, int, float]], int, int]:
    """(point's question, persons, share) for the `top` points, the persons whose answers differ, and all persons."""
    names = names or Names()
    found = [
        (r["point"], int(r["count"]), float(r["share"] or 0))
        for r in rows
        if r["section"] == "causes" and r["support"] == ANY
    ]
    found.sort(key=lambda item: (-item[1], item[0]))  # by id: the same order in every language
    found = [(names.point(point), count, share) for point, count, share in found]
    differing = next((int(r["count"]) for r in rows if r["section"] == "differences" and r["support"] == ANY), 0)
    persons = int(rows[0]["persons"]) if rows else 0
    return found[:top], differing, persons


def amount_medians(rows: list[dict[str, str]], names: Names | None = None) -> list[tuple[str, list[float], float, str]]:
    """Per support with amounts: (name, each jurisdiction's median per month, total per month, currency)."""
    names = names or Names()
    found: dict[str, tuple[str, list[float], list[float], str]] = {}
    for r in rows:
        if r["section"] != "amounts" or r["amount_median_per_month"] == "":
            continue
        name, medians, totals, _ = found.setdefault(r["support"], (names.support(r), [], [], r["currency"]))
        medians.append(float(r["amount_median_per_month"]))
        totals.append(float(r["amount_total_per_month"]))
    return [(name, medians, sum(totals), currency) for name, medians, totals, currency in found.values()]


def reading_costs(rows: list[dict[str, str]], top: int, names: Names | None = None) -> list[tuple[str, float, str]]:
    """(point · support, cost per month summed over the run's jurisdictions, currency), largest first."""
    names = names or Names()
    found = [
        (r["point"], r, float(r["amount_total_per_month"]), r["currency"])
        for r in rows
        if r["section"] == "amount_causes" and r["jurisdiction"] == ANY and float(r["amount_total_per_month"] or 0)
    ]
    found.sort(key=lambda item: (-abs(item[2]), item[0], item[1]["support"]))
    return [
        (f"{_short(names.point(point), 60)} · {_short(names.support(r), 24)}", cost, currency)
        for point, r, cost, currency in found[:top]
    ]


def _signed(value: float, names: Names) -> str:
    """+1 234 or −1 234 as the language groups it (a true minus sign: the axis and the labels agree)."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + names.number(abs(value))


def _amount_panels(axes: list, medians: list, costs: list, persons: int, names: Names) -> None:
    _ = translator(as_language(names.language))
    median_ax, cost_ax = axes
    for position, (_name, values, total, currency) in enumerate(medians):
        spread = np.linspace(-0.25, 0.25, len(values)) if len(values) > 1 else np.zeros(1)
        median_ax.scatter(values, position + spread, s=8, color="#3b6ea5", alpha=0.6)
        unit = word(CURRENCY, currency, names.language)
        median_ax.text(
            max(values), position, "  " + _("total {amount} {unit}/month", amount=names.number(total), unit=unit),
            va="center", fontsize=7,
        )  # fmt: skip
    median_ax.set_yticks(range(len(medians)), [_short(name, 44) for name, *_rest in medians], fontsize=8)
    median_ax.invert_yaxis()
    median_ax.xaxis.set_major_formatter(lambda value, _position: names.number(value))
    median_ax.set_xlabel(
        _("median amount per month of the eligible persons with an exact amount; one dot per jurisdiction"),
        fontsize=8,
    )
    median_ax.set_title(
        _("Amounts per month among {persons} persons", persons=names.number(persons)), fontsize=9, loc="left"
    )
    if not costs:
        cost_ax.set_axis_off()
        cost_ax.text(0.0, 0.5, _("No reading changes an amount against the national default in this run."), fontsize=9)
        return
    positions = np.arange(len(costs))
    values = [cost for _label, cost, _currency in costs]
    cost_ax.barh(positions, values, color=["#a53b3b" if v > 0 else "#3ba55c" for v in values])
    cost_ax.set_yticks(positions, [_wrapped(label, 60) for label, _cost, _currency in costs], fontsize=7)
    cost_ax.invert_yaxis()
    for row, (_label, cost, currency) in zip(positions, costs, strict=True):
        cost_ax.text(
            cost, row, f" {_signed(cost, names)} {word(CURRENCY, currency, names.language)}", va="center", fontsize=7
        )
    cost_ax.axvline(0, color="black", linewidth=0.5)
    cost_ax.xaxis.set_major_formatter(lambda value, _position: _signed(value, names))
    cost_ax.set_xlabel(
        _("what the jurisdictions' readings cost (+) or save (−) per month against the national default, summed"),
        fontsize=8,
    )
    cost_ax.set_title(_("Readings behind the amounts"), fontsize=9, loc="left")


def summary_figure(rows: list[dict[str, str]], top: int = 15, names: Names | None = None) -> Figure:
    """The picture of a summary's rows (`read_summary`), every word in `names.language`."""
    names = names or Names()
    _ = translator(as_language(names.language))
    row_labels, support_labels, matrix = heatmap_rows(rows, names)
    bars, differing, persons = causes(rows, top, names)
    heat_height = 0.22 * len(row_labels) + 3.2
    bar_height = 0.42 * max(len(bars), 2) + 1.6
    medians, costs = amount_medians(rows, names), reading_costs(rows, top, names)
    heights = [heat_height, bar_height]
    if medians:
        heights += [0.5 * len(medians) + 1.6, 0.42 * max(len(costs), 2) + 1.6]
    fig = Figure(figsize=(max(10.0, 0.42 * len(support_labels) + 5), sum(heights)), layout="constrained")
    axes = fig.subplots(len(heights), 1, height_ratios=heights)
    heat_ax, bar_ax = axes[0], axes[1]
    if medians:
        _amount_panels(list(axes[2:]), medians, costs, int(rows[0]["persons"]), names)
    date, fingerprint = rows[0]["evaluation_date"], rows[0]["rulebook_fingerprint"].split(":")[-1][:12]

    image = heat_ax.imshow(matrix, aspect="auto", cmap="viridis", vmin=0, vmax=100, interpolation="nearest")
    heat_ax.set_xticks(range(len(support_labels)), support_labels, rotation=60, ha="right", fontsize=7)
    heat_ax.set_yticks(range(len(row_labels)), row_labels, fontsize=7 if len(row_labels) <= 80 else 5)
    heat_ax.set_title(
        _(
            "Share of {persons} persons eligible by any route, per jurisdiction and support (evaluated {date}; "
            "rulebook {fingerprint})",
            persons=names.number(persons),
            date=date,
            fingerprint=fingerprint,
        ),
        fontsize=9,
        loc="left",
    )
    if len(row_labels) <= ANNOTATE_ROWS:
        for (i, j), value in np.ndenumerate(matrix):
            if not np.isnan(value):
                heat_ax.text(
                    j, i, f"{value:.0f}", ha="center", va="center", fontsize=6, color="white" if value < 60 else "black"
                )
    fig.colorbar(image, ax=heat_ax, label=_("% of persons eligible (any route)"), shrink=0.8)

    if bars:
        positions = np.arange(len(bars))
        counts = [count for _point, count, _share in bars]
        bar_ax.barh(positions, counts, color="#3b6ea5")
        bar_ax.set_yticks(positions, [_wrapped(point) for point, _count, _share in bars], fontsize=7)
        bar_ax.invert_yaxis()
        for position, (_point, count, share) in zip(positions, bars, strict=True):
            label = _("{count} ({share} %)", count=names.number(count), share=names.number(100 * share, 1))
            bar_ax.text(count, position, " " + label, va="center", fontsize=7)
        bar_ax.set_xlim(0, max(counts) * 1.25)
        bar_ax.xaxis.set_major_formatter(lambda value, _position: names.number(value))
        bar_ax.set_xlabel(
            _(
                "persons whose answer differs between jurisdictions because of this point (a person can count "
                "under several)"
            ),
            fontsize=8,
        )
    else:
        bar_ax.set_axis_off()
        bar_ax.text(0.0, 0.5, _("No person's answer differs between the jurisdictions of this run."), fontsize=9)
    bar_ax.set_title(
        _(
            "Interpretation points behind the differences: {differing} of {persons} persons get different answers "
            "in different jurisdictions",
            differing=names.number(differing),
            persons=names.number(persons),
        ),
        fontsize=9,
        loc="left",
    )
    return fig


def plot_summary(summary: Path, out: Path, top: int = 15, names: Names | None = None) -> None:
    """Draw the summary CSV at `summary` into `out`, every word in `names.language` (errors are
    `ResultsFileError`s, worded when they are shown)."""
    names = names or Names()
    if out.suffix.lower() not in FORMATS:
        raise ResultsFileError(
            N_("the picture is written as {formats}, not {name}"), formats=", ".join(FORMATS), name=out.name
        )
    check_writable(out, ResultsFileError)
    try:
        rows = read_summary(summary)
    except OSError as exc:
        raise ResultsFileError(N_("cannot read the summary: {reason}"), file=summary, reason=os_reason(exc)) from None
    except (UnicodeDecodeError, csv.Error):
        rows = []
    if not any(r.get("section") == "eligibility" for r in rows):
        raise ResultsFileError(N_("not a summary written by `tolka population --summary`"), file=summary)
    summary_figure(rows, top, names).savefig(out, dpi=150)
