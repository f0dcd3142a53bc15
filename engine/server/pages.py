"""The web page (server-rendered, works without JavaScript) and its print view.

`GET /` starts a case; every `POST /` carries the answers so far in hidden inputs, adds this
step's answers and shows the outcomes and the next questions. `POST /report` gives the same
evaluation as the CLI's printable HTML report, `POST /brief` the IPS team brief as `tolka brief
--format html` prints it. Facts travel only in POST bodies, never in URLs.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from tolka.brief import brief as make_brief
from tolka.render import brief_view
from tolka.render.draw import to_html
from tolka.render.labels import LEGAL_STATUS, STATUS, WORDS, word
from tolka.render.report import evaluation_blocks, reading_line, route_text
from tolka.server.view import PageInput, build_page, checked_input, pick_language, read_form

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# The templates draw with the same labels and line formats as the CLI's reports.
templates.env.globals.update(
    word=word, STATUS=STATUS, LEGAL_STATUS=LEGAL_STATUS, WORDS=WORDS, reading_line=reading_line, route_text=route_text
)

router = APIRouter(include_in_schema=False)


def _language(request: Request, requested: str | None = None) -> str:
    return pick_language(requested or request.query_params.get("lang"), request.headers.get("accept-language"))


def _render(request: Request, state: PageInput) -> HTMLResponse:
    page = build_page(request.app.state.engine, state)
    status = 422 if page.errors else 200
    return templates.TemplateResponse(request, "page.html", {"page": page}, status_code=status)


@router.get("/", response_class=HTMLResponse)
def start(request: Request) -> HTMLResponse:
    """A new case: the national baseline, today, no facts yet — and the first questions."""
    return _render(request, PageInput(lang=_language(request)))


async def _posted(request: Request) -> PageInput:
    form = await request.form()
    lang = form.get("lang")
    return read_form(form, _language(request, lang if isinstance(lang, str) else None))


@router.post("/", response_class=HTMLResponse)
async def step(request: Request) -> HTMLResponse:
    """One step: the answers so far plus this step's, evaluated and explained."""
    return await run_in_threadpool(_render, request, await _posted(request))


@router.post("/report", response_class=HTMLResponse)
async def report(request: Request) -> HTMLResponse:
    """The printable report of the current answers: the CLI's HTML report (outcomes, reasons, plan)."""
    return await run_in_threadpool(_report, request, await _posted(request))


def _report(request: Request, state: PageInput) -> HTMLResponse:
    engine = request.app.state.engine
    page = build_page(engine, state, with_questions=False)
    evaluation = page.evaluation
    blocks = evaluation_blocks(evaluation, page.lang, explanations=page.explanations, plan=page.plan)
    title = f"tolka — {evaluation.jurisdiction.name} {evaluation.evaluation_date}"
    return HTMLResponse(to_html(blocks, title, page.lang), status_code=422 if page.errors else 200)


@router.post("/brief", response_class=HTMLResponse)
async def brief(request: Request) -> HTMLResponse:
    """The IPS team brief for the current answers, printable: the CLI's `tolka brief --format html`."""
    return await run_in_threadpool(_brief, request, await _posted(request))


def _brief(request: Request, state: PageInput) -> HTMLResponse:
    engine = request.app.state.engine
    case, place, errors = checked_input(engine.rulebook, state)
    result = make_brief(engine, case, place, state.day, state.lang)
    return HTMLResponse(
        to_html(brief_view.brief_blocks(result, state.lang), "tolka brief", state.lang),
        status_code=422 if errors else 200,
    )
