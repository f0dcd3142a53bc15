"""Plausibility of a case at an evaluation date: facts that are each valid but cannot all be true.

Errors are situations that cannot exist (born after the evaluation date, a period that began
before birth, more insured years than years alive); an answer built on them would be wrong, so
they stop the evaluation like a bad value. Warnings are combinations that are unusual enough to be
a typing mistake but could be real (a period that begins after the evaluation date, attending
upper secondary school after completing it — e.g. a second programme): the answer is given and
the warning shown beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tolka.case import Case, checked_facts, raise_all, read_case_data
from tolka.errors import CaseError, FactValueError
from tolka.render.labels import phrase
from tolka.rulebook import Rulebook


@dataclass(frozen=True)
class CaseWarning:
    """A combination of facts worth a second look; `facts` are the facts it is about."""

    facts: tuple[str, ...]
    message: str


# Pairs of facts whose values contradict each other: (fact, value, other fact, other value, reason key).
CONTRADICTIONS: tuple[tuple[str, object, str, object, str], ...] = (
    ("current_activity", "upper_secondary", "completed_upper_secondary", True, "upper_secondary_twice"),
)


def _age(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def plausibility(case: Case, rulebook: Rulebook, day: dt.date, lang: str = "en") -> list[CaseWarning]:
    """The warnings for `case` at `day`; raises the impossible findings, all at once, as a `CaseError`."""
    found, warnings = findings(case, rulebook, day, lang)
    raise_all([error for _, error in found], lang)
    return warnings


def findings(
    case: Case, rulebook: Rulebook, day: dt.date, lang: str = "en"
) -> tuple[list[tuple[str, CaseError]], list[CaseWarning]]:
    """The impossible findings, each with the fact it is reported at, and the warnings, for `case` at `day`.

    The web form uses the facts to put each problem beside its answer and leave that answer out.
    """
    errors: list[tuple[str, CaseError]] = []
    warnings: list[CaseWarning] = []
    facts = case.facts
    birth = facts.get("birth_date")
    if isinstance(birth, dt.date) and birth > day:
        errors.append(("birth_date", FactValueError(phrase("born_after", lang, birth=birth, day=day))))
    for fact in rulebook.facts.values():
        value = facts.get(fact.name)
        if fact.type != "date" or fact.name == "birth_date" or not isinstance(value, dt.date):
            continue
        if isinstance(birth, dt.date) and value < birth:
            errors.append(
                (fact.name, FactValueError(phrase("before_birth", lang, fact=fact.name, value=value, birth=birth)))
            )
        elif value > day:
            warnings.append(
                CaseWarning((fact.name,), phrase("since_after", lang, fact=fact.name, value=value, day=day))
            )
    years = facts.get("years_insured_in_norway")
    if isinstance(birth, dt.date) and isinstance(years, int) and birth <= day and years > _age(birth, day) + 1:
        message = phrase("insured_longer_than_alive", lang, years=years, age=_age(birth, day))
        errors.append(("years_insured_in_norway", FactValueError(message)))
    for first, first_value, second, second_value, reason in CONTRADICTIONS:
        if facts.get(first) == first_value and facts.get(second) == second_value:
            message = phrase("contradiction", lang, first=first, second=second, why=phrase(reason, lang))
            warnings.append(CaseWarning((first, second), message))
    return errors, warnings


def check_case_file(
    path: Path, rulebook: Rulebook, day: dt.date, lang: str = "en"
) -> tuple[Case, list[CaseError], list[CaseWarning]]:
    """The valid facts of the case in `path`, every problem with it (bad values, unknown facts,
    impossible combinations of the valid facts at `day`) and its warnings — all at once.

    A file that cannot be read or parsed at all raises its one error, naming the file."""
    data = read_case_data(path, lang)
    try:
        case, problems = checked_facts(data, rulebook, "", lang)
    except CaseError as exc:  # not a mapping at all: nothing else can be checked
        raise exc.located(path, None) from None
    found, warnings = findings(case, rulebook, day, lang)
    problems += [error for _, error in found]
    return case, [problem.located(path, None) for problem in problems], warnings


def read_plausible_case(
    path: Path, rulebook: Rulebook, day: dt.date, lang: str = "en"
) -> tuple[Case, list[CaseWarning]]:
    """The case in `path` and its warnings at `day`; every error (bad value or impossible
    combination) is raised at once, naming the file."""
    case, problems, warnings = check_case_file(path, rulebook, day, lang)
    try:
        raise_all(problems, lang)
    except CaseError as exc:
        raise exc.located(path, None) from None
    return case, warnings
