"""The JSON Schemas of every output, generated from the models that produce the output.

`tolka schema NAME` prints one, `tolka schema --write docs/schema` writes them all, and `tolka
serve` answers `GET /schema/NAME.json`. tests/unit/test_contract.py keeps docs/schema/ equal to
what the models generate, and asks for a docs/CHANGELOG.md entry whenever that changes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from tolka.errors import UnknownIdError
from tolka.i18n import N_
from tolka.model import contract as C
from tolka.model.outcome import SCHEMA_VERSION

# output name → the model of its JSON (the command or endpoint it belongs to is in the model's docstring)
SCHEMAS: dict[str, type[BaseModel]] = {
    "evaluate": C.EvaluationOut,
    "compare": C.ComparisonOut,
    "diff-dates": C.DateDiffOut,
    "diff-jurisdictions": C.JurisdictionDiffOut,
    "mandate": C.MandateOut,
    "brief": C.BriefOut,
    "next-questions": C.NextQuestionsOut,
    "rules": C.RulesOut,
    "limits": C.LimitsOut,
    "readings": C.ReadingsOut,
    "jurisdictions": C.JurisdictionsOut,
    "coverage": C.CoverageOut,
    "facts": C.FactsOut,
    "supports": C.SupportsOut,
    "parameters": C.ParametersOut,
    "population-row": C.PopulationRowOut,
    "population-summary-row": C.PopulationSummaryRowOut,
}

SCHEMA_BASE = "https://tolka.invalid/schema/"  # a stable, never-resolved id base; `tolka serve` serves /schema/


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the output `name`."""
    if name not in SCHEMAS:
        raise UnknownIdError(N_("no output called {name}"), hint=N_("one of: {names}"), name=name, names=tuple(SCHEMAS))
    schema = SCHEMAS[name].model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.json",
        "x-schema-version": SCHEMA_VERSION,
        **schema,
    }


def schema_text(name: str) -> str:
    """The schema as committed in docs/schema/: indented, keys in a stable order, final newline."""
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schemas_fingerprint() -> str:
    """A short hash of every schema: docs/CHANGELOG.md names it under the current schema_version."""
    digest = hashlib.sha256("".join(schema_text(name) for name in sorted(SCHEMAS)).encode())
    return digest.hexdigest()[:12]


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema to `folder/NAME.json`, removing schemas of outputs that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / f"{name}.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    for stale in set(folder.glob("*.json")) - set(written):
        stale.unlink()
    return written
