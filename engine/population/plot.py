"""The summary of a population run as one picture (matplotlib, saved to PNG, SVG or PDF).

Top: a heatmap of the share of persons eligible by any route, jurisdiction × support, with the
share written in every cell when the grid is small enough to read. Jurisdictions with identical
rows are drawn once, labelled with the first of them and how many more share the row — 290
municipalities that read the law alike are one row, and the ones that differ stand out.
Bottom: the interpretation points that cause the most differences between jurisdictions, as
persons affected, each bar labelled with its count and share. Axis titles say what is counted, so
nothing needs a legend.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from tolka.errors import CaseFileError
from tolka.population.differences import ANY
from tolka.population.summary import read_summary

FORMATS = (".png", ".svg", ".pdf")
ANNOTATE_ROWS = 60  # cells carry their percentage up to this many rows
KIND_ORDER = (
    "country",
    "region",
    "county",
    "municipality",
    "kommunalforbund",
    "samordningsforbund",
    "nav_office",
    "example_unit",
)
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
    fig = Figure(figsize=(max(10.0, 0.42 * len(support_labels) + 5), heat_height + bar_height), layout="constrained")
    heat_ax, bar_ax = fig.subplots(2, 1, height_ratios=[heat_height, bar_height])
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
