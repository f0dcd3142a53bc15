"""A population run: people file in, results and summary out, chunk by chunk.

    people file ─▶ batches (tolka.population.people.read_batches)
                ─▶ evaluate_chunk: validate, vectorised answers per situation, differences
                   (in this process, or on Dask workers: tolka.population.distributed)
                ─▶ merge each chunk's answers into one table ─▶ result rows, summary counts

`evaluate_chunk` is a pure function of the rulebook, the plan and one batch, and everything it
returns adds up across chunks; so chunks can run anywhere, and results are written in input order
whatever finished first: a Dask run writes the same bytes as a single-process run.

Bad values never vanish. With `bad_rows="report"` (the default) each row with a bad value is left
out of the results, listed (row, fact, value, reason) in the rejected file and counted in the
summary; with `bad_rows="stop"` the first one stops the run with a `FactValueError` naming the row
and fact, and no result file is left behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import pyarrow as pa

import tolka
from tolka.backends.vector.backend import Answer, Plan, VectorBackend
from tolka.errors import (
    EngineInvariantError,
    FactValueError,
    OptionError,
    PeopleFileError,
    ResultsFileError,
    check_writable,
)
from tolka.i18n import N_
from tolka.model.outcome import SCHEMA_VERSION
from tolka.population.amounts import AmountCounts, AmountPlan, chunk_amounts
from tolka.population.differences import ChunkDifferences, Differences, counterfactuals
from tolka.population.output import RESULTS_FORMAT, CompactWriter, ResultWriter
from tolka.population.people import ID_COLUMN, BadValue, check_columns, file_format, read_batches, validate
from tolka.population.summary import Summary, write_csv
from tolka.rulebook import Rulebook

DEFAULT_CHUNK = 100_000
LAYOUTS: dict[str, type[ResultWriter] | type[CompactWriter]] = {
    "long": ResultWriter,
    "compact": CompactWriter,
}  # of the results file (`--layout`)
REJECTED_COLUMNS = ("row", "fact", "value", "message")
NOTHING_TO_WRITE = N_("nothing to write: give --out for results, --summary for the summary, or both")

Batches = Iterable[tuple[int, pa.RecordBatch]]  # (row number of the first person, batch)


@dataclass(frozen=True)
class Context:
    """What every chunk evaluation needs; sent once to each Dask worker."""

    rulebook: Rulebook
    plan: Plan
    keep_rows: bool = True  # False: a summary only, so chunks return counts, not per-person answers
    amounts: AmountPlan | None = None  # the run's amount situations, when the rulebook has calculations
    lang: str = "en"  # the language a bad value's reason is worded in (the rejected file, the error)


@dataclass
class ChunkResult:
    """One chunk's answers, with its own small answer table (ids are local to the chunk)."""

    rows: np.ndarray
    person_ids: pa.Array | None
    answers: list[Answer]
    by_situation: list[np.ndarray] | None  # per plan situation: each person's local answer id (keep_rows)
    counts: list[np.ndarray]  # per plan situation: persons per local answer id
    differences: Differences
    bad: tuple[BadValue, ...]
    amounts: AmountCounts | None = None


_backends: dict[tuple[str, dt.date], VectorBackend] = {}


def _backend(rulebook: Rulebook, day: dt.date) -> VectorBackend:
    """One back end per process and rulebook, so decisions are remembered from chunk to chunk."""
    key = (rulebook.fingerprint, day)
    if key not in _backends:
        _backends.clear()  # a worker serving a new run drops the old one's memory
        _backends[key] = VectorBackend(rulebook, day)
    return _backends[key]


