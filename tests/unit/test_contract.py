"""The published JSON contract: every output validates against its committed schema, the committed
schemas are what the models generate, and a schema change comes with a changelog entry."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tolka.cli import cli
from tolka.model.outcome import SCHEMA_VERSION
from tolka.schema import SCHEMAS, json_schema, schema_text, schemas_fingerprint

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "docs" / "schema"
CASE = REPO / "examples" / "cases" / "amira-19-psychosis-upper-secondary.yaml"
IDA = REPO / "examples" / "cases" / "no-ida-24-aap.yaml"
DAY = "2025-09-01"

# output name → the command whose --format json it is
COMMANDS: list[tuple[str, list[str]]] = [
    ("evaluate", ["evaluate", str(CASE), "-j", "SE-EX-A", "--date", DAY, "--plan"]),
    ("compare", ["compare", str(CASE), "-J", "SE-EX-A,SE-EX-C", "--date", DAY]),
    ("compare", ["compare", str(IDA), "-J", "SE-0180,NO-0301", "--date", "2026-11-23"]),
    ("diff-dates", ["diff", "--from", "2025-06-30", "--to", "2025-07-01"]),
    ("diff-jurisdictions", ["diff", "-J", "SE-EX-A,SE-EX-C", "--date", DAY]),
    ("mandate", ["mandate", "ips", "-j", "SE-EX-B", "--date", DAY]),
    ("brief", ["brief", str(IDA), "-j", "NO-0301", "--date", "2026-11-23"]),
    ("rules", ["rules"]),
    ("limits", ["limits"]),
    ("readings", ["readings", "--date", DAY]),
    ("jurisdictions", ["jurisdictions"]),
    ("coverage", ["coverage", "--country", "SE", "--date", DAY]),
    ("facts", ["facts"]),
    ("supports", ["supports"]),
    ("parameters", ["parameters", "--date", DAY]),
]


def validate(name: str, data: object) -> None:
    jsonschema.validate(data, json_schema(name), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=[" ".join(a[:1] + a[2:3]) for _, a in COMMANDS])
def test_every_command_json_validates_against_its_schema(name, args):
    result = CliRunner().invoke(cli, [*args, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    validate(name, data)
    assert data["schema_version"] == SCHEMA_VERSION


def test_population_rows_and_summary_validate(tmp_path):
    runner = CliRunner()
    people, out, summary = tmp_path / "people.csv", tmp_path / "out.parquet", tmp_path / "summary.csv"
    for args in (
        ["synth", "--n", "40", "--seed", "2", "--out", str(people), "--date", DAY],
        [
            "population",
            str(people),
            "-J",
            "SE-EX-A,SE-EX-C",
            "--date",
            DAY,
            "--out",
            str(out),
            "--summary",
            str(summary),
        ],
    ):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.schema.metadata[b"tolka.schema_version"] == SCHEMA_VERSION.encode()
    for row in table.slice(0, 200).to_pylist():
        validate("population-row", row)
    from tolka.population.summary import COLUMNS

    assert set(COLUMNS) == set(SCHEMAS["population-summary-row"].model_fields)
    with summary.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["schema_version"] == SCHEMA_VERSION for r in rows)
    sections = {r["section"] for r in rows}
    assert {"eligibility", "differences"} <= sections


def test_committed_schemas_are_what_the_models_generate():
    committed = {p.stem for p in SCHEMA_DIR.glob("*.json")}
    assert committed == set(SCHEMAS), "run `tolka schema --write docs/schema`"
    for name in SCHEMAS:
        assert (SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8") == schema_text(name), (
            f"docs/schema/{name}.json is out of date: run `tolka schema --write docs/schema`, and add a "
            "docs/CHANGELOG.md entry (a new schema_version if a client could break)"
        )


def test_a_schema_change_has_a_changelog_entry():
    changelog = (REPO / "docs" / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## schema_version (\S+)", changelog, flags=re.MULTILINE)
    assert headings and headings[0] == SCHEMA_VERSION, "the newest changelog entry names the current schema_version"
    fingerprint = schemas_fingerprint()
    assert f"schemas fingerprint: {fingerprint}" in changelog, (
        f"the schemas changed (fingerprint {fingerprint}): say what changed in docs/CHANGELOG.md and end the entry "
        f"with `schemas fingerprint: {fingerprint}` (`tolka schema --write docs/schema` prints it)"
    )


def test_tolka_schema_prints_and_writes_the_committed_schemas(tmp_path):
    runner = CliRunner()
    printed = runner.invoke(cli, ["schema", "evaluate"], catch_exceptions=False)
    assert printed.exit_code == 0 and printed.output == (SCHEMA_DIR / "evaluate.json").read_text(encoding="utf-8")
    written = runner.invoke(cli, ["schema", "--write", str(tmp_path)], catch_exceptions=False)
    assert written.exit_code == 0 and f"schemas fingerprint: {schemas_fingerprint()}" in written.output
    assert {p.name for p in tmp_path.iterdir()} == {f"{name}.json" for name in SCHEMAS}
    unknown = runner.invoke(cli, ["schema", "nothing"])
    assert unknown.exit_code == 2 and "no output called nothing" in unknown.output
