"""Amounts on the page and a case file over the size limit, in a real browser (same Chromium and
`tolka serve` as test_browser.py): each financial outcome's amount, its calculation and the monthly
budget in Swedish and Norwegian, at a phone's width too; a file over 64 kilobytes refused with the limit
in the page's language and the case kept."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import Page, expect

from tests.web.conftest import ARTEFACTS
from tests.web.test_browser_case import _known
from tests.web.test_page import SARA_PAGE


def _open(page: Page, live_server, state: dict[str, str], view: str = "/") -> None:
    page.goto(f"{live_server.url}{view}?{urlencode(state)}")


def test_a_file_over_the_limit_gets_the_page_in_its_language_with_the_case_kept(
    page: Page, live_server, tmp_path: Path
) -> None:
    state = {
        "lang": "nb",
        "jurisdiction": "NO-0301",
        "date": "2024-06-01",
        "known.birth_date": "2001-04-12",
        "known.goal": "?",
    }
    _open(page, live_server, state)
    big = tmp_path / "stor.yaml"
    big.write_bytes(b"goal: studies\n" + b"# " + b"x" * 70_000 + b"\n")
    page.locator("#case-file").set_input_files(str(big))
    with page.expect_response(lambda response: "/upload" in response.url) as answered:
        page.locator("form#upload button[type=submit]").click()
    assert answered.value.status == 413
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    error = page.locator("#upload-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Filen er større enn 64 kilobyte")
    expect(error).to_contain_text("tolka-case.yaml")
    assert _known(page) == {"birth_date": "2001-04-12", "goal": "?"}
    expect(page.locator("#jurisdiction")).to_have_value("NO-0301")
    expect(page.locator("#date")).to_have_value("2024-06-01")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "upload-too-large-nb.png"), full_page=True)


# Sara (examples/cases/sara-22-activity-compensation-wants-to-study.yaml) in Stockholm, her income
# left unknown: försörjningsstöd is a range that names the question.
SARA = {key: value for key, value in SARA_PAGE.items() if key != "known.monthly_income"}

IDA = {  # examples/cases/no-ida-24-aap.yaml, in Oslo
    "lang": "nb",
    "jurisdiction": "NO-0301",
    "date": "2026-03-01",
    "known.home_country": "NO",
    "known.birth_date": "2001-04-12",
    "known.mental_health_problem": "true",
    "known.receives_aap": "true",
    "known.aap_since": "2024-03-01",
    "known.work_capacity_reduction": "half",
    "known.current_activity": "employed",
    "known.work_percentage": "40",
    "known.years_insured_in_norway": "24",
    "known.needs_nav_follow_up": "true",
}


def _amount_link(page: Page, support: str):
    return page.locator(f"#row-{support} td.amount a")


def test_a_swedish_case_worker_reads_amounts_calculations_and_the_budget(page: Page, live_server) -> None:
    _open(page, live_server, SARA)
    expect(page.locator("section.outcomes table.summary thead")).to_contain_text("Belopp")
    expect(_amount_link(page, "activity_compensation")).to_have_text("12 481 kr per månad")
    # a range in the table counts what it waits for; the details name the questions
    range_link = _amount_link(page, "forsorjningsstod")
    expect(range_link).to_contain_text("mellan 0 och")
    range_link.click()  # the link opens the outcome and lands on its amount
    amount = page.locator("#amount-forsorjningsstod")
    expect(amount).to_be_in_viewport()
    details = page.locator("#o-forsorjningsstod")
    expect(details.locator("p.amount")).to_contain_text("beroende på svaren på ”Hur stora är personens inkomster")
    calculation = details.locator("details.calculation").first
    steps = calculation.locator("ol.steps li")
    expect(steps.first).to_be_hidden()  # collapsed until asked for
    calculation.locator("summary").click()
    expect(steps.first).to_be_visible()
    expect(steps.first).to_contain_text("Riksnorm")
    expect(calculation).to_contain_text("SoF (2025:468) 12 kap. 2 §")
    budget = page.locator("section.budget")
    expect(budget.locator("h2")).to_have_text("Månadsbudget")
    expect(budget).to_contain_text("Försäkringskassan")
    expect(budget).to_contain_text("Totalt per månad")
    expect(budget).to_contain_text("Budgeten beror på svaren på ”Hur stora är personens inkomster")
    assert "monthly_income" not in page.locator("main, body").first.inner_text()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "amounts-sv.png"), full_page=True)


def test_a_norwegian_case_worker_reads_the_amount_in_norwegian(page: Page, live_server) -> None:
    _open(page, live_server, IDA)
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.locator("section.outcomes table.summary thead")).to_contain_text("Beløp")
    expect(_amount_link(page, "no_aap")).to_contain_text("kr per år")
    _amount_link(page, "no_aap").click()
    details = page.locator("#o-no_aap")
    expect(details.locator("p.amount")).to_contain_text("avhengig av svarene på «Hvor stor er personens")
    calculation = details.locator("details.calculation").first
    calculation.locator("summary").click()
    expect(calculation).to_contain_text("folketrygdloven § 11-20")
    expect(calculation).to_contain_text("Grunnbeløpet i folketrygden (G)")
    expect(page.locator("section.budget h2")).to_have_text("Månedsbudsjett")
    expect(page.locator("section.budget")).to_contain_text("Totalt per måned")
    text = page.locator("body").inner_text()
    assert "aap_calculation_basis" not in text and "per year" not in text and "between" not in text


def test_at_390_px_the_amounts_and_their_calculation_fit_without_sideways_scroll(page: Page, live_server) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, live_server, SARA)
    cell = page.locator("#row-forsorjningsstod td.amount")
    expect(cell).to_be_visible()
    label = page.evaluate("e => getComputedStyle(e, '::before').content", cell.element_handle())
    assert label.strip('"') == "Belopp: ", label
    # every calculation open: the longest lines (sources are long addresses) must wrap, not scroll
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
                 .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                 .slice(-5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""
    )
    budget_cell = page.locator("section.budget td[data-label]").first
    label = page.evaluate("e => getComputedStyle(e, '::before').content", budget_cell.element_handle())
    assert label.strip('"').endswith(": "), label
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "amounts-phone-390.png"), full_page=True)
