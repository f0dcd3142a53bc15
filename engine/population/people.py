"""Reading persons from CSV or Parquet in chunks, and validating every value against the vocabulary.

A people file has one column per fact (named as in `tolka facts`) and optionally a `person_id`
column, which is carried into the results. Columns for facts not in the file are unknown for
everyone; an empty cell, a null, NaN in a numeric column or a word for unknown (`unknown`,
`okänt`, `vet inte`, `ukjent`) is unknown for that person. Every other value must be what a case
file accepts: each distinct value of a column is checked by `tolka.case.coerce_fact`, the same
function that checks case files, so a population row and a case file with the same values are the
same case. A column that is not a fact stops the run (`UnknownFactError`); a bad value makes its
row a `BadValue`, reported by row number and fact (see `tolka.population.run`).

Rows are numbered from 1 in file order (in a CSV file, row N is on line N + 1, after the header).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from tolka.backends.vector.columns import (
    CATEGORICAL_TYPES,
    EPOCH_ORDINAL,
    UNKNOWN,
    Column,
    Frame,
    Value,
    categories_of,
)
from tolka.boundary import clean_text, code, decode
from tolka.case import coerce_fact
from tolka.errors import CaseError, CaseFileError, UnknownFactError
from tolka.model.vocabulary import Fact
from tolka.render.labels import phrase
from tolka.rulebook import Rulebook

ID_COLUMN = "person_id"
FORMATS = (".csv", ".parquet")


@dataclass(frozen=True)
class BadValue:
    """A value that does not fit its fact: the row is left out of the results and reported."""

    row: int  # 1-based data row
    fact: str
    value: str
    message: str


@dataclass(frozen=True)
class People:
    """One validated chunk: the persons that can be evaluated, and the values that could not."""

    frame: Frame
    rows: np.ndarray  # int64, 1-based row number of each person in `frame`
    person_ids: pa.Array | None
    bad: tuple[BadValue, ...]


def file_format(path: Path) -> str:
    """`.csv` or `.parquet`, from the file name; anything else is a `CaseFileError`."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CaseFileError(f"{path.name}: a people file must be .csv or .parquet, not {suffix or 'without a suffix'}")
    return suffix


def column_names(path: Path) -> list[str]:
    """The column names of a people file (read from the header or the Parquet schema)."""
    try:
        if file_format(path) == ".parquet":
            return list(pq.ParquetFile(path).schema_arrow.names)
        with path.open(newline="", encoding="utf-8-sig") as handle:  # a spreadsheet's byte-order mark is not a name
            return next(csv.reader(handle), [])
    except UnicodeDecodeError:
        with path.open("rb") as handle:  # the text reader decodes ahead: find the bad byte's line in the bytes
            decode(handle.read(1 << 20), path, CaseFileError)
        raise CaseFileError(phrase("not_utf8", "en", offset="?"), file=path) from None
    except (OSError, pa.ArrowException, csv.Error) as exc:
        raise CaseFileError(f"cannot read the people file: {clean_text(str(exc), 200)}", file=path) from None


def check_columns(path: Path, rulebook: Rulebook) -> list[str]:
    """The fact columns of the file; a column that is neither a fact nor `person_id` stops the run."""
    names = column_names(path)
    if not names:
        raise CaseFileError("the people file has no columns", file=path)
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise CaseFileError(f"the people file has more than one column named {', '.join(twice)}", file=path)
    for name in names:
        if name != ID_COLUMN and name not in rulebook.facts:
            close = [f for f in rulebook.facts if f.startswith(name[:4])][:3]
            raise UnknownFactError(
                f"column {code(name)} is not a fact of the vocabulary",
                file=path,
                hint=("did you mean " + ", ".join(close) + "? " if close else "") + "`tolka facts` lists them all",
            )
    return [name for name in names if name != ID_COLUMN]


def count_rows(path: Path) -> int | None:
    """The number of persons when it is cheap to know (Parquet metadata), else None."""
    if path.suffix.lower() != ".parquet":
        return None
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, pa.ArrowException):
        return None  # the run itself reports what is wrong with the file


def read_batches(path: Path, chunk_size: int) -> Iterator[pa.RecordBatch]:
    """The file as record batches of about `chunk_size` rows, streamed (memory stays bounded)."""
    try:
        if file_format(path) == ".parquet":
            yield from pq.ParquetFile(path).iter_batches(batch_size=chunk_size)
            return
        names = column_names(path)
        reader = pa_csv.open_csv(
            path,
            read_options=pa_csv.ReadOptions(block_size=1 << 22),
            # Every column as text: values are checked by the vocabulary, not guessed by the reader
            # (a municipality code keeps its leading zero); only an empty cell is null.
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in names}, null_values=[""], strings_can_be_null=True
            ),
        )
        pending: list[pa.RecordBatch] = []
        size = 0
        for batch in reader:
            pending.append(batch)
            size += batch.num_rows
            if size >= chunk_size:
                yield from pa.Table.from_batches(pending).combine_chunks().to_batches(max_chunksize=chunk_size)
                pending, size = [], 0
        if pending:
            yield from pa.Table.from_batches(pending).combine_chunks().to_batches(max_chunksize=chunk_size)
    except pa.ArrowInvalid as exc:  # also text that is not UTF-8
        raise CaseFileError(f"the people file cannot be read: {clean_text(str(exc), 200)}", file=path) from None


