"""The page, in a real browser, for the case workers of tests/e2e/test_walkthrough.py: a Swedish one
in Stockholm with Amira and a Norwegian one in Oslo with Ida open the page in their language, upload
the example case file, and read the outcomes, the printable report, the team brief and a comparison
with a neighbour — without a phrase of another language or an id where a word belongs
(`tests.e2e.test_languages.problems`). A file with a mistake is refused in their words too.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_languages import NORWEGIAN_CASE, SWEDISH_CASE, problems

DAY = "2025-09-01"
WORKERS = {
    # language: (case file, home, neighbour, the upload's heading when a file is refused)
    "sv": (SWEDISH_CASE, "SE-0180", "SE-1480", "Filen lästes inte in"),
    "nb": (NORWEGIAN_CASE, "NO-0301", "NO-1103", "Filen ble ikke lest inn"),
}


def _text(page: Page) -> str:
    """What the page says, without the lists of places to choose from: their options are the
    bodies' own names (`Klarälvdalens samordningsförbund` on a Norwegian page too)."""
    return page.evaluate(
        """() => { const body = document.body.cloneNode(true);
                   body.querySelectorAll('select').forEach(s => s.remove());
                   return body.innerText; }"""
    )


@pytest.mark.parametrize("language", ["sv", "nb"])
def test_a_case_worker_walks_the_page_in_her_language(page: Page, live_server, language, tmp_path: Path) -> None:
    case, home, neighbour, refused = WORKERS[language]
    page.goto(f"{live_server.url}/?{urlencode({'lang': language, 'jurisdiction': home, 'date': DAY})}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("#case-file").set_input_files(case)
    page.locator("form#upload button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#jurisdiction")).to_have_value(home)  # the place came with the upload's address
    address = page.url.split("?", 1)[1]
    read = {"page": _text(page)}
    for view in ("/report", "/brief"):
        page.goto(f"{live_server.url}{view}?{address}")
        read[view] = _text(page)
    page.goto(f"{live_server.url}/compare?{address}&with={neighbour}")
    read["/compare"] = _text(page)
    found = {view: problems(text, language) for view, text in read.items()}
    assert {view: items for view, items in found.items() if items} == {}

    mistaken = tmp_path / "case.yaml"
    mistaken.write_text(Path(case).read_text(encoding="utf-8") + "wings: 2\nstudy_form: flying\n", encoding="utf-8")
    page.goto(f"{live_server.url}/?{address}")
    page.locator("#case-file").set_input_files(str(mistaken))
    page.locator("form#upload button[type=submit]").click()
    page.wait_for_load_state()
    error = page.locator("#upload-error")
    expect(error).to_contain_text(refused)
    expect(error).to_contain_text("wings")
    assert problems(error.inner_text(), language) == []
