"""`tolka readings` and `tolka jurisdictions`: the readings matrix and the jurisdiction list."""

from __future__ import annotations

from tolka.matrix import JurisdictionListing, MatrixRow, cell_text
from tolka.model import contract as C
from tolka.render.report import Block, Paragraph, Table
from tolka.render.resolved import listed_ids, resolved_data


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
                readings={c: resolved_data(row.cells.get(c)) for c in columns},
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
                listed_ids(item.sources) if item.sources else "",
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
