"""A case: a person's situation as facts of the rulebook's vocabulary.

A case file is a YAML or JSON mapping of fact names to values. A fact that is missing, or given as
`null` / `unknown`, is unknown — never false. Anything else that does not fit the vocabulary is an
error naming the fact (the CLI exits with 2).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tolka.boundary import (
    CASE_DEPTH,
    CASE_FILE_BYTES,
    ECHO_CHARS,
    check_tree,
    decode,
    finite_number,
    in_date_range,
    load_json,
    load_yaml,
    parse_date,
    read_limited,
    shown,
)
from tolka.errors import CaseError, CaseFileError, CaseInvalid, FactValueError
from tolka.i18n import translator
from tolka.load.yaml_source import line_of, refuse_tags
from tolka.model.vocabulary import Fact
from tolka.render.labels import as_language, phrase, typed_number
from tolka.rulebook import Rulebook
from tolka.suggest import unknown_fact

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


def coerce_fact(fact: Fact, value: Any, where: str = "", lang: str = "en") -> Any:
    """Check one value against its fact; returns the typed value, or None for unknown.

    Numbers must be finite and within the fact's declared range; dates are YYYY-MM-DD only
    (`boundary.parse_date`). A value quoted in a message is shortened and cleaned (`shown`).
    """
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
        _ = translator(as_language(lang))
        raise FactValueError(
            prefix + _("`{fact}` cannot be {value}", fact=fact.name, value=shown(value)),
            hint=_("allowed values: {values} (or unknown)", values=", ".join(map(str, fact.value_ids))),
        )
    elif fact.type in ("integer", "number"):
        return _number(fact, value, prefix, lang)
    elif fact.type == "date":
        try:
            if isinstance(value, dt.date):
                return in_date_range(value, lang)
            if isinstance(value, str):
                return parse_date(value, lang)
        except ValueError as exc:
            raise FactValueError(prefix + phrase("fact_date", lang, fact=fact.name, reason=exc)) from None
        raise FactValueError(
            prefix + phrase("fact_date", lang, fact=fact.name, reason=phrase("date_form", lang, value=shown(value)))
        )
    elif fact.type == "code":
        text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is not None and len(text) <= ECHO_CHARS and re.fullmatch(fact.pattern or ".*", text):
            return text
        _ = translator(as_language(lang))
        raise FactValueError(
            prefix + _("`{fact}` = {value} does not have the expected form", fact=fact.name, value=shown(value)),
            hint=_(
                "expected a value matching {pattern} (write codes in quotes to keep leading zeros)",
                pattern=fact.pattern,
            ),
        )
    _ = translator(as_language(lang))  # a yes-or-no fact (the other types answered above)
    raise FactValueError(
        prefix + _("`{fact}` is answered yes or no (true or false), not {value}", fact=fact.name, value=shown(value))
    )


def _number(fact: Fact, value: Any, prefix: str, lang: str) -> int | float:
    number = value
    if isinstance(value, str):
        try:
            number = float(value) if fact.type == "number" else int(value)
        except ValueError:  # also a string of more digits than Python converts
            number = None
    if not finite_number(number):
        raise FactValueError(prefix + phrase("fact_number", lang, fact=fact.name, value=shown(value)))
    if fact.type == "integer" and number != int(number):
        raise FactValueError(prefix + phrase("fact_whole", lang, fact=fact.name, value=shown(value)))
    low, high = fact.minimum, fact.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        # Bounds in full and grouped as the reader writes numbers (100 000 000, not 1e+08).
        key = (
            "fact_range"
            if low is not None and high is not None
            else "fact_minimum"
            if low is not None
            else "fact_maximum"
        )
        raise FactValueError(
            prefix
            + phrase(
                key,
                lang,
                fact=fact.name,
                value=typed_number(number, lang),
                low=typed_number(low, lang) if low is not None else "",
                high=typed_number(high, lang) if high is not None else "",
            )
        )
    return int(number) if fact.type == "integer" else float(number)


def case_from_mapping(data: Mapping[str, Any], rulebook: Rulebook, where: str = "case", lang: str = "en") -> Case:
    """Validate a mapping of fact names to values.

    Every fact is checked: one problem raises its own `CaseError` naming the fact (and its line when
    `data` comes from YAML); several raise `CaseInvalid` carrying all of them.
    """
    case, problems = checked_facts(data, rulebook, where, lang)
    raise_all(problems, lang)
    return case


def checked_facts(
    data: Mapping[str, Any], rulebook: Rulebook, where: str = "case", lang: str = "en"
) -> tuple[Case, list[CaseError]]:
    """The facts of `data` that are valid, as a case, and a problem for each one that is not (unknown
    fact, bad value), so that a caller can add its own findings and report everything at once."""
    if not isinstance(data, Mapping):
        what = phrase("a_list" if isinstance(data, list) else "a_text" if isinstance(data, str) else "a_value", lang)
        raise CaseFileError((where + ": " if where else "") + phrase("not_mapping", lang, what=what))
    facts: dict[str, Any] = {}
    problems: list[CaseError] = []
    for name, value in data.items():
        try:
            fact = rulebook.facts.get(name) if isinstance(name, str) else None
            if fact is None:
                raise unknown_fact(str(name), rulebook, where, lang)
            typed = coerce_fact(fact, value, where, lang)
        except CaseError as problem:
            problems.append(problem.located(None, line_of(data, [name])))
            continue
        if typed is not None:
            facts[fact.name] = typed
    return Case(facts), problems


def raise_all(problems: list[CaseError], lang: str = "en") -> None:
    """Raise the one problem as it is, several as one `CaseInvalid`; nothing when there are none."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise CaseInvalid(problems, phrase("problems", lang, count=len(problems)))


def case_data(raw: bytes, name: str | Path, lang: str = "en", json_format: bool = False) -> Any:
    """A case file's bytes parsed through the input boundary (encoding, aliases, depth, duplicate
    keys, tags); `name` is what errors call the file. Facts are not checked here."""
    text = decode(raw, name, CaseFileError, lang)
    if json_format:
        data = load_json(text, name, CaseFileError, lang)
    else:
        data = load_yaml(text, name, CaseFileError, aliases=0, depth=CASE_DEPTH, lang=lang)
        try:
            refuse_tags(data, name, CaseFileError)
        except CaseFileError as exc:  # the rule files' words (English, for authors); a case's reader gets hers
            raise CaseFileError(phrase("tag", lang), file=name, line=exc.line, hint=phrase("tag_hint", lang)) from None
        check_tree(data, name, CaseFileError, CASE_DEPTH, lang)
    return {} if data is None else data


def read_case_data(path: Path, lang: str = "en") -> Any:
    """The parsed content of a YAML or JSON case file (`case_data`); facts are not checked yet."""
    raw = read_limited(path, CASE_FILE_BYTES, CaseFileError, lang, "cannot_read_case")
    return case_data(raw, path, lang, json_format=path.suffix == ".json")


def read_case(path: Path, rulebook: Rulebook, lang: str = "en") -> Case:
    """Read a case from a YAML or JSON file (`read_case_data`), every fact checked."""
    data = read_case_data(path, lang)
    try:
        return case_from_mapping(data, rulebook, where="", lang=lang)
    except CaseError as exc:
        raise exc.located(path, None) from None
