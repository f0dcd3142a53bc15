"""The web page in process: language, the question flow, errors at their question, the print view."""

from __future__ import annotations

import re
import subprocess

from tests.web.conftest import TOLKA
from tolka.cli.app import default_rulebook

DAY = "2025-09-01"
STEP = {"jurisdiction": "SE-EX-C", "date": DAY, "lang": "sv"}


def test_the_page_is_swedish_by_default_and_english_on_request(client):
    swedish = client.get("/")
    assert swedish.status_code == 200 and '<html lang="sv">' in swedish.text
    assert "Frågor, den mest avgörande först" in swedish.text
    english = client.get("/", headers={"accept-language": "en-GB,en;q=0.9,sv;q=0.5"})
    assert '<html lang="en">' in english.text and "Questions, most decisive first" in english.text
    assert '<html lang="sv">' in client.get("/?lang=sv", headers={"accept-language": "en"}).text


def test_the_form_posts_facts_and_never_puts_them_in_a_url(client):
    page = client.get("/").text
    assert re.search(r'<form method="post" action="/"', page)
    assert "?" not in re.search(r'<form[^>]*action="([^"]*)"', page).group(1)


def test_a_step_carries_answers_and_shows_cited_outcomes_and_the_plan(client):
    response = client.post(
        "/",
        data={
            **STEP,
            "answer.current_activity": "upper_secondary",
            "answer.birth_date": "2006-03-14",
            "answer.receives_activity_compensation": "?",
        },
    )
    assert response.status_code == 200
    page = response.text
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page
    assert '<input type="hidden" name="known.birth_date" value="2006-03-14">' in page
    assert '<input type="hidden" name="unknown" value="receives_activity_compensation">' in page
    row = re.search(r'<tr id="row-studiehjalp">.*?</tr>', page, re.S).group(0)
    assert "berättigad" in row and "Studiebidrag betalas ut automatiskt" in row
    details = re.search(r'<details class="outcome" id="o-studiehjalp".*?</details>', page, re.S).group(0)
    assert "<cite>Studiestödslagen (1999:1395) 2 kap. 3 §</cite>" in details
    assert "Handlingsplan" in page and "exempel (anonymiserad studieenhet)" in page
    # the question answered "don't know" is not asked again
    assert 'name="answer.receives_activity_compensation"' not in page


def test_a_wrong_answer_is_shown_at_its_question_and_the_rest_still_counts(client):
    response = client.post(
        "/", data={**STEP, "answer.birth_date": "14/3/2006", "answer.current_activity": "upper_secondary"}
    )
    assert response.status_code == 422
    page = response.text
    assert "Kontrollera de här svaren" in page and "must be a date YYYY-MM-DD" in page
    assert 'id="err-birth_date"' in page and 'aria-invalid="true"' in page
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page


def test_an_unknown_jurisdiction_or_date_is_reported_not_a_crash(client):
    response = client.post("/", data={"jurisdiction": "SE-NOPE", "date": "soon"})
    assert response.status_code == 422
    assert "no jurisdiction `SE-NOPE`" in response.text and "is not a date" in response.text


def test_forget_asks_a_question_again(client):
    data = {**STEP, "known.current_activity": "upper_secondary", "unknown": "goal", "forget": "goal"}
    page = client.post("/", data=data).text
    assert 'name="unknown" value="goal"' not in page
    forgotten = client.post(
        "/", data={**STEP, "known.current_activity": "upper_secondary", "forget": "current_activity"}
    ).text
    assert 'name="known.current_activity"' not in forgotten


def test_what_would_change_is_offered_and_computed_on_demand(client):
    data = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14"}
    page = client.post("/", data=data).text
    assert 'name="explain" value="komvux_upper_secondary"' in page and "Vad som skulle ändra svaret" not in page
    explained = client.post("/", data={**data, "explain": "komvux_upper_secondary"}).text
    details = re.search(
        r'<details class="outcome" id="o-komvux_upper_secondary" open>.*?</details>', explained, re.S
    ).group(0)
    assert "Vad som skulle ändra svaret" in details and "skulle statusen bli" in details