def evaluate_chunk(context: Context, batch: pa.RecordBatch, first_row: int) -> ChunkResult:
    """Validate and evaluate one batch of persons in every situation of the plan.

    Support by support: each support's situations are evaluated, counted (and compared, for the
    differences), then freed, so memory holds one support's arrays at a time — unless the
    per-person answers are kept for a result file.
    """
    plan = context.plan
    people = validate(batch, first_row, context.rulebook, plan.day, context.lang)
    backend = _backend(context.rulebook, plan.day)
    session = backend.session(people.frame)
    differences = ChunkDifferences(session)
    # filled support by support; every situation belongs to one support, so each index is filled once
    ids: dict[int, np.ndarray] = {}
    counts: dict[int, np.ndarray] = {}
    for support, indices in _situations_by_support(plan).items():
        situations = [plan.situations[i] for i in indices]
        classes = session.classes([*situations, *counterfactuals(situations)])
        for index, situation in zip(indices, situations, strict=True):
            answers = classes.answers(situation)
            counts[index] = np.bincount(answers, weights=classes.sizes, minlength=len(backend.answers)).astype(np.int64)
            if context.keep_rows:
                ids[index] = answers[classes.of_person]
        differences.add_support(support, situations, classes)
        session.forget(situations)
        del classes
    amounts = chunk_amounts(session, context.rulebook, context.amounts) if context.amounts is not None else None
    present = np.zeros(len(backend.answers), dtype=bool)
    in_order = [counts[index] for index in range(len(plan.situations))]
    for found in in_order:
        present[np.flatnonzero(found)] = True
    # In a canonical order, not the order this process happened to find them: output is then the
    # same bytes whichever worker evaluated the chunk.
    used = np.array(sorted(np.flatnonzero(present), key=lambda i: repr(backend.answers[i])), dtype=np.int64)
    local = np.full(len(backend.answers), -1, dtype=np.int32)
    local[used] = np.arange(len(used), dtype=np.int32)
    return ChunkResult(
        rows=people.rows,
        person_ids=people.person_ids,
        answers=[backend.answers[i] for i in used],
        by_situation=[local[ids[index]] for index in range(len(plan.situations))] if context.keep_rows else None,
        counts=[np.pad(found, (0, len(backend.answers) - len(found)))[used] for found in in_order],
        differences=differences.finish(),
        bad=people.bad,
        amounts=amounts,
    )


def _situations_by_support(plan: Plan) -> dict[str, list[int]]:
    """The plan's situation indices per support (each situation belongs to one support)."""
    grouped: dict[str, list[int]] = {}
    for index, situation in enumerate(plan.situations):
        grouped.setdefault(situation.support, []).append(index)
    return grouped


def local_results(context: Context, batches: Batches) -> Iterator[ChunkResult]:
    """Evaluate chunks one after another in this process."""
    for first_row, batch in batches:
        yield evaluate_chunk(context, batch, first_row)


class Registry:
    """The run's answer table: every chunk's local answers merged under global ids."""

    def __init__(self) -> None:
        self.answers: list[Answer] = []
        self._ids: dict[Answer, int] = {}

    def merge(self, result: ChunkResult) -> np.ndarray:
        """The global id of each of the chunk's local answer ids."""
        mapping = np.empty(len(result.answers), dtype=np.int32)
        for position, answer in enumerate(result.answers):
            found = self._ids.get(answer)
            if found is None:
                found = self._ids[answer] = len(self.answers)
                self.answers.append(answer)
            mapping[position] = found
        return mapping


@dataclass
class RunReport:
    """What a run did, for the command's closing lines."""

    persons: int
    rejected: int
    jurisdictions: int
    supports: int
    rows_written: int
    seconds: float
    rejected_file: Path | None


