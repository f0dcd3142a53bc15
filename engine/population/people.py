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
from tolka.boundary import clean_text, code
from tolka.case import coerce_fact
from tolka.errors import CaseError, PeopleFileError, UnknownFactError, os_reason
from tolka.i18n import N_
from tolka.model.vocabulary import Fact
from tolka.render.labels import MESSAGES
from tolka.rulebook import Rulebook
from tolka.suggest import MESSAGES as SUGGESTIONS
from tolka.suggest import nearest

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
    """`.csv` or `.parquet`, from the file name; anything else is a `PeopleFileError`."""
    suffix = path.suffix.lower()
    if not suffix:
        raise PeopleFileError(N_("a people file is .csv or .parquet; this name has no suffix"), file=path)
    if suffix not in FORMATS:
        raise PeopleFileError(N_("a people file is .csv or .parquet, not {suffix}"), file=path, suffix=suffix)
    return suffix


def unreadable(path: Path, exc: Exception) -> PeopleFileError:
    """The error for a people file the system or the CSV or Parquet reader cannot read. The system's
    reason is worded in the reader's language (`os_reason`); the reader's own detail (Arrow's
    English, naming a row or column) is quoted as data, as a YAML syntax error's is."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return PeopleFileError(N_("cannot read the people file: {reason}"), file=path, reason=os_reason(exc))
    kind = "Parquet" if path.suffix.lower() == ".parquet" else "CSV"
    return PeopleFileError(
        N_("the people file is not valid {format}; the reader reports: {detail}"),
        file=path,
        format=kind,
        detail=clean_text(str(exc), 200),
    )


def not_utf8(path: Path) -> PeopleFileError:
    """The error for a CSV file that is not UTF-8, at the line of its first bad byte (in the first MiB)."""
    with path.open("rb") as handle:
        data = handle.read(1 << 20)
    try:
        data.decode("utf-8")
        offset, line = len(data), None  # beyond what was read here: the text reader decodes ahead
    except UnicodeDecodeError as exc:
        offset, line = exc.start, data[: exc.start].count(b"\n") + 1
    return PeopleFileError(MESSAGES["not_utf8"], file=path, line=line, offset=offset, hint=MESSAGES["not_utf8_hint"])


def column_names(path: Path) -> list[str]:
    """The column names of a people file (read from the header or the Parquet schema)."""
    try:
        if file_format(path) == ".parquet":
            return list(pq.ParquetFile(path).schema_arrow.names)
        with path.open(newline="", encoding="utf-8-sig") as handle:  # a spreadsheet's byte-order mark is not a name
            return next(csv.reader(handle), [])
    except UnicodeDecodeError:  # the text reader decodes ahead: find the bad byte's line in the bytes
        raise not_utf8(path) from None
    except (OSError, pa.ArrowException, csv.Error) as exc:
        raise unreadable(path, exc) from None


def check_columns(path: Path, rulebook: Rulebook) -> list[str]:
    """The fact columns of the file; a column that is neither a fact nor `person_id` stops the run."""
    names = column_names(path)
    if not names:
        raise PeopleFileError(N_("the people file has no columns"), file=path)
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise PeopleFileError(
            N_("the people file has more than one column named {names}"), file=path, names=tuple(map(code, twice))
        )
    for name in names:
        if name != ID_COLUMN and name not in rulebook.facts:
            close = tuple(code(fact) for fact in nearest(name, rulebook.facts))
            raise UnknownFactError(
                N_("column {name} is not a fact of the vocabulary"),
                file=path,
                hint=N_("did you mean {names}? `{command}` lists them all") if close else SUGGESTIONS["listed_by"],
                name=code(name),
                names=close,
                command="tolka facts",
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
        raise unreadable(path, exc) from None


def _numeric(fact: Fact, array: pa.Array, lang: str) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """A numeric column of an integer or number fact, checked in bulk: (known, values, bad messages).
    A value that fails is checked again by `coerce_fact`, so its message is a case file's, in `lang`."""
    values = array.to_numpy(zero_copy_only=False).astype(np.float64)
    known = ~np.isnan(values)  # null and NaN are unknown (as a data frame writes a missing value)
    suspect = known & ~np.isfinite(values)
    if fact.type == "integer":
        suspect |= known & (values != np.floor(values))
    if fact.minimum is not None:
        suspect |= known & (values < fact.minimum)
    if fact.maximum is not None:
        suspect |= known & (values > fact.maximum)
    bad: dict[int, str] = {}
    for position in np.flatnonzero(suspect):
        problem = _problem(fact, values[position].item(), lang)
        if problem is not None:
            bad[int(position)] = problem
    filled = np.where(known, values, 0)
    return known, filled.astype(np.int64) if fact.type == "integer" else filled, bad


def _problem(fact: Fact, value: Any, lang: str) -> str | None:
    """What is wrong with `value` for `fact`, worded in `lang` as for a case file (None: nothing)."""
    try:
        coerce_fact(fact, value, lang=lang)
    except CaseError as exc:
        return exc.message + (f" ({exc.hint})" if exc.hint else "")
    return None


def _distinct(fact: Fact, array: pa.Array, lang: str) -> tuple[list[Any], np.ndarray, dict[int, str]]:
    """Any other column, checked once per distinct value: (typed distinct values, index per person,
    bad messages in `lang`)."""
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
            typed.append(coerce_fact(fact, value, lang=lang))
        except CaseError as exc:
            typed.append(None)
            bad_distinct[position] = exc.message + (f" ({exc.hint})" if exc.hint else "")
    bad = {}
    if bad_distinct:
        for person in np.flatnonzero(np.isin(index, list(bad_distinct))):
            bad[int(person)] = bad_distinct[int(index[person])]
    return typed, index, bad


def fact_column(fact: Fact, array: pa.Array, rulebook: Rulebook, lang: str = "en") -> tuple[Value, dict[int, str]]:
    """The typed column of one fact, and the positions of bad values with their messages in `lang`."""
    if fact.type in ("integer", "number") and (pa.types.is_integer(array.type) or pa.types.is_floating(array.type)):
        known, values, bad = _numeric(fact, array, lang)
        return (Column(known, values) if known.any() else UNKNOWN), bad
    typed, index, bad = _distinct(fact, array, lang)
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


def validate(batch: pa.RecordBatch, first_row: int, rulebook: Rulebook, day: dt.date, lang: str = "en") -> People:
    """Check and type one batch; rows with a bad value are reported (why, in `lang`), never silently dropped."""
    columns: dict[str, Value] = {}
    bad_values: list[BadValue] = []
    bad_rows = np.zeros(batch.num_rows, dtype=bool)
    for name in batch.schema.names:
        if name == ID_COLUMN:
            continue
        array = batch.column(name)
        column, bad = fact_column(rulebook.facts[name], array, rulebook, lang)
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
