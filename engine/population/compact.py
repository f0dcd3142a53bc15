"""Reading compact population results, and expanding them to the long layout row for row.

A compact results file (`tolka population --out FILE --layout compact`) has one row per person ×
situation; its map `<FILE name>.situations.csv` says which situation each jurisdiction × support
has. Expanding gives exactly the rows, in exactly the order, of the long layout written by the
same run: chunk by chunk (a chunk's rows are its situations in order, each with the chunk's persons
in file order), then per jurisdiction and support as the map lists them, persons in file order.

    from tolka.population.compact import expand, expand_file
    for batch in expand(Path("results.parquet")):   # long-layout record batches, streamed
        ...
    expand_file(Path("results.parquet"), Path("long.parquet"))
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from tolka.boundary import clean_text, code
from tolka.errors import ResultsFileError, check_writable, os_reason
from tolka.i18n import N_
from tolka.population.output import (
    ANSWER_COLUMNS,
    LAYOUT_KEY,
    MAP_COLUMNS,
    MAP_KEY,
    RESULTS_FORMAT,
    ROWS_PER_WRITE,
    situation_map_path,
)

TEXT = pa.dictionary(pa.int32(), pa.string())


@dataclass(frozen=True)
class SituationMap:
    """Which situation each jurisdiction × support has, in the order of the long layout."""

    pairs: tuple[tuple[str, str, int], ...]  # (jurisdiction, support, situation)

    @property
    def situations(self) -> int:
        return max((s for _, _, s in self.pairs), default=-1) + 1


def read_situation_map(path: Path) -> SituationMap:
    """The map written beside compact results (`CaseFileError` naming the file if it is not one)."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if tuple(header or ()) != MAP_COLUMNS:
                raise ResultsFileError(
                    N_("not a situation map: the header must be {header}"),
                    file=path,
                    hint=N_("give the .situations.csv written beside the compact results"),
                    header=code(",".join(MAP_COLUMNS)),
                )
            pairs = tuple((j, s, int(n)) for j, s, n in reader)
    except FileNotFoundError:
        raise ResultsFileError(
            N_("the situation map is missing"),
            file=path,
            hint=N_("compact results are read with the .situations.csv written beside them"),
        ) from None
    except OSError as exc:
        raise ResultsFileError(
            N_("cannot read the situation map: {reason}"), file=path, reason=os_reason(exc)
        ) from None
    except (UnicodeDecodeError, csv.Error, ValueError):  # not text, or a situation that is not a number
        raise ResultsFileError(
            N_("not a situation map written by `tolka population --layout compact`"), file=path
        ) from None
    return SituationMap(pairs)


def _batches(path: Path) -> Iterator[pa.RecordBatch]:
    """The compact file's record batches, each with the columns the compact layout has (a
    `ResultsFileError` naming the file if it cannot be read or is not compact results)."""
    try:
        for batch in _read(path):
            missing = [name for name in ("row", "situation", *ANSWER_COLUMNS) if name not in batch.schema.names]
            if missing:
                raise ResultsFileError(
                    N_("not compact results: the column {name} is missing"),
                    file=path,
                    hint=N_("read a file written by `tolka population --layout compact`, unchanged"),
                    name=code(missing[0]),
                )
            yield batch
    except OSError as exc:
        if exc.errno is None:  # Arrow's own errors are OSErrors without a number
            raise ResultsFileError(
                N_("cannot read the compact results; the reader reports: {detail}"),
                file=path,
                detail=clean_text(str(exc), 200),
            ) from None
        raise ResultsFileError(
            N_("cannot read the compact results: {reason}"), file=path, reason=os_reason(exc)
        ) from None
    except (pa.ArrowException, UnicodeDecodeError, csv.Error, StopIteration) as exc:
        raise ResultsFileError(
            N_("cannot read the compact results; the reader reports: {detail}"),
            file=path,
            detail=clean_text(str(exc) or type(exc).__name__, 200),
        ) from None


def _read(path: Path) -> Iterator[pa.RecordBatch]:
    """The compact file's record batches (CSV cells read as text, `row` and `situation` as numbers)."""
    if path.suffix.lower() == ".parquet":
        yield from pq.ParquetFile(path).iter_batches(batch_size=1 << 20)
        return
    types = {"row": pa.int64(), "situation": pa.int32()}
    with path.open(encoding="utf-8") as handle:
        names = next(csv.reader(handle))
    options = pa_csv.ConvertOptions(
        column_types={n: types.get(n, pa.string()) for n in names}, null_values=[""], strings_can_be_null=True
    )
    yield from pa_csv.open_csv(path, convert_options=options)


