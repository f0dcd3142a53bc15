"""Coverage and freshness as report blocks, CSV rows, JSON data and a county × point heatmap."""

from __future__ import annotations

from pathlib import Path

from tolka.coverage import Coverage, PointCoverage
from tolka.model import contract as C
from tolka.model.interpretation import STALE_AFTER_YEARS
from tolka.render.labels import word
from tolka.render.report import Block, Heading, Paragraph, Table
from tolka.rulebook import Rulebook

WORDS = {
    "title": {"en": "Coverage of readings", "sv": "Täckning av tolkningar", "nb": "Dekning av tolkninger"},
    "headline": {
        "en": "{with_reading} of {total} municipalities have a sourced reading of their own in force on {day}",
        "sv": "{with_reading} av {total} kommuner har en egen tolkning med källa som gäller {day}",
        "nb": "{with_reading} av {total} kommuner har en egen tolkning med kilde som gjelder {day}",
    },
    "by_kind": {
        "en": "Jurisdictions with at least one sourced reading, by kind: {kinds}",
        "sv": "Jurisdiktioner med minst en tolkning med källa, per slag: {kinds}",
        "nb": "Jurisdiksjoner med minst én tolkning med kilde, etter type: {kinds}",
    },
    "points": {"en": "Per interpretation point", "sv": "Per tolkningsfråga", "nb": "Per tolkningsspørsmål"},
    "counties": {"en": "Per county", "sv": "Per län", "nb": "Per fylke"},
    "point": {"en": "Interpretation point", "sv": "Tolkningsfråga", "nb": "Tolkningsspørsmål"},
    "jurisdictions": {"en": "with", "sv": "med", "nb": "med"},
    "municipalities": {"en": "munic.", "sv": "kommuner", "nb": "kommuner"},
    "unverified": {"en": "unverif.", "sv": "ej verif.", "nb": "ikke verif."},
    "not_own_page": {"en": "2nd-hand", "sv": "andrahand", "nb": "annenhånd"},
    "undated": {"en": "undated", "sv": "odaterade", "nb": "udaterte"},
    "stale": {"en": f">{STALE_AFTER_YEARS} y", "sv": f">{STALE_AFTER_YEARS} år", "nb": f">{STALE_AFTER_YEARS} år"},
    "median_age": {"en": "median age", "sv": "medianålder", "nb": "medianalder"},
    "newest": {"en": "newest", "sv": "nyaste", "nb": "nyeste"},
    "legend": {
        "en": "with: jurisdictions with a sourced reading of their own · munic.: of them municipalities · unverif.: "
        "not verified · 2nd-hand: a mirror or a secondary source · >{years} y: source older than {years} years · "
        "median age in years, of dated sources",
        "sv": "med: jurisdiktioner med egen tolkning med källa · kommuner: varav kommuner · ej verif.: inte "
        "verifierade · andrahand: kopia eller andrahandskälla · >{years} år: källan äldre än {years} år · "
        "medianålder i år, för daterade källor",
        "nb": "med: jurisdiksjoner med egen tolkning med kilde · kommuner: av dem kommuner · ikke verif.: ikke "
        "verifisert · annenhånd: kopi eller annenhåndskilde · >{years} år: kilden eldre enn {years} år · "
        "medianalder i år, for daterte kilder",
    },
    "county": {"en": "County", "sv": "Län", "nb": "Fylke"},
    "county_total": {"en": "municipalities", "sv": "kommuner", "nb": "kommuner"},
    "county_with": {"en": "with a reading", "sv": "med tolkning", "nb": "med tolkning"},
    "share": {"en": "share", "sv": "andel", "nb": "andel"},
    "trust": {
        "en": "A comparison of jurisdictions is only as good as this coverage: where a jurisdiction has no "
        "reading of its own, its answers rest on the national default.",
        "sv": "En jämförelse mellan jurisdiktioner är inte bättre än den här täckningen: där en jurisdiktion "
        "saknar egen tolkning vilar svaren på den nationella utgångspunkten.",
        "nb": "En sammenligning av jurisdiksjoner er ikke bedre enn denne dekningen: der en jurisdiksjon ikke har "
        "egen tolkning, hviler svarene på det nasjonale utgangspunktet.",
    },
}

KINDS = {
    "region": {"en": "regions", "sv": "regioner", "nb": "regioner"},
    "county": {"en": "counties", "sv": "fylken", "nb": "fylker"},
    "municipality": {"en": "municipalities", "sv": "kommuner", "nb": "kommuner"},
    "kommunalforbund": {"en": "kommunalförbund", "sv": "kommunalförbund", "nb": "kommunale forbund"},
    "samordningsforbund": {"en": "samordningsförbund", "sv": "samordningsförbund", "nb": "samordningsforbund"},
    "nav_office": {"en": "NAV offices", "sv": "NAV-kontor", "nb": "NAV-kontor"},
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
        + [word(WORDS, key, language) for key in ("not_own_page", "undated", "stale", "median_age", "newest")]
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
