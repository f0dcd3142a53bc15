"""What the web page shows: the page's state read from its address, and everything the templates draw.

The whole case lives in the address (`known.<fact>=value`, `?` for "don't know", the place, the
date and the language): the form is sent with GET, so a reload, the back button, a language
switch and a bookmark all keep it, and the server keeps nothing. Each step: read the answers, check
them with the engine's validators, evaluate, explain, plan, and rank the next questions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import ImmutableMultiDict

from tolka.boundary import clean_text, parse_date
from tolka.budget import budget
from tolka.case import Case
from tolka.compare import signature
from tolka.evaluate import Engine
from tolka.explain import EXPLAINED, Explanation, explain, explain_outcome
from tolka.i18n import translator
from tolka.model.common import Language
from tolka.model.outcome import Evaluation
from tolka.model.vocabulary import Fact
from tolka.plan import Plan, action_plan
from tolka.plausible import CaseWarning, findings
from tolka.questions import next_questions
from tolka.render.amounts_view import budget_blocks, number_text
from tolka.render.blocks import Block
from tolka.render.labels import COUNTRY, KIND, PAGE, STATUS, as_language, fact_value_label, word
from tolka.rulebook import Rulebook
from tolka.server.errors import InputError
from tolka.server.inputs import check_facts, valid_jurisdiction
from tolka.suggest import nearest

QUOTES: dict[str, str] = {"sv": "”{}”", "nb": "«{}»", "en": "“{}”"}  # a question quoted in a sentence
FACT_NAME = re.compile(r"`([a-z][a-z0-9_]*)`")  # Accept-Language codes answered with the Bokmål page
ECHOED = re.compile(r"'([^'\n]*)'")  # a value quoted by boundary.shown (sv and nb write no apostrophes)
DONT_KNOW = "?"  # the value of every "don't know" choice
QUESTIONS_PER_PAGE = 3
SUPPORTS_NAMED = 3  # a question names this many of the outcomes it settles
RADIO_LIMIT = 8  # choice facts with more values than this are asked with a <select>
# The page's own order of jurisdiction kinds, not the model's (model.jurisdiction.JurisdictionKind):
# the example units, the places a first visitor tries, come right after the countries.
KIND_ORDER = (
    "country",
    "example_unit",
    "region",
    "county",
    "municipality",
    "kommunalforbund",
    "samordningsforbund",
    "nav_office",
)


@dataclass
class PageInput:
    """The page's state: where, when, what is known and what is not — all of it in the address.

    `asked` names the questions the previous page showed (so the page can say what their answers
    changed), `edit` a fact whose answer is being changed (asked first, prefilled).
    """

    lang: Language
    jurisdiction: str = "SE"
    day: dt.date = field(default_factory=dt.date.today)
    known: dict[str, str] = field(default_factory=dict)  # fact → value as typed (checked later)
    unknown: list[str] = field(default_factory=list)  # facts answered "don't know"
    asked: list[str] = field(default_factory=list)
    edit: str | None = None
    explain: str | None = None  # the support whose "what would change" was asked for
    errors: dict[str, InputError] = field(default_factory=dict)  # by form field name

    def query(self, **changes: str | None) -> str:
        """The address's query for this state (facts, "don't know"s, place, date, language), with
        `changes` (`lang`, `edit`, `explain`) applied; what a link or a download needs to rebuild it."""
        items = [("lang", changes.get("lang") or self.lang), ("jurisdiction", self.jurisdiction)]
        items.append(("date", self.day.isoformat()))
        items += [(f"known.{name}", value) for name, value in self.known.items()]
        items += [(f"known.{name}", DONT_KNOW) for name in self.unknown]
        items += [(key, value) for key in ("edit", "explain") if (value := changes.get(key))]
        return urlencode(items)


def size_text(size: int, lang: Language) -> str:
    """A size in bytes as a reader says it: "64 kilobyte" (sv, nb), "64 kilobytes", "900 byte"."""
    _ = translator(lang, "web")
    if size >= 1024 and size % 1024 == 0:
        count = size // 1024
        return _.ngettext("{size} kilobyte", "{size} kilobytes", count, size=number_text(count, lang))
    return _.ngettext("{size} byte", "{size} bytes", size, size=number_text(size, lang))


def not_a_question(key: str, rulebook: Rulebook, lang: Language) -> str:
    """The sentence for a name in a case (a file's line, the address) that is none of the facts: the
    name as the person wrote it, quoted, and the question it most looks like — never `backticks`."""
    _ = translator(lang, "web")
    written = QUOTES[lang].format(clean_text(key))
    near = nearest(key, rulebook.facts, 1)
    if near:
        question = QUOTES[lang].format(rulebook.facts[near[0]].question.get(lang))
        return _("{key} is not one of tolka's questions; it looks like {question}", key=written, question=question)
    return _("{key} is not one of tolka's questions: correct or remove it", key=written)


def page_jurisdiction(rulebook: Rulebook, typed: str, lang: Language, field: str = "jurisdiction") -> str:
    """The id of the jurisdiction `typed` (from the page's address), else an `InputError` at `field`
    in the page's words: the place as written, and the list to choose from (the API's error points
    to `tolka jurisdictions`, which a page's reader cannot run)."""
    try:
        return valid_jurisdiction(rulebook, typed, field)
    except InputError:
        _ = translator(lang, "web")
        place = QUOTES[lang].format(clean_text(typed))
        message = _("{place} is not a place tolka knows: choose one in the list.", place=place)
        raise InputError(field, message, kind="unknown jurisdiction") from None


def read_state(params: ImmutableMultiDict, lang: Language) -> PageInput:
    """The page's state from the query (or an upload's rebuilt query).

    Every answer is a `known.<fact>` parameter; `?` means "don't know". A question on the page uses
    the same name as the answer it gives, so submitting the form yields the new state directly.
    """
    state = PageInput(lang=lang, jurisdiction=(params.get("jurisdiction") or "SE").strip() or "SE")
    text = (params.get("date") or "").strip()
    if text:
        try:
            state.day = parse_date(text, lang)
        except ValueError as error:
            state.errors["date"] = InputError("date", str(error))
    values: dict[str, list[str]] = {}
    for key, value in params.multi_items():
        if key.startswith("known.") and isinstance(value, str):
            values.setdefault(key[6:], []).append(value.strip())
    for name, given in values.items():
        if DONT_KNOW in given:  # a "don't know" box ticked beside a typed value wins
            state.unknown.append(name)
        elif typed := [value for value in given if value]:
            state.known[name] = typed[-1]
    state.asked = [name for name in params.getlist("asked") if isinstance(name, str)]
    edit, explain_support = params.get("edit"), params.get("explain")
    state.edit = edit if isinstance(edit, str) and edit else None
    state.explain = explain_support if isinstance(explain_support, str) and explain_support else None
    return state


@dataclass
class QuestionView:
    fact: Fact
    text: str
    control: str  # radio | select | date | number | text
    choices: list[tuple[str, str]]  # value, label
    hint: str
    value: str = ""  # the answer given so far (being changed) or typed wrongly; `?` for "don't know"
    error: str | None = None


@dataclass(frozen=True)
class Change:
    """An outcome the last answers changed: its status before and after."""

    support: str
    name: str
    before: str
    after: str


@dataclass
class Page:
    """Everything the page template draws."""

    lang: Language
    state: PageInput
    jurisdiction_groups: list[tuple[str, list[tuple[str, str]]]]
    evaluation: Evaluation
    explanations: dict[str, Explanation]
    plan: Plan
    questions: list[QuestionView]
    answers: list[tuple[str, str, str]]  # fact, question, answer
    unknown: list[tuple[str, str]]  # fact, question
    carried: list[tuple[str, str]]  # hidden inputs: fact, value (`?` for "don't know")
    errors: list[tuple[str, str, InputError]]  # anchor on the page, what it is about, the error
    warnings: list[CaseWarning]
    changes: list[Change]
    questions_left: int  # unknown facts some outcome still waits for (not those answered "don't know")
    support_names: dict[str, str]
    point_questions: dict[str, str]
    fact_questions: dict[str, str]
    explained_statuses: tuple[str, ...] = EXPLAINED
    upload_errors: list[str] = field(default_factory=list)  # a case file refused, shown beside the upload
    budget: list[Block] = field(default_factory=list)  # the monthly budget, as `tolka evaluate --budget` draws it

    @property
    def with_amounts(self) -> bool:
        """Whether any outcome has an amount (the outcome table then has an amount column)."""
        return any(o.amount is not None for o in self.evaluation.outcomes)

    def t(self, key: str, **values: Any) -> str:
        """A page word in the page's language."""
        return word(PAGE, key, self.lang).format(**values)

    def status_counts(self) -> list[tuple[str, int]]:
        """How many supports have each status, in the order of STATUS (for the line under the questions)."""
        counts: Counter[str] = Counter(o.status for o in self.evaluation.outcomes)
        return [(status, counts[status]) for status in STATUS if counts[status]]

    def words(self, message: str) -> str:
        """An engine message for the page: each `fact` it names becomes the fact's question, quoted
        (the CLI's messages name facts as they are written in a case file)."""

        def question(match: re.Match[str]) -> str:
            text = self.fact_questions.get(match.group(1))
            return QUOTES[self.lang].format(text) if text else match.group(0)

        if self.lang != "en":  # a value the engine echoes as '14/3/2006' gets the language's quotation marks
            message = ECHOED.sub(lambda match: QUOTES[self.lang].format(match.group(1)), message)
        return FACT_NAME.sub(question, message)

    def supports(self, ids: list[str]) -> str:
        """Support names, for lists of ids in the plan."""
        return ", ".join(self.support_names[i] for i in ids)

    def link(self, **changes: str | None) -> str:
        """This page's address with `changes` (`lang`, `edit`, `explain`)."""
        return "/?" + self.state.query(**changes)

    switch_action = "/"  # where the language switch sends the form

    # duplicates: read-only properties the templates use look alike by necessity.
    @property
    def version(self) -> str:
        return self.evaluation.tolka_version

    @property
    def fingerprint(self) -> str:
        return self.evaluation.rulebook_fingerprint

    @property
    def changed(self) -> set[str]:
        return {change.support for change in self.changes}


def jurisdiction_groups(engine: Engine, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The jurisdiction choices grouped by country and kind; example units say they are examples."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for place in engine.rulebook.jurisdictions.values():
        label = f"{place.name} ({place.id})"
        if place.example:
            label += f" — {word(PAGE, 'example_mark', lang)}"
        groups.setdefault((place.country, place.kind), []).append((place.id, label))
    order = {kind: index for index, kind in enumerate(KIND_ORDER)}
    out = []
    for country, kind in sorted(groups, key=lambda key: (key[0] != "SE", key[0], order.get(key[1], len(order)))):
        choices = sorted(groups[(country, kind)], key=lambda choice: choice[1])
        out.append((f"{word(COUNTRY, country, lang)} — {word(KIND, kind, lang)}", choices))
    return out


def _carried_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _question_view(engine: Engine, name: str, hint: str, lang: str) -> QuestionView:
    fact = engine.rulebook.facts[name]
    dont_know = (DONT_KNOW, word(PAGE, "dont_know", lang))
    if fact.type == "bool":
        control, choices = "radio", [("true", word(PAGE, "yes", lang)), ("false", word(PAGE, "no", lang)), dont_know]
    elif fact.type == "enum":
        choices = [(value.id, value.label.get(lang)) for value in fact.values] + [dont_know]
        control = "radio" if len(fact.values) <= RADIO_LIMIT else "select"
    else:
        control = {"date": "date", "integer": "number", "number": "number"}.get(fact.type, "text")
        choices = []
    return QuestionView(fact, fact.question.get(lang), control, choices, hint)


def _settles_hint(score: float, waiting: tuple[str, ...], names: dict[str, str], lang: str) -> str:
    shown = [names[s] for s in waiting[:SUPPORTS_NAMED]]
    if len(waiting) > SUPPORTS_NAMED:
        shown.append(word(PAGE, "and_more", lang).format(n=len(waiting) - SUPPORTS_NAMED))
    score_text = f"{score:.1f}".replace(".", "." if lang == "en" else ",")
    return word(PAGE, "settles", lang).format(score=score_text, supports=", ".join(shown))


def checked_input(rulebook: Rulebook, state: PageInput) -> tuple[Case, str, dict[str, InputError], list[CaseWarning]]:
    """The case and jurisdiction the page's state gives, the errors by form field, and the warnings;
    a bad answer is left out (and reported) while the others still count."""
    errors = dict(state.errors)
    _ = translator(state.lang, "web")
    try:
        place = page_jurisdiction(rulebook, state.jurisdiction, state.lang)
    except InputError as error:
        errors["jurisdiction"] = error
        place = state.jurisdiction = "SE"
    known = {name: value for name, value in state.known.items() if name in rulebook.facts}
    for name in state.known.keys() - known.keys():  # only an edited address has them: no question asks it
        message = not_a_question(name, rulebook, state.lang)
        errors[f"known.{name}"] = InputError(f"known.{name}", message, kind="unknown fact")
    # Each answer's problem shows beside its question: the message needs no "answer:" before it.
    case, fact_errors = check_facts(known, rulebook, prefix="", where="", lang=state.lang)
    for name, problem in fact_errors.items():
        errors[f"known.{name}"] = problem
    # A name that is no fact is reported once and not carried on: no question can correct it.
    state.known = {name: value for name, value in state.known.items() if name in rulebook.facts}
    state.unknown = [name for name in state.unknown if name in rulebook.facts]
    # An impossible combination (born after the date, a period before birth) is reported beside the
    # answer it concerns, and that answer is left out, like a bad value.
    impossible, warnings = findings(case, rulebook, state.day, state.lang)
    for name, finding in impossible:
        errors.setdefault(f"known.{name}", InputError.of(finding, f"known.{name}"))
    if impossible:
        case = Case({k: v for k, v in case.facts.items() if f"known.{k}" not in errors})
    return case, place, errors, warnings


def _changes(engine: Engine, case: Case, place: str, state: PageInput, evaluation: Evaluation) -> list[Change]:
    """The outcomes this step's answers changed: the case without them, evaluated, against now."""
    before = Case({k: v for k, v in case.facts.items() if k not in state.asked})
    if len(before.facts) == len(case.facts):
        return []
    previous = {o.support: o for o in engine.evaluate(before, place, state.day).outcomes}
    return [
        Change(o.support, o.name.get(state.lang), previous[o.support].status, o.status)
        for o in evaluation.outcomes
        if o.support in previous and signature(previous[o.support]) != signature(o)
    ]


def build_page(engine: Engine, state: PageInput, with_questions: bool = True) -> Page:
    """Check the answers, evaluate, explain, plan and (unless not wanted) rank the next questions.

    The fact being changed and every answer with an error are asked first, prefilled; then the
    most decisive of the unknown facts.
    """
    rulebook, lang = engine.rulebook, state.lang
    case, place, errors, warnings = checked_input(rulebook, state)
    unknown = [name for name in state.unknown if name in rulebook.facts]
    evaluation = engine.evaluate(case, place, state.day)
    explanations = {}
    for outcome in evaluation.outcomes:
        if outcome.support == state.explain and outcome.status in EXPLAINED:
            explanations[outcome.support] = explain(engine, case, place, state.day, outcome, lang)
        else:
            explanations[outcome.support] = explain_outcome(engine, outcome, lang)
    names = {s.id: s.name.get(lang) for s in rulebook.supports.values()}
    first = [state.edit] if state.edit in rulebook.facts else []
    first += [key[6:] for key in errors if key.startswith("known.") and key[6:] in state.known and key[6:] not in first]
    _ = translator(lang, "web")
    change_hint = _("Change the answer, then save.")
    questions = [_question_view(engine, name, change_hint, lang) for name in first]
    for view in questions:
        name = view.fact.name
        view.value = DONT_KNOW if name in unknown else state.known.get(name, "")
        if (wrong := errors.get(f"known.{name}")) is not None:
            view.error = wrong.message
    ranked = (
        next_questions(
            engine, case, [place], state.day, limit=QUESTIONS_PER_PAGE, skip=frozenset(unknown) | frozenset(first)
        )
        if with_questions
        else []
    )
    for question in ranked[: max(QUESTIONS_PER_PAGE - len(first), 1)]:
        hint = _settles_hint(question.score, question.waiting, names, lang)
        questions.append(_question_view(engine, question.fact, hint, lang))
    shown = {view.fact.name for view in questions}
    waiting = {name for o in evaluation.outcomes for name in o.missing_facts}
    return Page(
        lang=lang,
        state=state,
        jurisdiction_groups=jurisdiction_groups(engine, lang),
        evaluation=evaluation,
        explanations=explanations,
        plan=action_plan(rulebook, evaluation),
        questions=questions,
        answers=[
            (name, rulebook.facts[name].question.get(lang), _answer_label(engine, name, value, lang))
            for name, value in case.facts.items()
        ],
        unknown=[(name, rulebook.facts[name].question.get(lang)) for name in unknown],
        carried=[(name, _carried_value(value)) for name, value in case.facts.items() if name not in shown]
        + [(name, DONT_KNOW) for name in unknown if name not in shown],
        errors=[_located(rulebook, key, error, lang) for key, error in errors.items()],
        warnings=warnings,
        changes=_changes(engine, case, place, state, evaluation) if state.asked else [],
        questions_left=len(waiting - set(unknown)),
        support_names=names,
        point_questions={p.id: p.question.get(lang) for p in rulebook.points.values()},
        fact_questions={f.name: f.question.get(lang) for f in rulebook.facts.values()},
        budget=budget_blocks([(None, budget(rulebook, evaluation, case))], lang, rulebook)
        if any(o.amount is not None for o in evaluation.outcomes)
        else [],
    )


def _located(rulebook: Rulebook, key: str, error: InputError, lang: str) -> tuple[str, str, InputError]:
    """Where an error shows on the page: the question it belongs to, or the setup field."""
    if key.startswith("known."):
        name = key[6:]
        fact = rulebook.facts.get(name)
        if fact is None:  # a name no question asks: the sentence quotes it as written
            _ = translator(as_language(lang), "web")
            return "#case", _("In the page's address"), error
        return f"#q-{name}", fact.question.get(lang), error
    return f"#{key}", word(PAGE, key, lang), error


def _answer_label(engine: Engine, name: str, value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return fact_value_label(engine.rulebook, name, value, lang)
