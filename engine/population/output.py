"""The results of a population run, streamed to disk in one of two layouts.

*Long* (`ResultWriter`): one row per person × jurisdiction × support. Columns: `row` (the
person's row in the people file), `person_id` (when the file has one),
`jurisdiction`, `support`, `status`, `route`, `legal_status`, `rules` (the rules that decide the
status, route and legal status, `;`-separated), `readings` (the points those rules read, as
`point=value`), `missing_facts` and `missing_readings` (what would settle an undetermined answer).
Within each chunk of persons, rows are ordered by jurisdiction, then support, then person.

*Compact* (`CompactWriter`): one row per person × situation — the same answer columns, with
`situation` in place of `jurisdiction` and `support` — and a small map, jurisdiction × support →
situation, beside it. Jurisdictions that read the law alike share a situation, so the compact file
is smaller by the number of jurisdiction × support pairs per situation; `tolka.population.compact`
expands it back to the long layout, row for row.

Text columns are dictionary-encoded: a Parquet file stays small because a run has few distinct
answers. The file is written under a temporary name and renamed when the run succeeds, so a failed
run never leaves a partial file that looks complete.
"""

from __future__ import annotations

import csv
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from tolka.backends.vector.backend import Answer, Plan
from tolka.i18n import N_

LAYOUT_KEY, MAP_KEY, COMPACT = "tolka.layout", "tolka.situation_map", "compact"
MAP_COLUMNS = ("jurisdiction", "support", "situation")
ANSWER_COLUMNS = ("status", "route", "legal_status", "rules", "readings", "missing_facts", "missing_readings")
ROWS_PER_WRITE = 1 << 22  # rows gathered before each write (bounds memory, keeps row groups large)
RESULTS_FORMAT = N_("results are written as .parquet or .csv, not {name}")  # a ResultsFileError's message


def answer_texts(answer: Answer) -> tuple[str | None, ...]:
    """The answer as the text of each of `ANSWER_COLUMNS` (None for an empty cell)."""

    def joined(items: Iterable[str]) -> str | None:
        return "; ".join(items) or None

    return (
        answer.status,
        answer.route,
        answer.legal_status,
        joined(answer.rules),
        joined(f"{point}={'unknown' if value is None else value}" for point, value in answer.readings),
        joined(answer.missing_facts),
        joined(answer.missing_readings),
    )