def _numeric(fact: Fact, array: pa.Array) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """A numeric column of an integer or number fact, checked in bulk: (known, values, bad messages)."""
    values = array.to_numpy(zero_copy_only=False).astype(np.float64)
    known = ~np.isnan(values)  # null and NaN are unknown (as a data frame writes a missing value)
    bad: dict[int, str] = {}
    if fact.type == "integer":
        for position in np.flatnonzero(known & (values != np.floor(values))):
            bad[int(position)] = f"`{fact.name}` must be a whole number, not {values[position]!r}"
    for position in np.flatnonzero(known & ~np.isfinite(values)):
        bad[int(position)] = f"`{fact.name}` must be a finite number, not {values[position]!r}"
    outside = np.zeros(len(values), dtype=bool)
    if fact.minimum is not None:
        outside |= known & (values < fact.minimum)
    if fact.maximum is not None:
        outside |= known & (values > fact.maximum)
    for position in np.flatnonzero(outside):
        bad.setdefault(int(position), f"`{fact.name}` = {values[position]} is outside {fact.minimum}..{fact.maximum}")
    filled = np.where(known, values, 0)
    return known, filled.astype(np.int64) if fact.type == "integer" else filled, bad


def _distinct(fact: Fact, array: pa.Array) -> tuple[list[Any], np.ndarray, dict[int, str]]:
    """Any other column, checked once per distinct value: (typed distinct values, index per person, bad messages)."""
    if pa.types.is_dictionary(array.type):  # already distinct values plus an index (null: one past the end)
        distinct = array.dictionary.to_pylist() + [None]
        index = array.indices.fill_null(len(distinct) - 1).to_numpy(zero_copy_only=False)
    else:
        unique = pc.unique(array)
        distinct = unique.to_pylist()
        index = pc.index_in(array, value_set=unique).to_numpy(zero_copy_only=False)
    typed: list[Any] = []
    bad_distinct: dict[int, str] = {}
    for position, value in enumerate(distinct):
        try:
            typed.append(coerce_fact(fact, value))
        except CaseError as exc:
            typed.append(None)
            bad_distinct[position] = exc.message + (f" ({exc.hint})" if exc.hint else "")
    bad = {}
    if bad_distinct:
        for person in np.flatnonzero(np.isin(index, list(bad_distinct))):
            bad[int(person)] = bad_distinct[int(index[person])]
    return typed, index, bad


def fact_column(fact: Fact, array: pa.Array, rulebook: Rulebook) -> tuple[Value, dict[int, str]]:
    """The typed column of one fact, and the positions of bad values with their messages."""
    if fact.type in ("integer", "number") and (pa.types.is_integer(array.type) or pa.types.is_floating(array.type)):
        known, values, bad = _numeric(fact, array)
        return (Column(known, values) if known.any() else UNKNOWN), bad
    typed, index, bad = _distinct(fact, array)
    known_distinct = np.array([value is not None for value in typed], dtype=bool)
    if not known_distinct.any():
        return UNKNOWN, bad
    known = known_distinct[index]
    if fact.type in CATEGORICAL_TYPES:
        categories = categories_of(rulebook, fact.name) or tuple(sorted({v for v in typed if v is not None}))
        code_of = {category: code for code, category in enumerate(categories)}
        lookup = np.array([code_of[v] if v is not None else 0 for v in typed], dtype=np.int32)
    elif fact.type == "date":
        lookup = np.array([v.toordinal() if v is not None else EPOCH_ORDINAL for v in typed], dtype=np.int64)
    else:
        dtype = np.int64 if fact.type == "integer" else np.float64
        lookup = np.array([v if v is not None else 0 for v in typed], dtype=dtype)
    return Column(known, lookup[index], categories if fact.type in CATEGORICAL_TYPES else None), bad


def validate(batch: pa.RecordBatch, first_row: int, rulebook: Rulebook, day: dt.date) -> People:
    """Check and type one batch; rows with a bad value are reported, never silently dropped."""
    columns: dict[str, Value] = {}
    bad_values: list[BadValue] = []
    bad_rows = np.zeros(batch.num_rows, dtype=bool)
    for name in batch.schema.names:
        if name == ID_COLUMN:
            continue
        array = batch.column(name)
        column, bad = fact_column(rulebook.facts[name], array, rulebook)
        columns[name] = column
        for position, message in bad.items():
            bad_rows[position] = True
            bad_values.append(BadValue(first_row + position, name, str(array[position].as_py()), message))
    keep = np.flatnonzero(~bad_rows)
    frame = Frame(batch.num_rows, columns, day)
    person_ids = batch.column(ID_COLUMN) if ID_COLUMN in batch.schema.names else None
    if bad_values:
        frame = frame.take(keep)
        person_ids = person_ids.take(pa.array(keep)) if person_ids is not None else None
    bad_values.sort(key=lambda b: (b.row, b.fact))
    return People(frame, first_row + keep.astype(np.int64), person_ids, tuple(bad_values))
