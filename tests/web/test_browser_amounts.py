"""Amounts on the page and a case file over the size limit, in a real browser (same Chromium and
`tolka serve` as test_browser.py): each financial outcome's amount, its calculation and the monthly
budget in Swedish and Norwegian, at a phone's width too; a file over 64 KiB refused with the limit
in the page's language and the case kept."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import Page, expect

from tests.web.conftest import ARTEFACTS
from tests.web.test_browser_case import _known


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
    expect(error).to_contain_text("Filen er større enn 64 KiB")
    expect(error).to_contain_text("tolka-case.yaml")
    assert _known(page) == {"birth_date": "2001-04-12", "goal": "?"}
    expect(page.locator("#jurisdiction")).to_have_value("NO-0301")
    expect(page.locator("#date")).to_have_value("2024-06-01")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "upload-too-large-nb.png"), full_page=True)
