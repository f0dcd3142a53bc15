"""The JSON API: the CLI's `--format json` answers over HTTP, from the same library functions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from tolka.boundary import code
from tolka.brief import brief as make_brief
from tolka.budget import what_if_budgets
from tolka.case import Case
from tolka.compare import compare_explained
from tolka.errors import CaseError, UnknownIdError
from tolka.evaluate import Engine
from tolka.i18n import N_
from tolka.mandate import mandate as find_mandate
from tolka.matrix import list_jurisdictions, readings_matrix
from tolka.model import contract as C
from tolka.model.catalogue import Category
from tolka.model.common import Country
from tolka.model.jurisdiction import JurisdictionKind
from tolka.questions import next_questions as ranked_questions
from tolka.render import brief_view, compare_view, mandate_view, matrix_view, rulebook_view
from tolka.render.evaluation_json import evaluation_data
from tolka.render.json_out import to_data, to_json
from tolka.server.errors import InputError, request_language
from tolka.server.heavy import HeavyPool
from tolka.server.inputs import case_jurisdiction, jurisdiction_ids, valid_case, valid_facts, valid_jurisdiction
from tolka.server.schemas import (
    BriefRequest,
    CompareRequest,
    ErrorBody,
    EvaluateRequest,
    EvaluationOut,
    IsoDate,
    NextQuestionsOut,
    NextQuestionsRequest,
)

BAD_INPUT: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A malformed request (e.g. a Content-Length that is not a number)."},
    422: {"model": ErrorBody, "description": "Bad input: `error.field` names the field."},
    413: {"model": ErrorBody, "description": "The request body is larger than the limit."},
}

router = APIRouter(prefix="/api", tags=["api"], responses=BAD_INPUT)


def engine_of(request: Request) -> Engine:
    """The one engine of this server process (built at startup)."""
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(engine_of)]
DateQuery = Annotated[
    IsoDate | None, Query(description="Evaluation date YYYY-MM-DD (1900-01-01..2199-12-31). Default: today.")
]


def json_answer(data: Any) -> Response:
    """The same bytes `--format json` prints: indented UTF-8, key order of the models."""
    return Response(to_json(data), media_type="application/json")


@router.post("/evaluate", response_model=None, responses={200: {"model": EvaluationOut}})
def evaluate(body: EvaluateRequest, engine: EngineDep) -> Response:
    """One case, one jurisdiction, one date → cited outcomes (as `tolka evaluate --format json`)."""
    rulebook, day = engine.rulebook, body.date or dt.date.today()
    case, warnings = valid_case(body.case, rulebook, day, body.lang)
    place = case_jurisdiction(rulebook, case, body.jurisdiction)
    result = engine.evaluate(case, place, day)
    data = evaluation_data(
        engine, case, result, plan=body.plan, explain=body.explain, lang=body.lang, warnings=warnings
    )
    if body.budget or body.budget_if:
        try:
            budgets = what_if_budgets(engine, case, place, day, result, body.budget_if, body.lang)
        except CaseError as error:
            raise InputError.of(error, "budget_if") from None
        data["budget"] = [to_data(b) for _, b in budgets]
    return json_answer(data)


@router.post("/brief", response_model=None, responses={200: {"model": C.BriefOut}})
def brief(body: BriefRequest, engine: EngineDep) -> Response:
    """The IPS team brief: by the meeting's agenda, what each role needs to know and do for this person,
    and the unknowns each can find out (as `tolka brief --format json`)."""
    rulebook, day = engine.rulebook, body.date or dt.date.today()
    case, _warnings = valid_case(body.case, rulebook, day, body.lang)
    place = case_jurisdiction(rulebook, case, body.jurisdiction)
    return json_answer(brief_view.brief_data(make_brief(engine, case, place, day, body.lang)))


HEAVY: dict[int | str, dict[str, Any]] = {
    503: {
        "model": ErrorBody,
        "description": "Too many heavy requests at once, or no answer within the time budget; see `Retry-After`.",
    }
}


def heavy_pool(request: Request) -> HeavyPool:
    """The pool that runs this process's heavy requests (next-questions, compare) off the event loop."""
    return request.app.state.heavy


PoolDep = Annotated[HeavyPool, Depends(heavy_pool)]


@router.post("/next-questions", response_model=None, responses={200: {"model": NextQuestionsOut}, **HEAVY})
async def next_questions(body: NextQuestionsRequest, engine: EngineDep, pool: PoolDep, request: Request) -> Response:
    """The unknown facts whose answers settle the most open outcomes, most decisive first (as `tolka ask`)."""
    rulebook, day = engine.rulebook, body.date or dt.date.today()
    case, _warnings = valid_case(body.case, rulebook, day, await request_language(request))
    if body.jurisdictions is None:
        places = [case_jurisdiction(rulebook, case, None)]
    else:
        places = jurisdiction_ids(rulebook, body.jurisdictions, case)
    skip = valid_facts(rulebook, body.skip, "skip")
    text = await pool.run(questions_json, case, places, day, body.limit, skip)
    return Response(text, media_type="application/json")


