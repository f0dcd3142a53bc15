"""The page's case as a file to keep, and read back: a case file the CLI reads too.

The file is the facts given (a "don't know" is `unknown`, which a case file reads as not known),
with the place and date in comments so that `tolka evaluate` reads it unchanged:

    # tolka evaluate case.yaml -j SE-EX-C --date 2025-09-01
    # jurisdiction: SE-EX-C
    # date: 2025-09-01
    birth_date: 2006-03-14
    goal: unknown
"""

from __future__ import annotations

import datetime as dt
import json
import re

from tolka.boundary import parse_date
from tolka.case import UNKNOWN_WORDS, case_data, checked_facts, raise_all
from tolka.errors import CaseError, CaseFileError, UnknownFactError
from tolka.model.common import Language
from tolka.rulebook import Rulebook
from tolka.server.view import PageInput, not_a_question

SETTING = re.compile(r"^#\s*(jurisdiction|date):\s*(\S+)\s*$", re.M)


def _yaml_value(value: str) -> str:
    # Every value the page carries is a plain word, number or date; JSON quoting is valid YAML for the rest.
    return value if re.fullmatch(r"[A-Za-z0-9_.:-]+", value) else json.dumps(value, ensure_ascii=False)


def case_file(state: PageInput, facts: dict[str, str], filename: str) -> str:
    """The YAML case file of `facts` (checked values as text) and the state's "don't know"s."""
    place, day = state.jurisdiction, state.day.isoformat()
    lines = [f"# tolka evaluate {filename} -j {place} --date {day}", f"# jurisdiction: {place}", f"# date: {day}"]
    lines += [f"{name}: {_yaml_value(value)}" for name, value in facts.items()]
    lines += [f"{name}: unknown" for name in state.unknown]
    return "\n".join(lines) + "\n"


def state_of_file(
    raw: bytes, filename: str, rulebook: Rulebook, lang: Language, current: PageInput | None = None
) -> PageInput:
    """The page's state from an uploaded case file; a `CaseError` (every problem at once) when the
    file is not a case file of this rulebook, in `lang`. A file without a place or a date in its
    comments keeps the `current` page's (a case file written by hand has neither)."""
    data = case_data(raw, filename, lang, json_format=filename.endswith(".json"))
    _case, problems = checked_facts(data, rulebook, where="", lang=lang)
    raise_all(_in_words(problems, data, rulebook, lang), lang)  # every bad fact at once
    state = PageInput(lang=lang)
    if current is not None:
        state.jurisdiction, state.day = current.jurisdiction, current.day
    text = raw.decode("utf-8", errors="replace")
    for key, value in SETTING.findall(text):
        if key == "jurisdiction":
            state.jurisdiction = value
        else:
            try:
                state.day = parse_date(value, lang)
            except ValueError as error:
                raise CaseFileError(str(error), file=filename) from None
    for name, value in data.items():
        if value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS):
            state.unknown.append(name)
        elif isinstance(value, bool):
            state.known[name] = "true" if value else "false"
        elif isinstance(value, dt.date):
            state.known[name] = value.isoformat()
        else:
            state.known[name] = str(value)
    return state


def _in_words(problems: list[CaseError], data: dict, rulebook: Rulebook, lang: Language) -> list[CaseError]:
    """The problems of a file, each name that is no fact quoted as the person wrote it (the CLI's
    message names it in `backticks` and points to `tolka facts`, which a page's reader cannot run)."""
    unknown = iter([key for key in data if not (isinstance(key, str) and key in rulebook.facts)])
    return [
        UnknownFactError(not_a_question(str(next(unknown)), rulebook, lang), line=problem.line)
        if isinstance(problem, UnknownFactError)
        else problem
        for problem in problems
    ]
