"""The page keeps the case, in a real browser: language switch, reload, back button, case file,
compare view, a phone's width, the keyboard alone, the print view — and a Norwegian page for Oslo.

Same Chromium and `tolka serve` as test_browser.py. Each test starts from an address that already
holds part of a case, so it needs only a few page loads.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import ARTEFACTS
from tests.web.test_browser import DAY, SUBMIT_SV

CASE = {
    "lang": "sv",
    "jurisdiction": "SE-EX-C",
    "date": DAY,
    "known.current_activity": "upper_secondary",
    "known.goal": "studies",
}


def _open(page: Page, live_server, state: dict[str, str], view: str = "/") -> None:
    page.goto(f"{live_server.url}{view}?{urlencode(state)}")


def _known(page: Page) -> dict[str, str]:
    """The answers the page carries (hidden inputs) — the case as the page holds it."""
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('form#case input[type=hidden]'))
                 .filter(e => e.name.startsWith('known.')).map(e => [e.name.slice(6), e.value]))"""
    )


def _answer_birth_date(page: Page) -> None:
    page.locator("#a-birth_date").fill("2006-03-14")
    page.get_by_role("button", name=SUBMIT_SV).click()
    page.wait_for_load_state()


def test_language_switch_reload_and_back_keep_the_whole_case(page: Page, live_server) -> None:
    _open(page, live_server, {**CASE, "edit": "birth_date"})
    _answer_birth_date(page)
    answered = {"current_activity": "upper_secondary", "goal": "studies", "birth_date": "2006-03-14"}
    assert _known(page) == answered
    # the page lands on what the answer changed, and says how many questions are left
    assert page.url.endswith("#changed")
    changes = page.locator("#changed")
    expect(changes).to_be_in_viewport()
    expect(changes).to_contain_text("kan inte avgöras →")
    expect(changes).to_contain_text(re.compile(r"\d+ frågor är fortfarande öppna|1 fråga är fortfarande öppen"))

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert _known(page) == answered
    expect(page.locator("#jurisdiction")).to_have_value("SE-EX-C")
    expect(page.locator("#date")).to_have_value(DAY)

    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert _known(page) == answered

    page.go_back()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert _known(page) == answered  # the Swedish page after the answer
    page.go_back()
    assert "birth_date" not in _known(page)  # and before it, the answer not yet given
    expect(page.locator("#q-birth_date")).to_be_visible()


def test_change_prefills_and_a_link_opens_the_outcome_it_points_to(page: Page, live_server) -> None:
    _open(page, live_server, {**CASE, "known.birth_date": "2006-03-14"})
    page.get_by_role("link", name=re.compile("Ändra svaret på: Vilket är personens födelsedatum")).click()
    page.wait_for_load_state()
    expect(page.locator("#a-birth_date")).to_have_value("2006-03-14")
    expect(page.locator("#q-birth_date")).to_be_in_viewport()

    _open(page, live_server, {**CASE, "known.birth_date": "2006-03-14"})
    details = page.locator("#o-studiehjalp")
    expect(details).not_to_have_attribute("open", "")
    page.locator("#row-studiehjalp th a").click()
    expect(details).to_have_attribute("open", "")
    expect(details.locator("cite").first).to_be_visible()


def test_the_case_file_downloads_and_uploads_into_a_fresh_page(page: Page, live_server, tmp_path: Path) -> None:
    _open(page, live_server, {**CASE, "known.birth_date": "2006-03-14", "known.psychiatric_contact": "?"})
    with page.expect_download() as download:
        page.locator('a[href^="/case.yaml"]').click()
    saved = tmp_path / "case.yaml"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "birth_date: 2006-03-14" in text and "psychiatric_contact: unknown" in text

    page.goto(f"{live_server.url}/?lang=sv")
    assert _known(page) == {}
    page.locator("#case-file").set_input_files(str(saved))
    page.locator("form#upload button[type=submit]").click()
    page.wait_for_load_state()
    assert _known(page) == {
        "current_activity": "upper_secondary",
        "goal": "studies",
        "birth_date": "2006-03-14",
        "psychiatric_contact": "?",
    }
    expect(page.locator("#jurisdiction")).to_have_value("SE-EX-C")

    bad = tmp_path / "bad.yaml"
    bad.write_text("birth_date: 14/3/2006\n", encoding="utf-8")
    page.locator("#case-file").set_input_files(str(bad))
    page.locator("form#upload button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#upload-error")).to_contain_text("Vilket är personens födelsedatum?")
    assert _known(page)["birth_date"] == "2006-03-14"  # the case on the page is not lost