def questions_json(
    engine: Engine, case: Case, places: list[str], day: dt.date, limit: int, skip: frozenset[str]
) -> str:
    """The next-questions answer as JSON text (run in the heavy pool)."""
    rulebook = engine.rulebook
    questions = []
    for question in ranked_questions(engine, case, places, day, limit=limit, skip=skip):
        fact = rulebook.facts[question.fact]
        questions.append(
            {
                "fact": fact.name,
                "type": fact.type,
                "values": list(fact.value_ids),
                "unit": fact.unit,
                "question": fact.question,
                "score": question.score,
                "settles_in": question.settles_in,
                "jurisdiction_count": question.jurisdictions,
                "waiting": list(question.waiting),
                "for_assessment": list(question.for_assessment),
            }
        )
    return to_json(
        NextQuestionsOut(
            rulebook_fingerprint=rulebook.fingerprint,
            evaluation_date=day.isoformat(),
            jurisdictions=places,
            questions=questions,
        )
    )


@router.post("/compare", response_model=None, responses={200: {"model": C.ComparisonOut}, **HEAVY})
async def compare(body: CompareRequest, engine: EngineDep, pool: PoolDep, request: Request) -> Response:
    """One person's outcomes across jurisdictions, differences traced to readings (as `tolka compare`).

    With exactly two jurisdictions of one country the answer adds `why`; across countries it adds
    `counterparts` (supports lined up with their counterparts in the other country).
    """
    rulebook, day = engine.rulebook, body.date or dt.date.today()
    case, _warnings = valid_case(body.case, rulebook, day, await request_language(request))
    places = jurisdiction_ids(rulebook, body.jurisdictions, case)
    return Response(await pool.run(comparison_json, case, places, day), media_type="application/json")


def comparison_json(engine: Engine, case: Case, places: list[str], day: dt.date) -> str:
    """The compare answer as JSON text (run in the heavy pool)."""
    return to_json(compare_view.explained_comparison_data(compare_explained(engine, case, places, day)))


@router.get("/mandate", response_model=None, responses={200: {"model": C.MandateOut}})
def mandate(
    engine: EngineDep,
    support: Annotated[str, Query(description="Support id, e.g. ips (GET /api/supports).")],
    jurisdiction: Annotated[str, Query(description="Jurisdiction id, e.g. SE-0180.")],
    date: DateQuery = None,
) -> Response:
    """Is the support mandated here — by law, by the local reading, by national guidance — and how do others read it?"""
    place = valid_jurisdiction(engine.rulebook, jurisdiction)
    try:
        view = find_mandate(engine, support, place, date or dt.date.today())
    except UnknownIdError as error:  # the jurisdiction is known, so the support is what is wrong
        raise InputError.of(error, "support") from None
    return json_answer(mandate_view.mandate_data(engine.rulebook, view))


@router.get("/readings", response_model=None, responses={200: {"model": C.ReadingsOut}})
def readings(
    engine: EngineDep,
    point: Annotated[list[str], Query(description="Only these interpretation points (repeatable).")] = [],  # noqa: B006 — FastAPI copies defaults
    county: Annotated[
        str | None, Query(description="Only jurisdictions in this county (name or 2-digit code).")
    ] = None,
    kind: Annotated[JurisdictionKind | None, Query(description="Only jurisdictions of this kind.")] = None,
    country: Country = "SE",
    all: Annotated[bool, Query(description="Include jurisdictions without readings of their own.")] = False,  # noqa: A002 — the CLI's --all
    date: DateQuery = None,
) -> Response:
    """The readings matrix: jurisdictions × interpretation points, each reading with its basis and source."""
    rulebook = engine.rulebook
    for index, name in enumerate(point):
        if name not in rulebook.points:
            raise InputError(
                f"point.{index}",
                N_("no interpretation point {name}"),
                kind="unknown id",
                hint=N_("leave out `point` to see them all"),
                name=code(name),
            )
    day = date or dt.date.today()
    columns, rows = readings_matrix(rulebook, day, country, point or None, county, kind, all)
    return json_answer(matrix_view.matrix_data(columns, rows, day.isoformat()))


@router.get("/facts", response_model=None, responses={200: {"model": C.FactsOut}})
def facts(engine: EngineDep) -> Response:
    """The fact vocabulary: name, type, allowed values, unit and question to ask (as `tolka facts --format json`)."""
    return json_answer(rulebook_view.facts_data(engine.rulebook))


@router.get("/supports", response_model=None, responses={200: {"model": C.SupportsOut}})
def supports(engine: EngineDep, country: Country | None = None, category: Category | None = None) -> Response:
    """The support catalogue: id, names, category and who provides it (as `tolka supports --format json`)."""
    rulebook = engine.rulebook
    return json_answer(
        rulebook_view.supports_data(rulebook, rulebook_view.chosen_supports(rulebook, country, category))
    )


@router.get("/jurisdictions", response_model=None, responses={200: {"model": C.JurisdictionsOut}})
def jurisdictions(
    engine: EngineDep,
    kind: JurisdictionKind | None = None,
    county: str | None = None,
    country: Country | None = None,
) -> Response:
    """Every jurisdiction, with how many readings it has and from which sources."""
    return json_answer(matrix_view.listing_data(list_jurisdictions(engine.rulebook, kind, county, country)))
