"""Coverage and freshness as report blocks, CSV rows, JSON data and a county × point heatmap."""

from __future__ import annotations

from pathlib import Path

from tolka.coverage import Coverage, PointCoverage
from tolka.i18n import N_
from tolka.model import contract as C
from tolka.model.source import STALE_AFTER_YEARS
from tolka.render.labels import word
from tolka.render.report import Block, Heading, Paragraph, Table
from tolka.rulebook import Rulebook

WORDS = {
    "title": N_("Coverage of readings"),
    "headline": N_("{with_reading} of {total} municipalities have a sourced reading of their own in force on {day}"),
    "by_kind": N_("Jurisdictions with at least one sourced reading, by kind: {kinds}"),
    "points": N_("Per interpretation point"),
    "counties": N_("Per county"),
    "point": N_("Interpretation point"),
    "jurisdictions": N_("with"),
    "municipalities": N_("munic."),
    "unverified": N_("unverif."),
    "not_own_page": N_("2nd-hand"),
    "undated": N_("undated"),
    "stale": N_(">{years} y"),
    "median_age": N_("median age"),
    "newest": N_("newest"),
    "legend": N_(
        "with: jurisdictions with a sourced reading of their own · munic.: of them municipalities · unverif.: not "
        "verified · 2nd-hand: a mirror or a secondary source · >{years} y: source older than {years} years · median "
        "age in years, of dated sources"
    ),
    "county": N_("County"),
    "county_total": N_("municipalities"),
    "county_with": N_("with a reading"),
    "share": N_("share"),
    "trust": N_(
        "A comparison of jurisdictions is only as good as this coverage: where a jurisdiction has no reading of its "
        "own, its answers rest on the national default."
    ),
}

KINDS = {
    "region": N_("regions"),
    "county": N_("counties"),
    "municipality": N_("municipalities"),
    "kommunalforbund": N_("kommunalförbund"),
    "samordningsforbund": N_("samordningsförbund"),
    "nav_office": N_("NAV offices"),
}


def _point_name(rulebook: Rulebook, point: str, language: str, width: int = 70) -> str:
    text = rulebook.points[point].question.get(language)
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def coverage_blocks(rulebook: Rulebook, cov: Coverage, language: str) -> list[Block]:
    """The coverage report: headline, then one row per point and one per county."""
    kinds = ", ".join(f"{word(KINDS, kind, language)} {count}" for kind, count in cov.by_kind.items()) or "—"
    points = Table(
        [word(WORDS, key, language) for key in ("point", "jurisdictions", "municipalities", "unverified")]
        + [
            word(WORDS, key, language).format(years=STALE_AFTER_YEARS)
            for key in ("not_own_page", "undated", "stale", "median_age", "newest")
        ]
    )
    for p in cov.points:
        points.rows.append(
            [
                _point_name(rulebook, p.point, language),
                str(p.jurisdictions),
                str(p.municipalities),
                str(p.unverified),
                str(p.not_own_page),
                str(p.undated),
                str(p.stale),
                _number(p.median_age_years),
                p.newest.isoformat() if p.newest else "—",
            ]
        )
    counties = Table([word(WORDS, key, language) for key in ("county", "county_total", "county_with", "share")])
    for c in cov.counties:
        share = f"{100 * c.with_reading / c.municipalities:.0f} %" if c.municipalities else "—"
        counties.rows.append([c.county, str(c.municipalities), str(c.with_reading), share])
    headline = word(WORDS, "headline", language).format(
        with_reading=cov.municipalities_with_reading, total=cov.municipalities, day=cov.day.isoformat()
    )
    return [
        Heading(1, f"{word(WORDS, 'title', language)} ({cov.country}, {cov.day.isoformat()})"),
        Paragraph(headline),
        Paragraph(word(WORDS, "by_kind", language).format(kinds=kinds)),
        Paragraph(word(WORDS, "trust", language)),
        Heading(2, word(WORDS, "points", language)),
        points,
        Paragraph(word(WORDS, "legend", language).format(years=STALE_AFTER_YEARS)),
        Heading(2, word(WORDS, "counties", language)),
        counties,
    ]


def _point_data(p: PointCoverage) -> C.PointCoverageOut:
    return C.PointCoverageOut(
        point=p.point,
        jurisdiction_count=p.jurisdictions,
        municipalities=p.municipalities,
        unverified=p.unverified,
        not_own_page=p.not_own_page,
        undated=p.undated,
        stale=p.stale,
        oldest=p.oldest.isoformat() if p.oldest else None,
        newest=p.newest.isoformat() if p.newest else None,
        median_age_years=p.median_age_years,
    )


def coverage_data(cov: Coverage) -> C.CoverageOut:
    """The coverage as JSON data (keys stay English)."""
    return C.CoverageOut(
        country=cov.country,
        evaluation_date=cov.day.isoformat(),
        stale_after_years=STALE_AFTER_YEARS,
        municipalities=cov.municipalities,
        municipalities_with_reading=cov.municipalities_with_reading,
        jurisdictions_with_reading=cov.by_kind,
        reading_count=cov.readings,
        points=[_point_data(p) for p in cov.points],
        counties=[
            C.CountyCoverageOut(
                county=c.county, municipalities=c.municipalities, with_reading=c.with_reading, per_point=c.per_point
            )
            for c in cov.counties
        ],
    )


def coverage_rows(cov: Coverage) -> list[dict]:
    """CSV: one row per point (the per-point figures)."""
    return [
        {"country": cov.country, "evaluation_date": cov.day.isoformat(), **_point_data(p).model_dump(mode="json")}
        for p in cov.points
    ]


def coverage_plot(rulebook: Rulebook, cov: Coverage, out: Path, language: str) -> None:
    """A county × point heatmap: the share of each county's municipalities with a reading of the point."""
    import numpy as np
    from matplotlib.figure import Figure

    counties = cov.counties
    points = [p.point for p in cov.points]
    grid = np.array(
        [[(c.per_point.get(p, 0) / c.municipalities if c.municipalities else 0.0) for p in points] for c in counties]
    )
    figure = Figure(figsize=(max(8.0, 0.32 * len(points) + 4), max(4.0, 0.32 * len(counties) + 2.5)))
    axes = figure.add_subplot()
    image = axes.imshow(grid, aspect="auto", cmap="viridis", vmin=0.0, vmax=1.0)
    axes.set_xticks(range(len(points)))
    labels = [_point_name(rulebook, p, language) for p in points]
    axes.set_xticklabels([t if len(t) <= 40 else t[:39] + "…" for t in labels], rotation=70, ha="right", fontsize=6)
    axes.set_yticks(range(len(counties)))
    axes.set_yticklabels([f"{c.county} ({c.with_reading}/{c.municipalities})" for c in counties], fontsize=7)
    axes.set_title(
        f"{word(WORDS, 'title', language)} ({cov.country}, {cov.day.isoformat()}) — "
        + word(WORDS, "headline", language).format(
            with_reading=cov.municipalities_with_reading, total=cov.municipalities, day=cov.day.isoformat()
        ),
        fontsize=8,
    )
    colorbar = figure.colorbar(image, ax=axes, fraction=0.03)
    colorbar.set_label(f"{word(WORDS, 'share', language)} ({word(WORDS, 'county_total', language)})", fontsize=7)
    figure.tight_layout()
    figure.savefig(out)