def test_compare_shows_the_person_side_by_side_sweden_and_norway_by_counterpart(page: Page, live_server) -> None:
    _open(page, live_server, {**CASE, "known.birth_date": "2001-05-01"})
    page.locator('a[href^="/compare"]').click()
    page.wait_for_load_state()
    page.locator("#with-0").select_option("SE-EX-A")
    page.locator("#with-1").select_option("NO-0301")
    page.locator("#case button.primary").click()
    page.wait_for_load_state()
    headers = page.locator("table.side-by-side thead th")
    expect(headers).to_have_text([re.compile(".+"), re.compile("Exempelenhet C"), re.compile("Exempelenhet A"), "Oslo"])
    ips = page.locator(
        "table.side-by-side tbody tr", has=page.locator("th", has_text="Individanpassat stöd till arbete")
    )
    expect(ips).to_have_count(1)
    expect(ips.locator("td").nth(2)).to_contain_text("IPS")  # Oslo's counterpart on the same line


@pytest.mark.parametrize("view", ["/", "/compare"])
def test_a_390_px_phone_has_no_sideways_scroll_and_labelled_cards(page: Page, live_server, view: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, live_server, {**CASE, "with": "NO-0301"}, view)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), page.evaluate(
        "[document.scrollingElement.scrollWidth, window.innerWidth]"
    )
    cell = page.locator("td[data-label]").first
    label = page.evaluate("e => getComputedStyle(e, '::before').content", cell.element_handle())
    assert label.strip('"').endswith(": ") and len(label) > 5, label
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"phone-390{view.replace('/', '-')}.png"), full_page=True)


def _focused_name(page: Page) -> str:
    return page.evaluate("() => (document.activeElement.name || '') + '|' + (document.activeElement.textContent || '')")


def test_keyboard_alone_answers_changes_and_prints(page: Page, live_server) -> None:
    _open(page, live_server, {**CASE, "known.birth_date": "2006-03-14"})
    first = page.locator("#questions .question").first.get_attribute("id").removeprefix("q-")
    page.locator("body").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if _focused_name(page).startswith(f"known.{first}|"):
            break
    else:
        pytest.fail("Tab never reached the first question")
    assert page.evaluate("document.activeElement.type") == "radio", "the first question is a choice"
    page.keyboard.press("Space")  # the first choice
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "next":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert first in _known(page)
    # focus is visible on every link and button reached
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none" or page.evaluate("document.activeElement === document.body")
    for _ in range(300):
        page.keyboard.press("Tab")
        if "Utskriftsvy" in _focused_name(page):
            break
    else:
        pytest.fail("Tab never reached the print view")
    with page.context.expect_page() as report:
        page.keyboard.press("Enter")
    report.value.wait_for_load_state()
    expect(report.value.locator("body")).to_contain_text("Vad gör personen just nu?")
    report.value.close()


def test_the_print_view_holds_the_facts_given(page: Page, live_server) -> None:
    _open(page, live_server, {**CASE, "known.birth_date": "2006-03-14"}, "/report")
    body = page.locator("body")
    for text in ("Vad gör personen just nu?", "studerar på gymnasiet", "2006-03-14", "studier"):
        expect(body).to_contain_text(text)
    expect(body).to_contain_text("Studiestödslagen (1999:1395) 2 kap. 3 §")
    expect(body).to_contain_text("Handlingsplan")


def test_a_norwegian_page_for_oslo_is_norwegian(page: Page, live_server, web_engine) -> None:
    _open(page, live_server, {"lang": "nb", "jurisdiction": "NO-0301", "date": "2026-11-23"})
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    rulebook = web_engine.rulebook
    for fact in page.locator("#questions .question").evaluate_all("es => es.map(e => e.id.slice(2))"):
        question = rulebook.facts[fact].question
        assert question.nb, f"{fact} has no Norwegian question"
        expect(page.locator(f"#q-{fact}")).to_contain_text(question.nb)
    names = page.locator("table.summary tbody th a").all_inner_texts()
    outcomes = [o for o in rulebook.supports.values() if o.name.nb in names]
    assert len(outcomes) == len(names), set(names) - {o.name.nb for o in rulebook.supports.values()}
    text = page.locator("main").inner_text()
    ids = [s for s in rulebook.supports if "_" in s] + [f for f in rulebook.facts if "_" in f]
    assert [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text)] == []
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "oslo-nb.png"))
