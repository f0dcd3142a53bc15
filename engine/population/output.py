"""The results of a population run: one row per person × jurisdiction × support, streamed to disk.

Columns: `row` (the person's row in the people file), `person_id` (when the file has one),
`jurisdiction`, `support`, `status`, `route`, `legal_status`, `rules` (the rules that decide the
status, route and legal status, `;`-separated), `readings` (the points those rules read, as
`point=value`), `missing_facts` and `missing_readings` (what would settle an undetermined answer).
Within each chunk of persons, rows are ordered by jurisdiction, then support, then person.

Text columns are dictionary-encoded: a Parquet file stays small because a run has few distinct
answers. The file is written under a temporary name and renamed when the run succeeds, so a failed
run never leaves a partial file that looks complete.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from tolka.backends.vector.backend import Answer, Plan

ANSWER_COLUMNS = ("status", "route", "legal_status", "rules", "readings", "missing_facts", "missing_readings")
ROWS_PER_WRITE = 1 << 22  # rows gathered before each write (bounds memory, keeps row groups large)


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


class ResultWriter:
    """Writes rows for each chunk of persons as it is evaluated (Parquet or CSV, by the file name)."""

    def __init__(self, path: Path, plan: Plan, person_id_type: pa.DataType | None, metadata: dict[str, str]) -> None:
        self.path = path
        self.plan = plan
        self.csv = path.suffix.lower() == ".csv"
        self._temporary = path.with_name(f".{path.name}.partial")
        self._supports = list(dict.fromkeys(s for supports in plan.supports.values() for s in supports))
        self._support_index = {s: i for i, s in enumerate(self._supports)}
        self._jurisdiction_texts = pa.array(list(plan.jurisdictions), type=pa.string())
        self._support_texts = pa.array(self._supports, type=pa.string())
        self._columns = [_Dictionary() for _ in ANSWER_COLUMNS]
        fields = [pa.field("row", pa.int64())]
        if person_id_type is not None:
            fields.append(pa.field("person_id", person_id_type))
        text = pa.dictionary(pa.int32(), pa.string())
        fields += [pa.field(name, text) for name in ("jurisdiction", "support", *ANSWER_COLUMNS)]
        self.schema = pa.schema(fields, metadata=metadata)
        self._writer = (
            pa_csv.CSVWriter(self._temporary, self.schema)
            if self.csv
            else pq.ParquetWriter(self._temporary, self.schema, compression="zstd")
        )
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0
        self.rows_written = 0

    def _learn(self, answers: Sequence[Answer]) -> None:
        """Extend the per-column dictionaries to every answer id known so far."""
        known = len(self._columns[0].of_answer)
        texts = [answer_texts(a) for a in answers[known:]]
        for position, column in enumerate(self._columns):
            column.extend([t[position] for t in texts])

    def write(
        self,
        rows: np.ndarray,
        person_ids: pa.Array | None,
        by_situation: Sequence[np.ndarray],
        answers: Sequence[Answer],
    ) -> None:
        """Rows for one chunk: `by_situation[i]` is every person's answer id in the plan's situation i."""
        self._learn(answers)
        lookups = [np.asarray(column.of_answer, dtype=np.int32) for column in self._columns]
        nullable = [bool((lookup < 0).any()) for lookup in lookups]
        dictionaries = [pa.array(column.texts, type=pa.string()) for column in self._columns]
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
            self._pending.append(pa.RecordBatch.from_arrays(columns, schema=self.schema))
            self._pending_rows += count
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