class _Rejected:
    """The side file of rejected values, created on the first one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self._handle: TextIO | None = None

    def add(self, bad: tuple[BadValue, ...]) -> None:
        if self._handle is None:
            self._handle = self.path.open("w", newline="", encoding="utf-8")
            csv.writer(self._handle, lineterminator="\n").writerow(REJECTED_COLUMNS)
        csv.writer(self._handle, lineterminator="\n").writerows((b.row, b.fact, b.value, b.message) for b in bad)
        self.rows += len({b.row for b in bad})

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def default_rejected_path(out: Path | None, summary: Path | None) -> Path:
    """`<results or summary name>.rejected.csv`, beside that file."""
    base = out or summary
    if base is None:
        raise OptionError(NOTHING_TO_WRITE)
    return base.with_name(base.name.rsplit(".", 1)[0] + ".rejected.csv")


def run_population(
    rulebook: Rulebook,
    people: Path,
    jurisdiction_ids: list[str],
    day: dt.date,
    *,
    out: Path | None = None,
    summary: Path | None = None,
    rejected: Path | None = None,
    bad_rows: str = "report",
    chunk_size: int = DEFAULT_CHUNK,
    executor: Callable[[Context, Batches], Iterator[ChunkResult]] = local_results,
    progress: Callable[[int], None] | None = None,
    amounts: bool = True,
    layout: str = "long",
    lang: str = "en",
) -> RunReport:
    """Evaluate every person of `people` in every jurisdiction on `day`; write results and summary.

    `amounts=False` leaves the amount calculations out of the summary (a benchmark's baseline).
    `layout="compact"` writes `out` as one row per person × situation with the situation map
    beside it (tolka.population.output.CompactWriter) instead of one row per person ×
    jurisdiction × support. A bad value's reason is worded in `lang` (the rejected file, `bad_rows="stop"`);
    errors carry message ids, worded when they are shown.
    """
    if layout not in LAYOUTS:
        raise OptionError(
            N_("the results layout is one of {layouts}, not {layout}"), layouts=tuple(LAYOUTS), layout=layout
        )
    if out is None and summary is None:
        raise OptionError(NOTHING_TO_WRITE)
    if out is not None and out.suffix.lower() not in (".parquet", ".csv"):
        raise ResultsFileError(RESULTS_FORMAT, name=out.name)
    if summary is not None and summary.suffix.lower() != ".csv":
        raise ResultsFileError(N_("a summary is written as .csv, not {name}"), name=summary.name)
    for target in (out, summary, rejected or default_rejected_path(out, summary)):
        if target is not None:
            check_writable(target, ResultsFileError)
    file_format(people)
    check_columns(people, rulebook)
    started = time.perf_counter()
    plan = Plan.build(rulebook, jurisdiction_ids, day)
    amount_plan = AmountPlan.build(rulebook, plan) if amounts else None
    context = Context(rulebook, plan, keep_rows=out is not None, amounts=amount_plan, lang=lang)
    registry = Registry()
    totals = Summary(plan, amount_plan)
    side = _Rejected(rejected or default_rejected_path(out, summary))
    writer: ResultWriter | CompactWriter | None = None
    try:
        batches = _numbered(read_batches(people, chunk_size))
        first = next(batches, None)
        if first is None:
            raise PeopleFileError(N_("the people file has no rows"), file=people)
        if out is not None:
            id_type = first[1].schema.field(ID_COLUMN).type if ID_COLUMN in first[1].schema.names else None
            metadata = {
                "tolka.version": tolka.__version__,
                "tolka.schema_version": SCHEMA_VERSION,
                "tolka.rulebook": rulebook.fingerprint,
                "tolka.evaluation_date": day.isoformat(),
                "tolka.people": people.name,
            }
            writer = LAYOUTS[layout](out, plan, id_type, metadata)
        for result in executor(context, _chain(first, batches)):
            if result.bad:
                if bad_rows == "stop":
                    worst = result.bad[0]
                    raise FactValueError(
                        N_("row {row}: {reason}"),
                        file=people,
                        hint=N_("fix the value, or run with --bad-rows report to list every bad row in a side file"),
                        row=worst.row,
                        reason=worst.message,
                    )
                side.add(result.bad)
            mapping = registry.merge(result)
            if writer is not None:
                if result.by_situation is None:
                    raise EngineInvariantError("a chunk kept no per-person answers for the result file")
                by_situation = [mapping[ids] for ids in result.by_situation]
                writer.write(result.rows, result.person_ids, by_situation, registry.answers)
                del by_situation
            totals.add(
                len(result.rows),
                mapping,
                result.counts,
                registry.answers,
                result.differences,
                len({b.row for b in result.bad}),
            )
            if result.amounts is not None:
                totals.amounts.add(result.amounts)
            if progress is not None:
                progress(len(result.rows) + len({b.row for b in result.bad}))
        if writer is not None:
            writer.close()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        side.close()
    if summary is not None:
        write_csv(summary, totals.rows(rulebook))
    return RunReport(
        persons=totals.persons,
        rejected=totals.rejected,
        jurisdictions=len(plan.jurisdictions),
        supports=len({s for supports in plan.supports.values() for s in supports}),
        rows_written=writer.rows_written if writer is not None else 0,
        seconds=time.perf_counter() - started,
        rejected_file=side.path if side.rows else None,
    )


def _numbered(batches: Iterable[pa.RecordBatch]) -> Iterator[tuple[int, pa.RecordBatch]]:
    row = 1
    for batch in batches:
        yield row, batch
        row += batch.num_rows


def _chain(
    first: tuple[int, pa.RecordBatch], rest: Iterator[tuple[int, pa.RecordBatch]]
) -> Iterator[tuple[int, pa.RecordBatch]]:
    yield first
    yield from rest