def _blocks(path: Path) -> Iterator[pa.Table]:
    """The compact rows one chunk of persons at a time: a chunk's rows start again at situation 0."""
    pending: list[pa.Table] = []
    for batch in _batches(path):
        table = pa.Table.from_batches([batch])
        number = table.column("situation").to_numpy()
        # a chunk starts where the situation number falls (…, S-1, 0, …)
        starts = [int(i) + 1 for i in np.flatnonzero(number[1:] < number[:-1])]
        if pending and len(number) and number[0] < _last_situation(pending):
            starts.insert(0, 0)
        previous = 0
        for start in starts:
            pending.append(table.slice(previous, start - previous))
            yield pa.concat_tables(pending)
            pending, previous = [], start
        pending.append(table.slice(previous))
    if pending and sum(t.num_rows for t in pending):
        yield pa.concat_tables(pending)


def _last_situation(tables: list[pa.Table]) -> int:
    for table in reversed(tables):
        if table.num_rows:
            return int(table.column("situation")[-1].as_py())
    return -1


def expand(path: Path, situation_map: Path | None = None) -> Iterator[pa.RecordBatch]:
    """The long layout's rows of compact results, as record batches in the long layout's order."""
    mapping = read_situation_map(situation_map or situation_map_path(path))
    count = mapping.situations
    jurisdictions = list(dict.fromkeys(j for j, _, _ in mapping.pairs))
    supports = list(dict.fromkeys(s for _, s, _ in mapping.pairs))
    jurisdiction_texts = pa.array(jurisdictions, type=pa.string())
    support_texts = pa.array(supports, type=pa.string())
    codes = [(jurisdictions.index(j), supports.index(s), n) for j, s, n in mapping.pairs]
    for block in _blocks(path):
        size, rest = divmod(block.num_rows, count)
        expected = np.repeat(np.arange(count, dtype=np.int32), size)
        if rest or not np.array_equal(block.column("situation").to_numpy(), expected):
            raise ResultsFileError(
                N_("compact results out of order: each chunk must list every situation in turn, with the same persons"),
                file=path,
                hint=N_("read a file written by `tolka population --layout compact`, unchanged"),
            )
        ids = [name for name in ("row", "person_id") if name in block.column_names]
        for jurisdiction, support, situation in codes:
            part = block.slice(situation * size, size)
            columns = [part.column(name).combine_chunks() for name in ids]
            columns.append(
                pa.DictionaryArray.from_arrays(pa.array(np.full(size, jurisdiction, np.int32)), jurisdiction_texts)
            )
            columns.append(pa.DictionaryArray.from_arrays(pa.array(np.full(size, support, np.int32)), support_texts))
            columns += [_text(part.column(name).combine_chunks()) for name in ANSWER_COLUMNS]
            yield pa.RecordBatch.from_arrays(columns, names=[*ids, "jurisdiction", "support", *ANSWER_COLUMNS])


def _text(column: pa.Array) -> pa.Array:
    return column if pa.types.is_dictionary(column.type) else column.dictionary_encode().cast(TEXT)


def _long_metadata(path: Path) -> dict[bytes, bytes] | None:
    """The compact Parquet file's metadata without what marks the compact layout."""
    if path.suffix.lower() != ".parquet":
        return None
    metadata = pq.read_schema(path).metadata or {}
    return {k: v for k, v in metadata.items() if k.decode() not in (LAYOUT_KEY, MAP_KEY)}


def expand_file(path: Path, out: Path, situation_map: Path | None = None) -> int:
    """Write the long layout of compact results to `out` (.parquet or .csv); returns the rows written."""
    if out.suffix.lower() not in (".parquet", ".csv"):
        raise ResultsFileError(RESULTS_FORMAT, name=out.name)
    check_writable(out, ResultsFileError)
    writer: pq.ParquetWriter | pa_csv.CSVWriter | None = None
    rows = 0
    pending: list[pa.RecordBatch] = []
    partial = out.with_name(f".{out.name}.partial")
    try:
        for batch in expand(path, situation_map):
            if writer is None:
                schema = batch.schema.with_metadata(_long_metadata(path))
                csv_out = out.suffix.lower() == ".csv"
                writer = (
                    pa_csv.CSVWriter(partial, schema)
                    if csv_out
                    else pq.ParquetWriter(partial, schema, compression="zstd")
                )
            pending.append(batch)
            rows += batch.num_rows
            if sum(b.num_rows for b in pending) >= ROWS_PER_WRITE:
                writer.write_table(pa.Table.from_batches(pending, schema=schema))
                pending = []
        if writer is None:
            raise ResultsFileError(N_("the compact results have no rows"), file=path)
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema))
        writer.close()
    except BaseException:
        if writer is not None:
            writer.close()
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    return rows
