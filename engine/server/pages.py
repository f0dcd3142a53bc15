"""The web page (server-rendered, works without JavaScript), its compare view and print views.

The whole case lives in the page's address (`view.PageInput.query`), so every view is a GET of
that state: `/` asks and answers, `/compare` puts the same person in several jurisdictions side by
side, `/report` is the printable report, `/brief` the IPS team brief, `/case.yaml` the case as a
file; `POST /upload` reads such a file back into an address. The server stores nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import ImmutableMultiDict, UploadFile

from tolka.brief import brief as make_brief
from tolka.errors import CaseError, CaseInvalid
from tolka.i18n import install_jinja2, translator
from tolka.model.common import Language
from tolka.render import brief_view
from tolka.render.amounts_view import AMOUNT_COLUMN, amount_text, amount_view
from tolka.render.draw import to_html
from tolka.render.labels import LEGAL_STATUS, STATUS, WORDS, word
from tolka.render.report import reading_line, route_text
from tolka.server.casefile import case_file, state_of_file
from tolka.server.compare_view import build_comparison
from tolka.server.language import pick_language
from tolka.server.middleware import TOO_LARGE
from tolka.server.report import report_html
from tolka.server.view import PageInput, build_page, checked_input, read_state, size_text

TEMPLATES = Path(__file__).parent / "templates"
LOADER = FileSystemLoader(TEMPLATES)


@cache
def templates(lang: Language) -> Jinja2Templates:
    """The page's templates in `lang`: one Jinja2 environment per language (its catalogue installed),
    sharing the loader; they draw with the same labels and line formats as the CLI's reports."""
    environment = Environment(loader=LOADER, autoescape=True)
    install_jinja2(environment, lang)
    environment.globals.update(
        word=word,
        STATUS=STATUS,
        LEGAL_STATUS=LEGAL_STATUS,
        WORDS=WORDS,
        AMOUNT={"amount": AMOUNT_COLUMN},
        reading_line=reading_line,
        route_text=route_text,
        amount_text=amount_text,
        amount_view=amount_view,
        block_kind=lambda block: type(block).__name__.lower(),  # heading, paragraph, bullets, table
    )
    return Jinja2Templates(env=environment)


# The address carries the case: pages are not kept in caches (the server keeps nothing either).
NO_STORE = {"Cache-Control": "no-store"}
CASE_FILENAME = "tolka-case.yaml"

router = APIRouter(include_in_schema=False)


def _state(request: Request, params: ImmutableMultiDict | None = None) -> PageInput:
    """The state in the address (or in `params`); the language switch's `to_lang` wins over `lang`."""
    params = request.query_params if params is None else params
    requested = params.get("to_lang") or params.get("lang")
    return read_state(params, pick_language(requested, request.headers.get("accept-language")))


def _render(
    request: Request, state: PageInput, upload_errors: list[str] | None = None, status: int | None = None
) -> HTMLResponse:
    page = build_page(request.app.state.engine, state)
    page.upload_errors = upload_errors or []
    status = status or (422 if page.errors or upload_errors else 200)
    return templates(state.lang).TemplateResponse(
        request, "page.html", {"page": page}, status_code=status, headers=NO_STORE
    )


@router.get("/", response_class=HTMLResponse)
def step(request: Request) -> HTMLResponse:
    """The case in the address, evaluated and explained, with the next questions (a new case when empty)."""
    return _render(request, _state(request))


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request) -> HTMLResponse:
    """The same person in the chosen jurisdictions side by side (`with=` ids, besides the page's own)."""
    state = _state(request)
    others = [j for j in request.query_params.getlist("with") if j]
    view = build_comparison(request.app.state.engine, state, others)
    status = 422 if view.errors else 200
    return templates(state.lang).TemplateResponse(
        request, "compare.html", {"page": view}, status_code=status, headers=NO_STORE
    )


@router.get("/report", response_class=HTMLResponse)
def report(request: Request) -> HTMLResponse:
    """The printable report of the case: the facts given, outcomes, citations, open questions, plan."""
    engine, state = request.app.state.engine, _state(request)
    page = build_page(engine, state, with_questions=False)
    return HTMLResponse(report_html(page), status_code=422 if page.errors else 200, headers=NO_STORE)


@router.get("/brief", response_class=HTMLResponse)
def brief(request: Request) -> HTMLResponse:
    """The IPS team brief for the case, printable: the CLI's `tolka brief --format html`."""
    engine, state = request.app.state.engine, _state(request)
    case, place, errors, _warnings = checked_input(engine.rulebook, state)
    result = make_brief(engine, case, place, state.day, state.lang)
    return HTMLResponse(
        to_html(brief_view.brief_blocks(result, state.lang), "tolka brief", state.lang),
        status_code=422 if errors else 200,
        headers=NO_STORE,
    )


@router.get("/case.yaml")
def download(request: Request) -> Response:
    """The case as a YAML case file (the facts given, the place and the date), to keep or share."""
    engine, state = request.app.state.engine, _state(request)
    case, _place, _errors, _warnings = checked_input(engine.rulebook, state)
    facts = {name: state.known[name] for name in case.facts}  # only the answers that hold
    text = case_file(state, facts, CASE_FILENAME)
    disposition = f"attachment; filename={CASE_FILENAME}"
    return Response(text, media_type="application/yaml", headers={**NO_STORE, "Content-Disposition": disposition})


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """A case file read back: the page of its case, or the current page with the problem beside the upload.

    The page's state comes in the form's address (and, from older pages, its `state` field), so a
    file over the body limit, which is never read, still gets the page of the case it was sent from.
    """
    limit = request.scope.get(TOO_LARGE)
    if limit is not None:
        state = _state(request)
        _ = translator(state.lang, "web")
        problem = _(
            "The file is larger than {size}, the most a case file can be. A case file holds only the"
            " answers, a few hundred bytes: choose the file downloaded from this page (tolka-case.yaml) or"
            " a case file for tolka evaluate.",
            size=size_text(limit, state.lang),
        )
        return await run_in_threadpool(_render, request, state, [problem], 413)
    form = await request.form()
    current = form.get("state")
    if isinstance(current, str):
        params = ImmutableMultiDict([(k, v) for k, values in parse_qs(current).items() for v in values])
        state = _state(request, params)
    else:
        state = _state(request)
    file = form.get("case")
    if not isinstance(file, UploadFile) or not file.filename:
        _ = translator(state.lang, "web")
        return await run_in_threadpool(_render, request, state, [_("Choose a file first.")])
    raw = await file.read()
    try:
        uploaded = state_of_file(raw, file.filename, request.app.state.engine.rulebook, state.lang, state)
    except CaseError as error:
        return await run_in_threadpool(_render, request, state, _problems(error, state.lang))
    return RedirectResponse("/?" + uploaded.query(), status_code=303)


def _problems(error: CaseError, lang: Language) -> list[str]:
    """Every problem of a refused file, each with its line when known (in words: the file is the one just chosen)."""
    _ = translator(lang, "web")
    found = error.errors if isinstance(error, CaseInvalid) else [error]
    return [
        problem.message + (" (" + _("line {line}", line=problem.line) + ")" if problem.line is not None else "")
        for problem in found
    ]
