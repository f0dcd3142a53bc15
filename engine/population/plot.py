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
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import get_args

import numpy as np
from matplotlib.figure import Figure

from tolka.errors import CaseFileError
from tolka.model.jurisdiction import JurisdictionKind
from tolka.population.differences import ANY
from tolka.population.summary import read_summary

FORMATS = (".png", ".svg", ".pdf")
ANNOTATE_ROWS = 60  # cells carry their percentage up to this many rows
KIND_ORDER: tuple[str, ...] = get_args(JurisdictionKind)  # broadest first, as the model lists them
LABEL_WIDTH = 34


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def heatmap_rows(rows: list[dict[str, str]]) -> tuple[list[str], list[str], np.ndarray]:
    """(row labels, support labels, shares in %) with identical jurisdictions' rows merged."""
    eligibility = [r for r in rows if r["section"] == "eligibility"]
    supports = list(dict.fromkeys(r["support"] for r in eligibility))
    names = {r["support"]: r["support_name"] or r["support"] for r in eligibility}
    shares: dict[str, dict[str, float]] = {}
    labels: dict[str, str] = {}
    rank: dict[str, int] = {}
    for r in eligibility:
        shares.setdefault(r["jurisdiction"], {})[r["support"]] = 100 * float(r["share"] or 0)
        labels[r["jurisdiction"]] = f"{r['jurisdiction']} {r['jurisdiction_name']}"
        kind = r.get("jurisdiction_kind", "")
        rank[r["jurisdiction"]] = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
    groups: dict[tuple, list[str]] = {}
    for jurisdiction, by_support in shares.items():
        key = tuple(round(by_support.get(s, np.nan), 4) for s in supports)
        groups.setdefault(key, []).append(jurisdiction)
    # A group is named by its broadest member (the country before its municipalities).
    named = [min(members, key=lambda j: (rank[j], members.index(j))) for members in groups.values()]
    row_labels = [
        _short(labels[name]) + (f"  (+{len(members) - 1} alike)" if len(members) > 1 else "")
        for name, members in zip(named, groups.values(), strict=True)
    ]
    matrix = np.array([list(key) for key in groups], dtype=float).reshape(len(groups), len(supports))
    return row_labels, [_short(names[s], 42) for s in supports], matrix


def causes(rows: list[dict[str, str]], top: int) -> tuple[list[tuple[str, int, float]], int, int]:
    """(point, persons, share) for the `top` points, the persons whose answers differ, and all persons."""
    found = [
        (r["point"], int(r["count"]), float(r["share"] or 0))
        for r in rows
        if r["section"] == "causes" and r["support"] == ANY
    ]
    found.sort(key=lambda item: (-item[1], item[0]))
    differing = next((int(r["count"]) for r in rows if r["section"] == "differences" and r["support"] == ANY), 0)
    persons = int(rows[0]["persons"]) if rows else 0
    return found[:top], differing, persons


def amount_medians(rows: list[dict[str, str]]) -> list[tuple[str, list[float], float, str]]:
    """Per support with amounts: (name, each jurisdiction's median per month, total per month, currency)."""
    found: dict[str, tuple[str, list[float], list[float], str]] = {}
    for r in rows:
        if r["section"] != "amounts" or r["amount_median_per_month"] == "":
            continue
        name, medians, totals, _ = found.setdefault(
            r["support"], (r["support_name"] or r["support"], [], [], r["currency"])
        )
        medians.append(float(r["amount_median_per_month"]))
        totals.append(float(r["amount_total_per_month"]))
    return [(name, medians, sum(totals), currency) for name, medians, totals, currency in found.values()]


def reading_costs(rows: list[dict[str, str]], top: int) -> list[tuple[str, float, str]]:
    """(point · support, cost per month summed over the run's jurisdictions, currency), largest first."""
    found = [
        (
            f"{r['point']} · {_short(r['support_name'] or r['support'], 24)}",
            float(r["amount_total_per_month"]),
            r["currency"],
        )
        for r in rows
        if r["section"] == "amount_causes" and r["jurisdiction"] == ANY and float(r["amount_total_per_month"] or 0)
    ]
    found.sort(key=lambda item: (-abs(item[1]), item[0]))
    return found[:top]


