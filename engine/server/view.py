"""What the web page shows: the form's state read from a POST, and everything the templates draw.

The form carries the case in hidden inputs (`known.<fact>`, `unknown`), so the server keeps no
state and no fact ever appears in a URL. Each step: read the answers, check them with the
engine's validators, evaluate, explain, plan, and rank the next questions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from tolka.boundary import parse_date
from tolka.case import Case
from tolka.evaluate import Engine
from tolka.explain import EXPLAINED, Explanation, explain, explain_outcome
from tolka.model.outcome import Evaluation
from tolka.model.vocabulary import Fact
from tolka.plan import Plan, action_plan
from tolka.plausible import findings
from tolka.questions import next_questions
from tolka.render.labels import COUNTRY, KIND, PAGE, STATUS, fact_value_label, word
from tolka.rulebook import Rulebook
from tolka.server.errors import InputError
from tolka.server.inputs import check_facts, valid_jurisdiction

LANGUAGES = ("sv", "en")
DONT_KNOW = "?"  # the value of every "don't know" choice
QUESTIONS_PER_PAGE = 3
SUPPORTS_NAMED = 3  # a question names this many of the outcomes it settles
RADIO_LIMIT = 8  # choice facts with more values than this are asked with a <select>
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


def pick_language(requested: str | None, accept_language: str | None) -> str:
    """`sv` or `en`: the requested one, else the best of the Accept-Language header, else Swedish."""
    if requested in LANGUAGES:
        return requested
    best, best_quality = "sv", -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        try:
            quality = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            quality = 0.0
        if code in LANGUAGES and quality > best_quality:
            best, best_quality = code, quality
    return best


@dataclass
class PageInput:
    """The form's state after this submission: where, when, what is known and what is not."""

    lang: str
    jurisdiction: str = "SE"
    day: dt.date = field(default_factory=dt.date.today)
    known: dict[str, str] = field(default_factory=dict)  # fact → value as typed (checked later)
    unknown: list[str] = field(default_factory=list)  # facts answered "don't know"
    explain: str | None = None  # the support whose "what would change" was asked for
    errors: dict[str, InputError] = field(default_factory=dict)  # by form field name


def read_form(form: FormData, lang: str) -> PageInput:
    """The page's state from a POSTed form (hidden answers so far plus this step's answers)."""
    state = PageInput(lang=lang, jurisdiction=(form.get("jurisdiction") or "SE").strip())
    text = (form.get("date") or "").strip()
    if text:
        try:
            state.day = parse_date(text)  # page messages are English, as the engine's
        except ValueError as error:
            state.errors["date"] = InputError("date", str(error))
    for key, value in form.multi_items():
        if key.startswith("known.") and isinstance(value, str):
            state.known[key[6:]] = value
    state.unknown = [name for name in form.getlist("unknown") if isinstance(name, str)]
    forget = form.get("forget")
    for key, value in form.multi_items():
        if not key.startswith("answer.") or not isinstance(value, str) or not value.strip():
            continue
        name = key[7:]
        if value == DONT_KNOW:
            state.unknown.append(name)
            state.known.pop(name, None)
        else:
            state.known[name] = value.strip()
    for name in form.getlist("dontknow"):
        if isinstance(name, str):
            state.unknown.append(name)
            state.known.pop(name, None)
    if isinstance(forget, str):
        state.known.pop(forget, None)
        state.unknown = [name for name in state.unknown if name != forget]
    state.unknown = [name for name in dict.fromkeys(state.unknown) if name not in state.known]
    explain_support = form.get("explain")
    state.explain = explain_support if isinstance(explain_support, str) else None
    return state


@dataclass
class QuestionView:
    fact: Fact
    text: str
    control: str  # radio | select | date | number | text
    choices: list[tuple[str, str]]  # value, label
    hint: str
    value: str = ""  # what was typed, when it was wrong
    error: str | None = None


@dataclass
class Page:
    """Everything the page template draws."""

    lang: str
    state: PageInput
    jurisdiction_groups: list[tuple[str, list[tuple[str, str]]]]
    evaluation: Evaluation
    explanations: dict[str, Explanation]
    plan: Plan
    questions: list[QuestionView]
    answers: list[tuple[str, str, str]]  # fact, question, answer
    unknown: list[tuple[str, str]]  # fact, question
    carried: list[tuple[str, str]]  # hidden inputs: fact, value
    errors: list[tuple[str, str, InputError]]  # anchor on the page, what it is about, the error
    support_names: dict[str, str]
    point_questions: dict[str, str]
    fact_questions: dict[str, str]
    explained_statuses: tuple[str, ...] = EXPLAINED

    def t(self, key: str, **values: Any) -> str:
        """A page word in the page's language."""
        return word(PAGE, key, self.lang).format(**values)

    def status_counts(self) -> list[tuple[str, int]]:
        """How many supports have each status, in the order of STATUS (for the line under the questions)."""
        counts = Counter(o.status for o in self.evaluation.outcomes)
        return [(status, counts[status]) for status in STATUS if counts[status]]

    def supports(self, ids: list[str]) -> str:
        """Support names, for lists of ids in the plan."""
        return ", ".join(self.support_names[i] for i in ids)


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


