"""A real browser on a real server: headless Chromium (Debian's package) driven by Playwright.

A case worker who has never seen tolka opens the page, answers the questions in the order the page
asks them for a 19-year-old in upper secondary school with psychosis, and reads cited outcomes and
a plan in Swedish. A second test checks accessibility basics and uses the form by keyboard only.
Screenshots are kept in artefacts/browser/.
"""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import ARTEFACTS

DAY = "2025-09-01"
SUBMIT_SV = "Spara svar och visa utfall"

# What the case worker knows about the person, as the page's Swedish answer labels (a synthetic
# person: examples/cases/amira-19-psychosis-upper-secondary.yaml). Everything else: "Vet inte".
ANSWERS = {
    "current_activity": "studerar på gymnasiet",
    "birth_date": "2006-03-14",
    "goal": "studier",
    "mental_health_problem": "Ja",
    "schizophrenia_spectrum_diagnosis": "Ja",
    "psychiatric_contact": "Ja",
    "completed_upper_secondary": "Nej",
    "lacks_means_of_support": "Ja",
}


def answer_questions(page: Page, rounds: int) -> list[str]:
    """Answer the questions the page shows, in its order, as the case worker would; return the facts asked."""
    asked: list[str] = []
    for _ in range(rounds):
        questions = page.locator("#questions .question")
        facts = [questions.nth(i).get_attribute("id").removeprefix("q-") for i in range(questions.count())]
        if not facts:
            break
        for fact in facts:
            asked.append(fact)
            question, answer = page.locator(f"#q-{fact}"), ANSWERS.get(fact, "Vet inte")
            if answer == "Vet inte" or question.locator("input[type=radio]").count():
                question.get_by_label(answer, exact=True).check()
            else:
                question.locator(f"#a-{fact}").fill(answer)
        page.get_by_role("button", name=SUBMIT_SV).click()
        page.wait_for_load_state()
    return asked


def test_a_case_worker_gets_cited_outcomes_and_a_plan_in_swedish(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.get_by_label("Kommun, region eller enhet").select_option("SE-EX-C")
    page.get_by_label("Bedömningsdag").fill(DAY)

    asked = answer_questions(page, rounds=3)
    assert asked[:2] == ["current_activity", "birth_date"], asked  # the most decisive questions come first
    assert "mental_health_problem" in asked

    heading = page.locator("#outcomes-title")
    expect(heading).to_contain_text("Exempelenhet C")
    expect(heading).to_contain_text("exempel (anonymiserad studieenhet)")
    studiehjalp = page.locator("#row-studiehjalp")
    expect(studiehjalp.locator(".status")).to_have_text("berättigad")
    expect(studiehjalp).to_contain_text("lagstadgad rättighet")
    page.locator("#o-studiehjalp > summary").click()
    expect(
        page.locator("#o-studiehjalp cite", has_text="Studiestödslagen (1999:1395) 2 kap. 3 §").first
    ).to_be_visible()

    expect(page.locator("#row-ips .status")).to_have_text("berättigad efter behovsprövat beslut")
    page.locator("#o-ips > summary").click()
    expect(page.locator("#o-ips cite", has_text="SoL (2025:400) 11 kap. 1 §").first).to_be_visible()
    expect(page.locator("#o-ips")).to_contain_text("anonymiserad exempelenhet")  # the reading's provenance

    plan = page.locator("section.plan")
    expect(plan.get_by_role("heading", name="Handlingsplan")).to_be_visible()
    expect(plan).to_contain_text("Studiebidrag betalas ut automatiskt")
    expect(plan).to_contain_text("Studiestödslagen (1999:1395) 2 kap. 3 §")
    expect(plan).to_contain_text("Att ta reda på med personen")

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "case-worker-sv.png"), full_page=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTEFACTS / "case-worker-sv-top.png"))

    log = live_server.log_text()  # the server's stdout and stderr
    assert "tolka.server.access: GET / 200" in log
    for sent in ("2006-03-14", "upper_secondary", "studerar"):
        assert sent not in log, f"{sent!r} reached the server log"


def _focused(page: Page) -> dict | None:
    return page.evaluate(
        """() => { const e = document.activeElement;
                   if (!e || e === document.body) return null;
                   return {tag: e.tagName.toLowerCase(), type: e.type || '', name: e.name || '', id: e.id || '',
                           value: e.value || '', text: (e.textContent || '').trim()}; }"""
    )


def _tab_to(page: Page, matches, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused and matches(focused):
            return
    pytest.fail("Tab never reached the control")


def test_every_control_is_labelled_and_reachable_by_keyboard(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # Keyboard only: answer the first question with Space, submit with Enter.
    _tab_to(page, lambda f: f["name"] == "known.current_activity")
    page.keyboard.press("Space")
    _tab_to(page, lambda f: f["tag"] == "button" and f["value"] == "next")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator('input[type=hidden][name="known.current_activity"]')).to_have_count(1)

    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                 .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                 .map(e => e.outerHTML)"""
    )
    assert unlabelled == []
    nameless = page.evaluate(
        """() => Array.from(document.querySelectorAll('button'))
                 .filter(e => !e.textContent.trim() && !e.getAttribute('aria-label')).map(e => e.outerHTML)"""
    )
    assert nameless == []

    # Every visible control (a radio group counts once) and the submit button are reached by Tab.
    controls = page.evaluate(
        """() => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
                 .filter(e => e.checkVisibility())
                 .map(e => e.type === 'radio' ? 'radio:' + e.name : e.tagName.toLowerCase() + ':' + (e.id || e.name + '=' + e.value))"""
    )
    reached: set[str] = set()
    page.locator("body").focus()
    for _ in range(len(controls) * 3 + 100):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused is None:
            continue
        if focused["type"] == "radio":
            reached.add(f"radio:{focused['name']}")
        else:
            reached.add(f"{focused['tag']}:{focused['id'] or focused['name'] + '=' + focused['value']}")
    assert "button:action=next" in controls
    assert set(controls) <= reached, set(controls) - reached
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTEFACTS / "keyboard-en.png"))


def test_tolka_serve_answers_the_api(live_server) -> None:
    facts = httpx.get(f"{live_server.url}/api/facts", timeout=30)
    assert facts.status_code == 200 and "birth_date" in [f["name"] for f in facts.json()["facts"]]
    assert facts.json()["schema_version"]
    spec = httpx.get(f"{live_server.url}/openapi.json", timeout=30).json()
    assert "/api/evaluate" in spec["paths"]
    assert httpx.get(f"{live_server.url}/docs", timeout=30).status_code == 404  # no CDN-loading docs page