def _amount_panels(axes: list, medians: list, costs: list, persons: int) -> None:
    median_ax, cost_ax = axes
    for position, (_name, values, total, currency) in enumerate(medians):
        spread = np.linspace(-0.25, 0.25, len(values)) if len(values) > 1 else np.zeros(1)
        median_ax.scatter(values, position + spread, s=8, color="#3b6ea5", alpha=0.6)
        median_ax.text(max(values), position, f"  total {total:,.0f} {currency}/month", va="center", fontsize=7)
    median_ax.set_yticks(range(len(medians)), [_short(name, 44) for name, *_ in medians], fontsize=8)
    median_ax.invert_yaxis()
    median_ax.xaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
    median_ax.set_xlabel(
        "median amount per month of the eligible persons with an exact amount; one dot per jurisdiction", fontsize=8
    )
    median_ax.set_title(f"Amounts per month among {persons:,} persons", fontsize=9, loc="left")
    if not costs:
        cost_ax.set_axis_off()
        cost_ax.text(0.0, 0.5, "No reading changes an amount against the national default in this run.", fontsize=9)
        return
    positions = np.arange(len(costs))
    values = [cost for _, cost, _ in costs]
    cost_ax.barh(positions, values, color=["#a53b3b" if v > 0 else "#3ba55c" for v in values])
    cost_ax.set_yticks(positions, [_short(label, 60) for label, _, _ in costs], fontsize=8)
    cost_ax.invert_yaxis()
    for row, (_, cost, currency) in zip(positions, costs, strict=True):
        cost_ax.text(cost, row, f" {cost:+,.0f} {currency}", va="center", fontsize=7)
    cost_ax.axvline(0, color="black", linewidth=0.5)
    cost_ax.xaxis.set_major_formatter(lambda value, _: f"{value:+,.0f}")
    cost_ax.set_xlabel(
        "what the jurisdictions' readings cost (+) or save (−) per month against the national default, summed",
        fontsize=8,
    )
    cost_ax.set_title("Readings behind the amounts", fontsize=9, loc="left")


def plot_summary(summary: Path, out: Path, top: int = 15) -> None:
    """Draw the summary CSV at `summary` into `out`."""
    if out.suffix.lower() not in FORMATS:
        raise CaseFileError(f"the picture is written as {', '.join(FORMATS)}, not {out.name}")
    try:
        rows = read_summary(summary)
    except OSError as exc:
        raise CaseFileError(f"cannot read the summary: {exc.strerror}", file=summary) from None
    except (UnicodeDecodeError, csv.Error):
        rows = []
    if not any(r.get("section") == "eligibility" for r in rows):
        raise CaseFileError("not a summary written by `tolka population --summary`", file=summary)
    row_labels, support_labels, matrix = heatmap_rows(rows)
    bars, differing, persons = causes(rows, top)
    heat_height = 0.22 * len(row_labels) + 3.2
    bar_height = 0.32 * max(len(bars), 2) + 1.6
    medians, costs = amount_medians(rows), reading_costs(rows, top)
    heights = [heat_height, bar_height]
    if medians:
        heights += [0.5 * len(medians) + 1.6, 0.32 * max(len(costs), 2) + 1.6]
    fig = Figure(figsize=(max(10.0, 0.42 * len(support_labels) + 5), sum(heights)), layout="constrained")
    axes = fig.subplots(len(heights), 1, height_ratios=heights)
    heat_ax, bar_ax = axes[0], axes[1]
    if medians:
        _amount_panels(list(axes[2:]), medians, costs, int(rows[0]["persons"]))
    date, fingerprint = rows[0]["evaluation_date"], rows[0]["rulebook_fingerprint"].split(":")[-1][:12]

    image = heat_ax.imshow(matrix, aspect="auto", cmap="viridis", vmin=0, vmax=100, interpolation="nearest")
    heat_ax.set_xticks(range(len(support_labels)), support_labels, rotation=60, ha="right", fontsize=7)
    heat_ax.set_yticks(range(len(row_labels)), row_labels, fontsize=7 if len(row_labels) <= 80 else 5)
    heat_ax.set_title(
        f"Share of {persons:,} persons eligible by any route, per jurisdiction and support (evaluated "
        f"{date}; rulebook {fingerprint})",
        fontsize=9,
        loc="left",
    )
    if len(row_labels) <= ANNOTATE_ROWS:
        for (i, j), value in np.ndenumerate(matrix):
            if not np.isnan(value):
                heat_ax.text(
                    j, i, f"{value:.0f}", ha="center", va="center", fontsize=6, color="white" if value < 60 else "black"
                )
    fig.colorbar(image, ax=heat_ax, label="% of persons eligible (any route)", shrink=0.8)

    if bars:
        positions = np.arange(len(bars))
        counts = [count for _, count, _ in bars]
        bar_ax.barh(positions, counts, color="#3b6ea5")
        bar_ax.set_yticks(positions, [_short(point, 44) for point, _, _ in bars], fontsize=8)
        bar_ax.invert_yaxis()
        for position, (_, count, share) in zip(positions, bars, strict=True):
            bar_ax.text(count, position, f" {count:,} ({100 * share:.1f} %)", va="center", fontsize=7)
        bar_ax.set_xlim(0, max(counts) * 1.25)
        bar_ax.xaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
        bar_ax.set_xlabel(
            "persons whose answer differs between jurisdictions because of this point (a person can count "
            "under several)",
            fontsize=8,
        )
    else:
        bar_ax.set_axis_off()
        bar_ax.text(0.0, 0.5, "No person's answer differs between the jurisdictions of this run.", fontsize=9)
    bar_ax.set_title(
        f"Interpretation points behind the differences: {differing:,} of {persons:,} persons get different "
        "answers in different jurisdictions",
        fontsize=9,
        loc="left",
    )
    fig.savefig(out, dpi=150)