class _Dictionary:
    """Distinct texts of one column and, per answer id, the index of its text (-1 for none)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._index: dict[str, int] = {}
        self.of_answer: list[int] = []

    def extend(self, texts: Sequence[str | None]) -> None:
        """Index the texts of the next answers, in answer-id order."""
        for text in texts:
            self.of_answer.append(-1 if text is None else self._index.setdefault(text, len(self._index)))
            if text is not None and len(self.texts) < len(self._index):
                self.texts.append(text)


def _dictionary_array(indices: np.ndarray, dictionary: pa.Array, nullable: bool) -> pa.DictionaryArray:
    """Indices into `dictionary`; -1 is null (checked only for columns that can be empty)."""
    return pa.DictionaryArray.from_arrays(
        pa.array(indices, type=pa.int32(), mask=indices < 0 if nullable else None), dictionary
    )


class _Writer(ABC):
    """What both layouts share: the answer columns as dictionaries, batching, the temporary name."""

    def __init__(self, path: Path, fields: list[pa.Field], metadata: dict[str, str]) -> None:
        self.path = path
        self.csv = path.suffix.lower() == ".csv"
        self._temporary = path.with_name(f".{path.name}.partial")
        self._columns = [_Dictionary() for _ in ANSWER_COLUMNS]
        text = pa.dictionary(pa.int32(), pa.string())
        self.schema = pa.schema([*fields, *(pa.field(name, text) for name in ANSWER_COLUMNS)], metadata=metadata)
        self._writer = (
            pa_csv.CSVWriter(self._temporary, self.schema)
            if self.csv
            else pq.ParquetWriter(self._temporary, self.schema, compression="zstd")
        )
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0
        self.rows_written = 0

    @abstractmethod
    def write(
        self,
        rows: np.ndarray,
        person_ids: pa.Array | None,
        by_situation: Sequence[np.ndarray],
        answers: Sequence[Answer],
    ) -> None:
        """Rows for one chunk: `by_situation[i]` is every person's answer id in the plan's situation i."""

    def _answer_columns(self, answers: Sequence[Answer]) -> tuple[list[np.ndarray], list[bool], list[pa.Array]]:
        """Per answer column: text index of each answer id, whether any is empty, and the texts."""
        known = len(self._columns[0].of_answer)
        texts = [answer_texts(a) for a in answers[known:]]
        for position, column in enumerate(self._columns):
            column.extend([t[position] for t in texts])
        lookups = [np.asarray(column.of_answer, dtype=np.int32) for column in self._columns]
        nullable = [bool((lookup < 0).any()) for lookup in lookups]
        return lookups, nullable, [pa.array(column.texts, type=pa.string()) for column in self._columns]

    def _add(self, batch: pa.RecordBatch) -> None:
        self._pending.append(batch)
        self._pending_rows += batch.num_rows
        if self._pending_rows >= ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(pa.Table.from_batches(self._pending, schema=self.schema))
            self.rows_written += self._pending_rows
            self._pending, self._pending_rows = [], 0

    def close(self) -> None:
        """Finish the file and give it its name."""
        self._flush()
        self._writer.close()
        os.replace(self._temporary, self.path)

    def abort(self) -> None:
        """Drop the partial file (the run failed)."""
        self._writer.close()
        self._temporary.unlink(missing_ok=True)


def _id_fields(person_id_type: pa.DataType | None) -> list[pa.Field]:
    fields = [pa.field("row", pa.int64())]
    if person_id_type is not None:
        fields.append(pa.field("person_id", person_id_type))
    return fields


class ResultWriter(_Writer):
    """Writes rows for each chunk of persons as it is evaluated (Parquet or CSV, by the file name)."""

    def __init__(self, path: Path, plan: Plan, person_id_type: pa.DataType | None, metadata: dict[str, str]) -> None:
        text = pa.dictionary(pa.int32(), pa.string())
        fields = [*_id_fields(person_id_type), pa.field("jurisdiction", text), pa.field("support", text)]
        super().__init__(path, fields, metadata)
        self.plan = plan
        self._supports = list(dict.fromkeys(s for supports in plan.supports.values() for s in supports))
        self._support_index = {s: i for i, s in enumerate(self._supports)}
        self._jurisdiction_texts = pa.array(list(plan.jurisdictions), type=pa.string())
        self._support_texts = pa.array(self._supports, type=pa.string())

    def write(
        self,
        rows: np.ndarray,
        person_ids: pa.Array | None,
        by_situation: Sequence[np.ndarray],
        answers: Sequence[Answer],
    ) -> None:
        """Rows for one chunk: `by_situation[i]` is every person's answer id in the plan's situation i."""
        lookups, nullable, dictionaries = self._answer_columns(answers)
        # Each situation's text indices once; a jurisdiction's rows are then concatenations.
        texts_of = [[lookup[ids] for lookup in lookups] for ids in by_situation]
        size = len(rows)
        for position, jurisdiction in enumerate(self.plan.jurisdictions):
            own = self.plan.supports[jurisdiction]
            if not own:
                continue
            situations = [self.plan.index[jurisdiction, s] for s in own]
            count = size * len(own)
            columns: list[pa.Array] = [pa.array(np.tile(rows, len(own)))]
            if person_ids is not None:
                columns.append(pa.concat_arrays([person_ids] * len(own)))
            columns.append(_dictionary_array(np.full(count, position, dtype=np.int32), self._jurisdiction_texts, False))
            support_codes = np.repeat(np.array([self._support_index[s] for s in own], dtype=np.int32), size)
            columns.append(_dictionary_array(support_codes, self._support_texts, False))
            for k, texts in enumerate(dictionaries):
                indices = np.concatenate([texts_of[i][k] for i in situations])
                columns.append(_dictionary_array(indices, texts, nullable[k]))
            self._add(pa.RecordBatch.from_arrays(columns, schema=self.schema))


# duplicates: both layouts implement `_Writer`; their constructors and `write` share its signature.
class CompactWriter(_Writer):
    """The compact layout: one row per person × situation, and the jurisdiction × support → situation map.

    Within each chunk of persons, rows are ordered by situation, then person; the map is written
    beside the results (`situation_map_path`) when the run succeeds.
    """

    def __init__(self, path: Path, plan: Plan, person_id_type: pa.DataType | None, metadata: dict[str, str]) -> None:
        self.map_path = situation_map_path(path)
        layout = {LAYOUT_KEY: COMPACT, MAP_KEY: self.map_path.name}
        super().__init__(path, [*_id_fields(person_id_type), pa.field("situation", pa.int32())], metadata | layout)
        self.plan = plan

    def write(
        self,
        rows: np.ndarray,
        person_ids: pa.Array | None,
        by_situation: Sequence[np.ndarray],
        answers: Sequence[Answer],
    ) -> None:
        """Rows for one chunk: `by_situation[i]` is every person's answer id in the plan's situation i."""
        lookups, nullable, dictionaries = self._answer_columns(answers)
        row_array = pa.array(rows)
        for situation, ids in enumerate(by_situation):
            columns: list[pa.Array] = [row_array]
            if person_ids is not None:
                columns.append(person_ids)
            columns.append(pa.array(np.full(len(rows), situation, dtype=np.int32)))
            for k, texts in enumerate(dictionaries):
                columns.append(_dictionary_array(lookups[k][ids], texts, nullable[k]))
            self._add(pa.RecordBatch.from_arrays(columns, schema=self.schema))

    def close(self) -> None:
        """Finish the results and write the situation map beside them."""
        super().close()
        partial = self.map_path.with_name(f".{self.map_path.name}.partial")
        with partial.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(MAP_COLUMNS)
            for jurisdiction in self.plan.jurisdictions:
                for support in self.plan.supports[jurisdiction]:
                    writer.writerow((jurisdiction, support, self.plan.index[jurisdiction, support]))
        os.replace(partial, self.map_path)


def situation_map_path(results: Path) -> Path:
    """`<results name>.situations.csv`, beside the compact results file."""
    return results.with_name(results.name.rsplit(".", 1)[0] + ".situations.csv")