def _question_view(
    engine: Engine, name: str, score: float, waiting: tuple[str, ...], names: dict[str, str], lang: str
) -> QuestionView:
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
    shown = [names[s] for s in waiting[:SUPPORTS_NAMED]]
    if len(waiting) > SUPPORTS_NAMED:
        shown.append(word(PAGE, "and_more", lang).format(n=len(waiting) - SUPPORTS_NAMED))
    score_text = f"{score:.1f}".replace(".", "," if lang == "sv" else ".")
    hint = word(PAGE, "settles", lang).format(score=score_text, supports=", ".join(shown))
    return QuestionView(fact, fact.question.get(lang), control, choices, hint)


def checked_input(rulebook: Rulebook, state: PageInput) -> tuple[Case, str, dict[str, InputError]]:
    """The case and jurisdiction the form gives, and the errors by form field; a bad answer is left
    out (and reported) while the others still count."""
    errors = dict(state.errors)
    try:
        place = valid_jurisdiction(rulebook, state.jurisdiction)
    except InputError as error:
        errors["jurisdiction"] = error
        place = state.jurisdiction = "SE"
    case, fact_errors = check_facts(state.known, rulebook, prefix="", where="answer")
    for name, problem in fact_errors.items():
        errors[f"answer.{name}"] = problem
    # An impossible combination (born after the date, a period before birth) is reported beside the
    # answer it concerns, and that answer is left out, like a bad value.
    impossible, _warnings = findings(case, rulebook, state.day, state.lang)
    for name, problem in impossible:
        errors.setdefault(f"answer.{name}", InputError.of(problem, f"answer.{name}"))
    if impossible:
        case = Case({k: v for k, v in case.facts.items() if f"answer.{k}" not in errors})
    return case, place, errors


def build_page(engine: Engine, state: PageInput, with_questions: bool = True) -> Page:
    """Check the answers, evaluate, explain, plan and (unless not wanted) rank the next questions."""
    rulebook, lang = engine.rulebook, state.lang
    case, place, errors = checked_input(rulebook, state)
    unknown = [name for name in state.unknown if name in rulebook.facts]
    evaluation = engine.evaluate(case, place, state.day)
    explanations = {}
    for outcome in evaluation.outcomes:
        if outcome.support == state.explain and outcome.status in EXPLAINED:
            explanations[outcome.support] = explain(engine, case, place, state.day, outcome, lang)
        else:
            explanations[outcome.support] = explain_outcome(engine, outcome, lang)
    names = {s.id: s.name.get(lang) for s in rulebook.supports.values()}
    questions = []
    ranked = (
        next_questions(engine, case, [place], state.day, limit=QUESTIONS_PER_PAGE, skip=frozenset(unknown))
        if with_questions
        else []
    )
    for question in ranked:
        view = _question_view(engine, question.fact, question.score, question.waiting, names, lang)
        wrong = errors.get(f"answer.{question.fact}")
        if wrong is not None:
            view.value, view.error = state.known.get(question.fact, ""), wrong.message
        questions.append(view)
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
        carried=[(name, _carried_value(value)) for name, value in case.facts.items()],
        errors=[_located(rulebook, key, error, lang) for key, error in errors.items()],
        support_names=names,
        point_questions={p.id: p.question.get(lang) for p in rulebook.points.values()},
        fact_questions={f.name: f.question.get(lang) for f in rulebook.facts.values()},
    )


def _located(rulebook: Rulebook, key: str, error: InputError, lang: str) -> tuple[str, str, InputError]:
    """Where an error shows on the page: the question it belongs to, or the setup field."""
    if key.startswith("answer."):
        name = key[7:]
        fact = rulebook.facts.get(name)
        return f"#q-{name}", fact.question.get(lang) if fact else name, error
    return f"#{key}", word(PAGE, key, lang), error


def _answer_label(engine: Engine, name: str, value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return fact_value_label(engine.rulebook, name, value, lang)