def test_the_print_view_is_the_cli_report(client):
    response = client.post(
        "/report", data={**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14"}
    )
    assert response.status_code == 200 and response.text.startswith("<!doctype html>")
    assert "<script" not in response.text and "@media print" in response.text
    assert "Studiestödslagen (1999:1395) 2 kap. 3 §" in response.text and "Handlingsplan" in response.text


def test_the_team_brief_is_the_cli_brief(client, subprocess_env, tmp_path):
    form = {
        "jurisdiction": "NO-0301",
        "date": "2026-11-23",
        "lang": "en",
        "known.birth_date": "2001-04-12",
        "known.receives_aap": "true",
        "known.aap_since": "2024-03-01",
    }
    response = client.post("/brief", data=form)
    assert response.status_code == 200 and "<script" not in response.text
    assert "NAV social worker (veileder)" in response.text and "last day 2027-02-28" in response.text
    case = tmp_path / "case.yaml"
    case.write_text("birth_date: 2001-04-12\nreceives_aap: true\naap_since: 2024-03-01\n")
    cli = subprocess.run(
        [
            str(TOLKA),
            "--rulebook",
            str(default_rulebook()),
            "brief",
            str(case),
            "-j",
            "NO-0301",
            "--date",
            "2026-11-23",
            "--lang",
            "en",
            "--format",
            "html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=subprocess_env,
    )
    assert cli.returncode == 0, cli.stderr
    assert response.text == cli.stdout
    assert 'formaction="/brief"' in client.post("/", data=STEP).text


def test_a_main_rule_with_an_exception_shows_its_assessment_in_row_details_and_plan(client):
    # FB 7 kap. 1 §: a pupil of 19 is refused financial assistance as a rule; the parents' means decide.
    page = client.post(
        "/",
        data={
            "jurisdiction": "SE",
            "date": DAY,
            "lang": "sv",
            "answer.current_activity": "upper_secondary",
            "answer.birth_date": "2006-03-14",
            "answer.lacks_means_of_support": "true",
        },
    ).text
    row = re.search(r'<tr id="row-forsorjningsstod">.*?</tr>', page, re.S).group(0)
    assert "s-not_eligible_as_a_rule" in row and "som huvudregel inte berättigad" in row
    details = re.search(r'<details class="outcome" id="o-forsorjningsstod".*?</details>', page, re.S).group(0)
    assert "En individuell prövning kan ge rätt när föräldrarna inte skäligen kan försörja eleven" in details
    assert "<cite>FB (1949:381) 7 kap. 1 §</cite>" in details
    assert "Kan föräldrarna försörja personen" in details
    plan = re.search(r'<section class="plan".*?</section>', page, re.S).group(0)
    assert "Begär en individuell prövning" in plan and "Försörjningsstöd" in plan


def test_an_undetermined_status_lists_what_is_still_possible(client):
    page = client.post("/", data={"jurisdiction": "SE", "date": DAY, "lang": "en"}).text
    row = re.search(r'<tr id="row-ips">.*?</tr>', page, re.S).group(0)
    assert "Still possible" in row and "not mandated by law in any case" in row


def test_an_impossible_answer_is_refused_at_its_question_like_a_bad_value(client):
    # Born after the evaluation date: the API and the CLI refuse it; the page must not evaluate it.
    response = client.post(
        "/", data={**STEP, "answer.birth_date": "2030-01-01", "answer.current_activity": "upper_secondary"}
    )
    assert response.status_code == 422
    page = response.text
    assert 'id="err-birth_date"' in page and 'aria-invalid="true"' in page
    assert "2030-01-01" in page  # the answer is prefilled for correction, not lost
    assert '<input type="hidden" name="known.birth_date"' not in page  # and not carried as known
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page
