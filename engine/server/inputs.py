"""Client input checked with the engine's own validators, each problem located at its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from tolka.boundary import code
from tolka.case import Case, case_from_mapping
from tolka.cli.app import jurisdiction_list
from tolka.errors import CaseError, UnknownIdError
from tolka.i18n import N_
from tolka.jurisdictions import default_jurisdiction, jurisdiction
from tolka.model.common import Language
from tolka.plausible import CaseWarning, findings
from tolka.rulebook import Rulebook
from tolka.server.errors import InputError


def check_facts(
    data: Mapping[str, Any], rulebook: Rulebook, prefix: str = "case.", where: str = "case", lang: str = "en"
) -> tuple[Case, dict[str, InputError]]:
    """The valid facts of `data` as a case, and an error per invalid fact (keyed by fact name).

    Facts are checked one at a time with `case_from_mapping` so that each error names its fact;
    an unknown value (`null`, "unknown") leaves the fact out of the case, as in a case file.
    """
    facts: dict[str, Any] = {}
    errors: dict[str, InputError] = {}
    for name, value in data.items():
        try:
            facts.update(case_from_mapping({name: value}, rulebook, where=where, lang=lang).facts)
        except CaseError as error:
            errors[str(name)] = InputError.of(error, f"{prefix}{name}")
    return Case(facts), errors


def valid_case(
    data: Mapping[str, Any], rulebook: Rulebook, day: dt.date, lang: Language = "en"
) -> tuple[Case, list[CaseWarning]]:
    """The case and its plausibility warnings at `day` (in `lang`), or an `InputError` carrying every
    problem at once: each unknown fact or bad value, and each impossible combination, at its fact."""
    case, errors = check_facts(data, rulebook, lang=lang)
    impossible, warnings = findings(case, rulebook, day, lang)
    problems = list(errors.values()) + [InputError.of(problem, f"case.{name}") for name, problem in impossible]
    if problems:
        raise InputError.all_of(problems)
    return case, warnings


def valid_jurisdiction(rulebook: Rulebook, jurisdiction_id: str, field: str = "jurisdiction") -> str:
    """The id if the rulebook has this jurisdiction, else an `InputError` at `field` suggesting close ids."""
    try:
        return jurisdiction(rulebook, jurisdiction_id).id
    except UnknownIdError as error:
        raise InputError.of(error, field) from None


def case_jurisdiction(rulebook: Rulebook, case: Case, jurisdiction_id: str | None) -> str:
    """The jurisdiction asked for, else the case's own (home municipality, else its country)."""
    if jurisdiction_id is not None:
        return valid_jurisdiction(rulebook, jurisdiction_id)
    try:
        return default_jurisdiction(case, rulebook)
    except UnknownIdError as error:
        raise InputError.of(error, "case.home_municipality") from None


def jurisdiction_ids(rulebook: Rulebook, which: list[str] | str, case: Case, field: str = "jurisdictions") -> list[str]:
    """`"all"` (every jurisdiction of the case's country, as in the CLI) or a list of checked ids."""
    if isinstance(which, str):  # the request model admits no other string than "all"
        return jurisdiction_list(rulebook, which, case.facts.get("home_country", "SE"))
    if not which:
        raise InputError(field, N_("give at least one jurisdiction id"))
    return [valid_jurisdiction(rulebook, item, f"{field}.{index}") for index, item in enumerate(which)]


# duplicates: api.readings checks its points alike; a shared helper would need five texts as arguments.
def valid_facts(rulebook: Rulebook, names: Iterable[str], field: str) -> frozenset[str]:
    """Fact names (e.g. facts to skip), each checked against the vocabulary."""
    for index, name in enumerate(names):
        if name not in rulebook.facts:
            raise InputError(
                f"{field}.{index}",
                N_("{name} is not a fact of the vocabulary"),
                kind="unknown fact",
                hint=N_("GET /api/facts lists them"),
                name=code(name),
            )
    return frozenset(names)
