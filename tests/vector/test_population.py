"""Population runs on the mini rulebook: answers, differences and their causes, bad rows, formats.

Every row of the results is compared with the durable_rules back end; the difference between the
strict and the lenient municipality must be traced to the one point they read differently.
"""

from __future__ import annotations

import csv
import datetime as dt
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from tolka.backends.vector.backend import answer_of
from tolka.case import case_from_mapping
from tolka.errors import FactValueError, UnknownFactError
from tolka.evaluate import Engine
from tolka.jurisdictions import reading_values, resolve_readings
from tolka.load import load_rulebook
from tolka.population.output import ANSWER_COLUMNS, answer_texts
from tolka.population.run import run_population
from tolka.population.summary import read_summary

DAY = dt.date(2025, 9, 1)
PLACES = ["SE", "SE-0001", "SE-0002"]
PEOPLE = """\
    person_id,birth_date,lacks_means,activity
    p1,2000-01-01,true,studying
    p2,2000-01-01,true,working
    p3,2010-01-01,true,studying
    p4,,true,studying
    p5,2000-01-01,maybe,working
    p6,2000-02-30,true,working
    p7,okänt,unknown,
"""


@pytest.fixture
def engine(mini) -> Engine:
    return Engine(load_rulebook(mini))


@pytest.fixture
def people(tmp_path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(textwrap.dedent(PEOPLE), encoding="utf-8")
    return path


def _rete_texts(engine: Engine, facts: dict, place: str) -> tuple:
    case = case_from_mapping({k: v for k, v in facts.items() if v not in (None, "")}, engine.rulebook)
    values = reading_values(resolve_readings(engine.rulebook, place, DAY))
    return answer_texts(answer_of(engine.decide(case, place, DAY)["money"], values))


def test_results_agree_with_rete_and_bad_rows_are_reported(engine, people, tmp_path):
    out, summary = tmp_path / "results.parquet", tmp_path / "summary.csv"
    report = run_population(engine.rulebook, people, PLACES, DAY, out=out, summary=summary)
    assert (report.persons, report.rejected, report.rows_written) == (5, 2, 15)
    with (tmp_path / "results.rejected.csv").open(encoding="utf-8") as handle:
        rejected = list(csv.DictReader(handle))
    assert [(r["row"], r["fact"], r["value"]) for r in rejected] == [
        ("5", "lacks_means", "maybe"),
        ("6", "birth_date", "2000-02-30"),
    ]
    assert rejected[0]["message"] == "`lacks_means` is answered yes or no (true or false), not 'maybe'"
    assert rejected[1]["message"].startswith("`birth_date` must be a date YYYY-MM-DD")
    rows = pq.read_table(out).to_pylist()
    source = {
        i + 1: dict(zip(["person_id", "birth_date", "lacks_means", "activity"], line.split(",")))
        for i, line in enumerate(textwrap.dedent(PEOPLE).splitlines()[1:])
    }
    for row in rows:
        facts = {k: v for k, v in source[row["row"]].items() if k != "person_id"}
        assert row["person_id"] == source[row["row"]]["person_id"]
        assert tuple(row[c] for c in ANSWER_COLUMNS) == _rete_texts(engine, facts, row["jurisdiction"]), row
    assert {r["row"] for r in rows} == {1, 2, 3, 4, 7}


def test_summary_counts_differences_and_their_cause(engine, people, tmp_path):
    summary = tmp_path / "summary.csv"
    run_population(engine.rulebook, people, ["SE-0001", "SE-0002"], DAY, summary=summary)
    rows = read_summary(summary)
    strict = next(r for r in rows if r["section"] == "eligibility" and r["jurisdiction"] == "SE-0001")
    lenient = next(r for r in rows if r["section"] == "eligibility" and r["jurisdiction"] == "SE-0002")
    assert (strict["count"], lenient["count"], strict["persons"]) == ("1", "2", "5")  # p2; p1 and p2
    assert strict["undetermined"] == "1" and lenient["undetermined"] == "2"  # p7; p4 and p7
    differing = {r["support"]: r["count"] for r in rows if r["section"] == "differences"}
    assert differing == {"money": "2", "*": "2"}  # p1 and p4
    causes = {(r["point"], r["support"]): r["count"] for r in rows if r["section"] == "causes"}
    assert causes == {("studies_allowed", "money"): "2", ("studies_allowed", "*"): "2"}
    assert next(r for r in rows if r["section"] == "rejected")["count"] == "2"


def test_bad_rows_can_stop_the_run_and_leave_no_results(engine, people, tmp_path):
    out = tmp_path / "results.parquet"
    with pytest.raises(
        FactValueError, match=r"row 5: `lacks_means` is answered yes or no \(true or false\), not .maybe."
    ):
        run_population(engine.rulebook, people, PLACES, DAY, out=out, bad_rows="stop")
    assert list(tmp_path.glob("*results*")) == []


def test_a_column_that_is_no_fact_stops_the_run(engine, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("lacks_money\ntrue\n", encoding="utf-8")
    with pytest.raises(UnknownFactError, match="column `lacks_money` is not a fact"):
        run_population(engine.rulebook, path, PLACES, DAY, summary=tmp_path / "s.csv")


def test_chunks_formats_and_parquet_input_give_the_same_results(engine, people, tmp_path):
    whole = tmp_path / "whole.csv"
    run_population(engine.rulebook, people, PLACES, DAY, out=whole, summary=tmp_path / "a.csv")
    pieces = tmp_path / "pieces.csv"
    run_population(engine.rulebook, people, PLACES, DAY, out=pieces, summary=tmp_path / "b.csv", chunk_size=2)
    key = lambda r: (r["row"], r["jurisdiction"])  # noqa: E731  chunking changes the order of rows, not their content
    read = lambda p: sorted(pa_csv.read_csv(p).to_pylist(), key=key)  # noqa: E731
    assert read(whole) == read(pieces)
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()
    options = pa_csv.ConvertOptions(column_types={"birth_date": pa.string()}, strings_can_be_null=True)
    table = pa_csv.read_csv(people, convert_options=options)  # typed columns (booleans), nulls for empty cells
    parquet_people = tmp_path / "people.parquet"
    pq.write_table(table, parquet_people)
    from_parquet = tmp_path / "from_parquet.csv"
    run_population(engine.rulebook, parquet_people, PLACES, DAY, out=from_parquet)
    assert read(from_parquet) == read(whole)


def test_a_difference_from_a_local_rule_is_counted_as_other(mini, tmp_path):
    local_rule = """\
        rules:
          - id: lenient.money.working
            support: money
            when: activity == "working" and not lacks_means
            then: {status: eligible_after_decision}
            cites: [testlaw.1.1]
    """
    with (mini / "jurisdictions" / "lenient.yaml").open("a", encoding="utf-8") as handle:
        handle.write(textwrap.dedent(local_rule))
    rulebook = load_rulebook(mini)
    people = tmp_path / "people.csv"
    people.write_text(
        "birth_date,lacks_means,activity\n2000-01-01,false,working\n2000-01-01,true,studying\n", encoding="utf-8"
    )
    summary = tmp_path / "summary.csv"
    run_population(rulebook, people, ["SE-0001", "SE-0002"], DAY, summary=summary)
    causes = {(r["point"], r["support"]): r["count"] for r in read_summary(summary) if r["section"] == "causes"}
    assert causes == {
        ("(other)", "money"): "1",
        ("(other)", "*"): "1",
        ("studies_allowed", "money"): "1",
        ("studies_allowed", "*"): "1",
    }
