"""The summary of a population run: one CSV a spreadsheet opens, and `tolka plot` draws.

Every row has the same columns; `section` says what the row counts, always as `count` persons out
of `persons` (the persons evaluated), with `share = count / persons`:

- `eligibility`, one row per jurisdiction × support: persons eligible by any route (`eligible`,
  `eligible_after_decision`, `eligible_after_application`); the status columns split all persons
  by status.
- `differences`, per support and `*` for any support: persons whose answer differs between two
  jurisdictions of the run.
- `causes`, per point × support and point × `*`: persons for whom that point's reading causes a
  difference (see tolka.population.differences); `(other)` for differences no single reading
  explains.
- `rejected`, one row for the run: rows of the people file left out for bad values (listed in the
  rejected file).
- `amounts`, one row per jurisdiction × support with an amount calculation (docs/amounts.md):
  `count` eligible persons (any route) with an exact amount, their `amount_total_per_month` and
  `amount_median_per_month` in `currency`; `amount_inexact` eligible persons whose amount is a
  range or unknown (never counted as 0).
- `amount_causes`, per jurisdiction × support × point where the jurisdiction's reading differs from
  the national default: `amount_total_per_month` is what the reading costs (positive) or saves
  (negative) per month against the default for the same persons, `count` the persons whose amount
  it changes; jurisdiction `*` sums a point over the run's jurisdictions.
- `amount_total_per_year` is twelve times the month's total: what a support or a reading costs in a
  year at the rates in force on the evaluation date (not a forecast of next year's rates).

`evaluation_date`, `rulebook_fingerprint` and `schema_version` are on every row, so a filtered copy still
says what it was computed from.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, get_args

import numpy as np

from tolka.backends.vector.backend import Answer, Plan
from tolka.expr.money import CURRENCY
from tolka.model.outcome import SCHEMA_VERSION, OutcomeStatus
from tolka.population.amounts import CENTS, AmountCounts, AmountPlan
from tolka.population.differences import ANY, Differences
from tolka.rulebook import Rulebook

STATUSES: tuple[str, ...] = get_args(OutcomeStatus)  # the answer contract's order
ELIGIBLE = tuple(s for s in STATUSES if s.startswith("eligible"))  # by any route
YEAR = 12  # months: a year's cost at the evaluation date's monthly rates

COLUMNS = (
    "section",
    "jurisdiction",
    "jurisdiction_name",
    "jurisdiction_kind",
    "support",
    "support_name",
    "point",
    "persons",
    "count",
    "share",
    *STATUSES,
    "amount_inexact",
    "amount_total_per_month",
    "amount_total_per_year",
    "amount_median_per_month",
    "currency",
    "evaluation_date",
    "rulebook_fingerprint",
    "schema_version",
)


class Summary:
    """Counts accumulated chunk by chunk (they only add up, so chunks can be evaluated anywhere)."""

    def __init__(self, plan: Plan, amounts: AmountPlan | None = None) -> None:
        self.plan = plan
        self.amount_plan = amounts
        self.amounts = AmountCounts()
        self.persons = 0
        self.rejected = 0
        self.status_counts = np.zeros((len(plan.situations), len(STATUSES)), dtype=np.int64)
        self.differences = Differences()
        self._status_of: list[int] = []

    def add(
        self,
        persons: int,
        mapping: np.ndarray,
        counts: Sequence[np.ndarray],
        answers: Sequence[Answer],
        differences: Differences,
        rejected: int,
    ) -> None:
        """Add one chunk: its persons, per situation the persons per answer, its differences and rejected rows.

        `counts[i][k]` is how many persons got the chunk's answer k in situation i; `mapping[k]` is
        that answer's id in `answers`.
        """
        index = {status: i for i, status in enumerate(STATUSES)}
        self._status_of += [index[a.status] for a in answers[len(self._status_of) :]]
        status_of = np.asarray(self._status_of, dtype=np.int64)[mapping]
        for situation, found in enumerate(counts):
            self.status_counts[situation] += np.bincount(status_of, weights=found, minlength=len(STATUSES)).astype(
                np.int64
            )
        self.persons += persons
        self.differences.add(differences)
        self.rejected += rejected

    def rows(self, rulebook: Rulebook) -> list[dict[str, Any]]:
        """The summary table, in a stable order (jurisdictions and supports as planned, points sorted)."""
        common = {
            "evaluation_date": self.plan.day.isoformat(),
            "rulebook_fingerprint": rulebook.fingerprint,
            "schema_version": SCHEMA_VERSION,
        }

        def row(section: str, count: int, **values: Any) -> dict[str, Any]:
            share = round(count / self.persons, 6) if self.persons else ""
            return {
                **dict.fromkeys(COLUMNS, ""),
                "section": section,
                "persons": self.persons,
                "count": count,
                "share": share,
                **values,
                **common,
            }

        def support_name(support: str) -> str:
            return rulebook.supports[support].name.en if support in rulebook.supports else "any support"

        out = []
        for jurisdiction in self.plan.jurisdictions:
            place = rulebook.jurisdictions[jurisdiction]
            for support in self.plan.supports[jurisdiction]:
                counts = self.status_counts[self.plan.index[jurisdiction, support]]
                eligible = int(sum(counts[STATUSES.index(s)] for s in ELIGIBLE))
                by_status = {status: int(n) for status, n in zip(STATUSES, counts, strict=True)}
                out.append(
                    row(
                        "eligibility",
                        eligible,
                        jurisdiction=jurisdiction,
                        jurisdiction_name=place.name,
                        jurisdiction_kind=place.kind,
                        support=support,
                        support_name=support_name(support),
                        **by_status,
                    )
                )
        supports = list(dict.fromkeys(s for supports in self.plan.supports.values() for s in supports))
        for support in [*supports, ANY]:
            out.append(
                row(
                    "differences",
                    self.differences.differing.get(support, 0),
                    support=support,
                    support_name=support_name(support),
                )
            )
        order = {support: i for i, support in enumerate([*supports, ANY])}
        for (point, support), count in sorted(
            self.differences.caused.items(), key=lambda item: (item[0][0], order[item[0][1]])
        ):
            if count:
                out.append(row("causes", count, point=point, support=support, support_name=support_name(support)))
        out.append(row("rejected", self.rejected))
        out += self._amount_rows(rulebook, row, support_name)
        return out

    def _amount_rows(self, rulebook: Rulebook, row, support_name) -> list[dict[str, Any]]:
        plan, counts = self.amount_plan, self.amounts
        if plan is None or not counts.values:
            return []
        out = []
        for (jurisdiction, support), position in plan.index.items():
            place = rulebook.jurisdictions[jurisdiction]
            median = counts.median(position)
            out.append(
                row(
                    "amounts",
                    counts.persons(position),
                    jurisdiction=jurisdiction,
                    jurisdiction_name=place.name,
                    jurisdiction_kind=place.kind,
                    support=support,
                    support_name=support_name(support),
                    amount_inexact=counts.inexact[position],
                    amount_total_per_month=counts.total(position) / CENTS,
                    amount_total_per_year=YEAR * counts.total(position) / CENTS,
                    amount_median_per_month="" if median is None else median,
                    currency=CURRENCY[place.country],
                )
            )
        overall: dict[tuple[str, str], list[int]] = {}
        for number, cause in enumerate(plan.causes):
            place = rulebook.jurisdictions[cause.jurisdiction]
            difference = counts.total(cause.actual) - counts.total(cause.default)
            changed = counts.changed[number]
            summed = overall.setdefault((cause.point, cause.support), [0, 0])
            summed[0] += changed
            summed[1] += difference
            out.append(
                row(
                    "amount_causes",
                    changed,
                    jurisdiction=cause.jurisdiction,
                    jurisdiction_name=place.name,
                    jurisdiction_kind=place.kind,
                    support=cause.support,
                    support_name=support_name(cause.support),
                    point=cause.point,
                    amount_total_per_month=difference / CENTS,
                    amount_total_per_year=YEAR * difference / CENTS,
                    currency=CURRENCY[place.country],
                )
            )
        for (point, support), (changed, difference) in sorted(overall.items()):
            out.append(
                row(
                    "amount_causes",
                    changed,
                    jurisdiction=ANY,
                    support=support,
                    support_name=support_name(support),
                    point=point,
                    amount_total_per_month=difference / CENTS,
                    amount_total_per_year=YEAR * difference / CENTS,
                    currency=CURRENCY[rulebook.supports[support].country],
                )
            )
        return out


def write_csv(path: Path, rows: Iterable[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> None:
    """Write rows as CSV with a header (UTF-8, `\\n` line ends)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_summary(path: Path) -> list[dict[str, str]]:
    """The rows of a summary CSV written by `tolka population`."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "section" not in reader.fieldnames:
            return []
        return list(reader)
