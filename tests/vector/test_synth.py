"""Synthetic populations: reproducible, within the documented distributions, and checked configs."""

from __future__ import annotations

import datetime as dt
import textwrap

import pyarrow.parquet as pq
import pytest

from tolka.errors import CaseError
from tolka.population.run import run_population
from tolka.population.summary import read_summary
from tolka.population.synth import DEFAULT_CONFIG, load_config, write_population, years_before

DAY = dt.date(2024, 2, 29)


@pytest.fixture
def rulebook(shipped_engine):
    return shipped_engine.rulebook


def test_same_seed_same_people_other_seed_other_people(rulebook, tmp_path):
    paths = [tmp_path / f"{name}.parquet" for name in ("a", "b", "c")]
    for path, seed in zip(paths, (1, 1, 2)):
        write_population(rulebook, DEFAULT_CONFIG, 1500, seed, DAY, path)
    a, b, c = (pq.read_table(p) for p in paths)
    assert a.equals(b) and not a.equals(c)


def test_people_follow_the_distribution_file(rulebook, tmp_path):
    path = tmp_path / "people.parquet"
    write_population(rulebook, DEFAULT_CONFIG, 3000, 9, DAY, path)
    rows = pq.read_table(path).to_pylist()
    youngest, oldest = years_before(DAY, 16), years_before(DAY, 30)
    assert all(oldest < r["birth_date"] <= youngest for r in rows)  # 16–29 on the reference date
    in_school = [r for r in rows if r["current_activity"] == "upper_secondary"]
    assert in_school and all(r["study_form"] in ("none", None) for r in in_school)
    assert all(r["registered_unemployed_since"] is None for r in rows if r["registered_jobseeker"] is not True)
    known = sum(r["goal"] is not None for r in rows) / len(rows)
    assert 0.8 < known < 0.9  # `known: 0.85`


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ("nonsense: {values: {a: 1}}", "`nonsense` is not a fact"),
        ("goal: {values: {fame: 1}}", "`goal` cannot be 'fame'"),
        ("goal: {range: [1, 2]}", "`goal` is a choice among values: it takes `values`, not `range`"),
        (
            "goal: {when: [{if: {current_activity: employed}, values: {work: 1}}]}",
            "a condition can only name `age` \\(after `birth_date`\\) or a fact listed before it",
        ),
        ("goal: {known: 2, values: {work: 1}}", "facts.goal.known: should be at most 1"),
        ("goal: {values: {work: 0}}", "weights must be 0 or more and not all 0"),
    ],
)
def test_a_wrong_distribution_file_is_a_clear_error(rulebook, tmp_path, facts, message):
    config = tmp_path / "config.yaml"
    config.write_text(textwrap.dedent(f"description: test\nfacts:\n  birth_date: {{}}\n  {facts}\n"), encoding="utf-8")
    with pytest.raises(CaseError, match=message):
        load_config(config, rulebook)


def test_the_norwegian_distribution_file_gives_norwegian_persons_without_bad_values(rulebook, tmp_path):
    path = tmp_path / "no.parquet"
    write_population(rulebook, DEFAULT_CONFIG.with_name("young-adults-no.yaml"), 2000, 4, DAY, path)
    table = pq.read_table(path)
    assert "insured_in_sweden" not in table.column_names and "years_insured_in_norway" in table.column_names
    rows = table.to_pylist()
    norwegian = {j.code for j in rulebook.jurisdictions.values() if j.country == "NO" and j.kind == "municipality"}
    assert {r["home_country"] for r in rows} == {"NO"}
    assert {r["home_municipality"] for r in rows} - {None} <= norwegian  # drawn from Norway's 357 municipalities
    assert all(r["aap_since"] is None for r in rows if r["receives_aap"] is not True)
    summary = tmp_path / "summary.csv"
    report = run_population(rulebook, path, ["NO", "NO-0301"], DAY, summary=summary)
    assert report.persons == 2000 and report.rejected == 0
    shares = {
        (r["jurisdiction"], r["support"]): float(r["share"])
        for r in read_summary(summary)
        if r["section"] == "eligibility"
    }
    assert shares["NO", "no_aap"] > 0 and shares["NO", "no_lanekassen"] > 0  # the Norwegian facts reach the rules
