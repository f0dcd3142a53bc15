"""A case: a person's situation as facts of the rulebook's vocabulary.

A case file is a YAML or JSON mapping of fact names to values. A fact that is missing, or given as
`null` / `unknown`, is unknown — never false. Anything else that does not fit the vocabulary is an
error naming the fact (the CLI exits with 2).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from tolka.errors import CaseFileError, FactValueError, UnknownFactError
from tolka.model.vocabulary import Fact
from tolka.rulebook import Rulebook

UNKNOWN_WORDS = frozenset({"unknown", "okänt", "vet inte", "ukjent"})


@dataclass(frozen=True)
class Case:
    """Known facts of one person, validated against the vocabulary (unknown facts are absent)."""

    facts: Mapping[str, Any]

    def known(self, name: str) -> bool:
        return name in self.facts

    def with_fact(self, name: str, value: Any) -> Case:
        facts = dict(self.facts)
        if value is None:
            facts.pop(name, None)
        else:
            facts[name] = value
        return Case(facts)

    def as_data(self) -> dict[str, Any]:
        """Plain data for saving or JSON: dates as ISO strings, in the order given."""
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.facts.items()}


def coerce_fact(fact: Fact, value: Any, where: str = "") -> Any:
    """Check one value against its fact; returns the typed value, or None for unknown."""
    if value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS):
        return None
    prefix = f"{where}: " if where else ""
    if fact.type == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "yes", "ja", "false", "no", "nej", "nei"):
            return value.lower() in ("true", "yes", "ja")
    elif fact.type == "enum":
        if isinstance(value, str) and value in fact.value_ids:
            return value
        raise FactValueError(
            f"{prefix}`{fact.name}` cannot be {value!r}",
            hint=f"allowed values: {', '.join(fact.value_ids)} (or unknown)",
        )
    elif fact.type in ("integer", "number"):
        number = value
        if isinstance(value, str):
            try:
                number = float(value) if fact.type == "number" else int(value)
            except ValueError:
                number = None
        if isinstance(number, (int, float)) and not isinstance(number, bool):
            if fact.type == "integer" and number != int(number):
                raise FactValueError(f"{prefix}`{fact.name}` must be a whole number, not {value!r}")
            if fact.minimum is not None and number < fact.minimum or fact.maximum is not None and number > fact.maximum:
                raise FactValueError(f"{prefix}`{fact.name}` = {number} is outside {fact.minimum}..{fact.maximum}")
            return int(number) if fact.type == "integer" else float(number)
    elif fact.type == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise FactValueError(f"{prefix}`{fact.name}` must be a date YYYY-MM-DD, not {value!r}")
    elif fact.type == "code":
        text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is not None and re.fullmatch(fact.pattern or ".*", text):
            return text
        raise FactValueError(
            f"{prefix}`{fact.name}` = {value!r} does not have the expected form",
            hint=f"expected a value matching {fact.pattern} (write codes in quotes to keep leading zeros)",
        )
    raise FactValueError(f"{prefix}`{fact.name}` is {fact.type}, not {value!r}")


def case_from_mapping(data: Mapping[str, Any], rulebook: Rulebook, where: str = "case") -> Case:
    """Validate a mapping of fact names to values. Raises a `CaseError` naming the fact."""
    if not isinstance(data, Mapping):
        raise CaseFileError(f"{where} must be a mapping of fact names to values, not {type(data).__name__}")
    facts: dict[str, Any] = {}
    for name, value in data.items():
        fact = rulebook.facts.get(str(name))
        if fact is None:
            close = [f for f in rulebook.facts if f.startswith(str(name)[:4])][:3]
            raise UnknownFactError(
                f"{where}: `{name}` is not a fact of the vocabulary",
                hint=("did you mean " + ", ".join(close) + "? " if close else "") + "`tolka facts` lists them all",
            )
        typed = coerce_fact(fact, value, where)
        if typed is not None:
            facts[fact.name] = typed
    return Case(facts)


def read_case(path: Path, rulebook: Rulebook) -> Case:
    """Read a case from a YAML or JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseFileError(f"cannot read the case file: {exc.strerror}", file=path) from None
    try:
        data = json.loads(text) if path.suffix == ".json" else YAML(typ="safe", pure=True).load(text)
    except (json.JSONDecodeError, YAMLError) as exc:
        raise CaseFileError(
            f"the case file is not valid {'JSON' if path.suffix == '.json' else 'YAML'}: {exc}", file=path
        ) from None
    if data is None:
        data = {}
    try:
        return case_from_mapping(data, rulebook, where=path.name)
    except (UnknownFactError, FactValueError, CaseFileError) as exc:
        raise exc.located(path, None) from None
