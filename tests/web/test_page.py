"""The web page in process: language, the state in the address, the question flow, errors at their
question, changing an answer, the print view, the case file, and the compare view."""

from __future__ import annotations

import re
import subprocess

from tests.web.conftest import TOLKA
from tolka.cli.app import default_rulebook

DAY = "2025-09-01"
STEP = {"jurisdiction": "SE-EX-C", "date": DAY, "lang": "sv"}


def test_the_page_is_swedish_by_default_and_english_or_norwegian_on_request(client):
    swedish = client.get("/")
    assert swedish.status_code == 200 and '<html lang="sv">' in swedish.text
    assert "Frågor, den mest avgörande först" in swedish.text
    english = client.get("/", headers={"accept-language": "en-GB,en;q=0.9,sv;q=0.5"})
    assert '<html lang="en">' in english.text and "Questions, most decisive first" in english.text
    assert '<html lang="sv">' in client.get("/?lang=sv", headers={"accept-language": "en"}).text
    for header in ("nb-NO,nb;q=0.9,en;q=0.5", "no", "nn-NO"):
        assert '<html lang="nb">' in client.get("/", headers={"accept-language": header}).text, header
    norwegian = client.get("/?lang=nb").text
    assert '<html lang="nb">' in norwegian and "Spørsmål, det mest avgjørende først" in norwegian
    assert "Last ned saken (YAML)" in norwegian and "Frågor" not in norwegian and "Download" not in norwegian
    assert '<html lang="nb">' in client.get("/?lang=sv&to_lang=nb").text  # the language switch wins


def test_the_state_is_in_the_address_and_the_server_keeps_nothing(client):
    response = client.get("/", params={**STEP, "known.birth_date": "2006-03-14", "known.goal": "?"})
    page = response.text
    assert re.search(r'<form method="get" action="/#changed" class="case" id="case"', page)
    assert response.headers["cache-control"] == "no-store"
    assert '<input type="hidden" name="known.birth_date" value="2006-03-14">' in page
    assert '<input type="hidden" name="known.goal" value="?">' in page  # "don't know" survives too
    # every link that leaves the page carries the whole state
    query = "lang=sv&amp;jurisdiction=SE-EX-C&amp;date=2025-09-01&amp;known.birth_date=2006-03-14&amp;known.goal=%3F"
    for view in ("/report", "/brief", "/compare", "/case.yaml"):
        assert f'href="{view}?{query}"' in page, view
    assert 'name="to_lang" value="nb"' in page and 'form="case"' in page


def test_a_step_carries_answers_and_shows_cited_outcomes_and_the_plan(client):
    response = client.get(
        "/",
        params={
            **STEP,
            "known.current_activity": "upper_secondary",
            "known.birth_date": "2006-03-14",
            "known.receives_activity_compensation": "?",
        },
    )
    assert response.status_code == 200
    page = response.text
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page
    assert '<input type="hidden" name="known.birth_date" value="2006-03-14">' in page
    assert '<input type="hidden" name="known.receives_activity_compensation" value="?">' in page
    row = re.search(r'<tr id="row-studiehjalp">.*?</tr>', page, re.S).group(0)
    assert "berättigad" in row and "Studiebidrag betalas ut automatiskt" in row
    details = re.search(r'<details class="outcome" id="o-studiehjalp".*?</details>', page, re.S).group(0)
    assert "<cite>Studiestödslagen (1999:1395) 2 kap. 3 §</cite>" in details
    assert "Handlingsplan" in page and "exempel (anonymiserad studieenhet)" in page
    # the question answered "don't know" is not asked again
    assert 'id="q-receives_activity_compensation"' not in page


def test_a_wrong_answer_is_shown_at_its_question_and_the_rest_still_counts(client):
    response = client.get(
        "/", params={**STEP, "known.birth_date": "14/3/2006", "known.current_activity": "upper_secondary"}
    )
    assert response.status_code == 422
    page = response.text
    assert "Kontrollera de här svaren" in page and "14/3/2006" in page
    assert 'id="err-birth_date"' in page and 'aria-invalid="true"' in page
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page


def test_a_name_that_is_no_fact_is_reported_once_and_not_carried_on(client):
    for view in ("/", "/report", "/compare", "/brief"):
        response = client.get(view, params={**STEP, "known.zebra": "1", "known.goal": "studies"})
        assert response.status_code == 422, view
    page = client.get("/", params={**STEP, "known.zebra": "1", "known.goal": "studies"}).text
    assert "zebra" in page and 'name="known.zebra"' not in page and "known.zebra" not in page.split("</header>")[1]


def test_an_unknown_jurisdiction_or_date_is_reported_not_a_crash(client):
    response = client.get("/", params={"jurisdiction": "SE-NOPE", "date": "soon", "lang": "en"})
    assert response.status_code == 422
    assert "“SE-NOPE” is not a place tolka knows" in response.text and "is not a date" in response.text


def test_change_asks_the_question_again_prefilled_and_ask_again_too(client):
    state = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14", "known.goal": "?"}
    page = client.get("/", params=state).text
    assert 'href="/?lang=sv&amp;jurisdiction=SE-EX-C' in page and "edit=birth_date#q-birth_date" in page
    edited = client.get("/", params={**state, "edit": "birth_date"}).text
    first = re.search(r'<(?:fieldset|div) class="question[^"]*" id="q-([a-z_]+)"', edited).group(1)
    assert first == "birth_date"  # the answer being changed is asked first …
    assert 'name="known.birth_date" value="2006-03-14"' in edited  # … prefilled, not cleared
    assert '<input type="hidden" name="known.birth_date"' not in edited  # and sent once
    again = client.get("/", params={**state, "edit": "goal"}).text
    assert re.search(r'id="a-goal-\d+" name="known.goal" value="\?" checked', again)  # "don't know" stays chosen
    assert (
        'id="a-current_activity-1" name="known.current_activity" value="upper_secondary" checked'
        in client.get("/", params={**state, "edit": "current_activity"}).text
    )


def test_after_an_answer_the_page_says_what_changed_and_how_many_questions_are_left(client):
    state = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14"}
    page = client.get("/", params={**state, "asked": ["current_activity", "birth_date", "goal"]}).text
    box = re.search(r'<section class="changes" id="changed".*?</section>', page, re.S).group(0)
    # Gymnasieskolan (skollagen 15 kap.): a pupil in upper secondary school is now eligible
    assert '<a href="#o-upper_secondary_school">' in box and "kan inte avgöras → " in box
    assert re.search(r"\d+ frågor är fortfarande öppna|1 fråga är fortfarande öppen", box)
    row = re.search(r'<tr id="row-upper_secondary_school"[^>]*>', page).group(0)
    assert 'class="changed"' in row
    unchanged = client.get("/", params={**state, "asked": ["goal"]}).text
    assert "Inget utfall ändrades." in unchanged
    assert 'id="changed"' not in client.get("/", params=state).text  # a page opened, not answered


def test_contradicting_answers_are_shown_as_a_warning_and_still_answered(client):
    page = client.get(
        "/", params={**STEP, "known.current_activity": "upper_secondary", "known.completed_upper_secondary": "true"}
    )
    assert page.status_code == 200
    warning = re.search(r'<section class="warnings".*?</section>', page.text, re.S).group(0)
    # named by their questions, not by the facts' ids
    assert "”Vad gör personen just nu?”" in warning and "current_activity" not in warning
    assert '<input type="hidden" name="known.completed_upper_secondary" value="true">' in page.text


def test_what_would_change_is_offered_and_computed_on_demand(client):
    data = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14"}
    page = client.get("/", params=data).text
    assert (
        "explain=komvux_upper_secondary#o-komvux_upper_secondary" in page and "Vad som skulle ändra svaret" not in page
    )
    explained = client.get("/", params={**data, "explain": "komvux_upper_secondary"}).text
    details = re.search(
        r'<details class="outcome" id="o-komvux_upper_secondary" open>.*?</details>', explained, re.S
    ).group(0)
    assert "Vad som skulle ändra svaret" in details and "skulle statusen bli" in details


def test_the_print_view_carries_exactly_the_facts_given_outcomes_open_questions_and_plan(client):
    state = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14", "known.goal": "?"}
    response = client.get("/report", params=state)
    assert response.status_code == 200 and response.text.startswith("<!doctype html>")
    report = response.text
    assert "<script" not in report and "@media print" in report
    facts = re.search(r"<h2>The facts given</h2>|<h2>Uppgifter som lämnats</h2>", report)
    assert facts, "the report has no facts section"
    table = re.search(r"<table>.*?</table>", report[facts.end() :], re.S).group(0)
    assert table.count("<tr>") == 3  # a header and exactly the two answers given
    assert "Vad gör personen just nu?" in table and "studerar på gymnasiet" in table and "2006-03-14" in table
    section = report[facts.end() :].split("<h2>", 1)[0]
    assert "Vad vill personen – arbeta, studera eller båda?" in section.split("</table>")[1]  # "don't know", apart
    assert "Studiestödslagen (1999:1395) 2 kap. 3 §" in report and "Handlingsplan" in report
    assert re.search(r"<h2>(Open questions|Öppna frågor)</h2>", report)


def test_the_team_brief_is_the_cli_brief(client, subprocess_env, tmp_path):
    form = {
        "jurisdiction": "NO-0301",
        "date": "2026-11-23",
        "lang": "en",
        "known.birth_date": "2001-04-12",
        "known.receives_aap": "true",
        "known.aap_since": "2024-03-01",
    }
    response = client.get("/brief", params=form)
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
    assert 'href="/brief?' in client.get("/", params=STEP).text


def test_a_main_rule_with_an_exception_shows_its_assessment_in_row_details_and_plan(client):
    # FB 7 kap. 1 §: a pupil of 19 is refused financial assistance as a rule; the parents' means decide.
    page = client.get(
        "/",
        params={
            "jurisdiction": "SE",
            "date": DAY,
            "lang": "sv",
            "known.current_activity": "upper_secondary",
            "known.birth_date": "2006-03-14",
            "known.lacks_means_of_support": "true",
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
    page = client.get("/", params={"jurisdiction": "SE", "date": DAY, "lang": "en"}).text
    row = re.search(r'<tr id="row-ips">.*?</tr>', page, re.S).group(0)
    assert "Still possible" in row and "not mandated by law in any case" in row


def test_an_impossible_answer_is_refused_at_its_question_like_a_bad_value(client):
    # Born after the evaluation date: the API and the CLI refuse it; the page must not evaluate it.
    response = client.get(
        "/", params={**STEP, "known.birth_date": "2030-01-01", "known.current_activity": "upper_secondary"}
    )
    assert response.status_code == 422
    page = response.text
    assert 'id="err-birth_date"' in page and 'aria-invalid="true"' in page
    assert "2030-01-01" in page  # the answer is prefilled for correction, not lost
    assert '<input type="hidden" name="known.birth_date"' not in page  # and not carried as known
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page


def test_the_case_file_downloads_and_uploads_back_to_the_same_page(client):
    state = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14", "known.goal": "?"}
    download = client.get("/case.yaml", params=state)
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    text = download.text
    assert "current_activity: upper_secondary\nbirth_date: 2006-03-14\ngoal: unknown\n" in text
    assert "# jurisdiction: SE-EX-C" in text and "# date: 2025-09-01" in text
    uploaded = client.post(
        "/upload",
        data={"state": "lang=nb"},
        files={"case": ("tolka-case.yaml", text.encode(), "application/yaml")},
        follow_redirects=False,
    )
    assert uploaded.status_code == 303
    back = uploaded.headers["location"]
    assert back == (
        "/?lang=nb&jurisdiction=SE-EX-C&date=2025-09-01&known.current_activity=upper_secondary"
        "&known.birth_date=2006-03-14&known.goal=%3F"
    )


def test_a_bad_case_file_is_refused_beside_the_upload_with_every_problem(client):
    bad = b"birth_date: 14/3/2006\ngoal: flying\n"
    response = client.post(
        "/upload",
        data={"state": "lang=sv&jurisdiction=SE-EX-C&known.current_activity=upper_secondary"},
        files={"case": ("case.yaml", bad, "application/yaml")},
    )
    assert response.status_code == 422
    beside = re.search(r'<div class="error" id="upload-error".*?</div>', response.text, re.S).group(0)
    assert beside.count("<li>") == 2  # each problem at its question, in words, never the fact's id
    assert "Vilket är personens födelsedatum?" in beside and "Vad vill personen – arbeta, studera eller båda?" in beside
    assert "birth_date" not in beside and "`goal`" not in beside
    # the case on the page is kept
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in response.text
    not_yaml = client.post(
        "/upload", data={"state": "lang=en"}, files={"case": ("case.yaml", b"\xff\xfe[", "application/yaml")}
    )
    assert not_yaml.status_code == 422 and 'id="upload-error"' in not_yaml.text


def test_a_file_over_the_limit_gets_the_page_with_the_limit_in_its_language_and_the_case_kept(client):
    state = "lang=nb&jurisdiction=SE-EX-C&date=2025-09-01&known.current_activity=upper_secondary&known.goal=%3F"
    response = client.post(
        f"/upload?{state}", files={"case": ("big.yaml", b"goal: studies\n" + b"#" * 70_000, "application/yaml")}
    )
    assert response.status_code == 413 and '<html lang="nb">' in response.text
    beside = re.search(r'<div class="error" id="upload-error".*?</div>', response.text, re.S).group(0)
    assert "Filen er større enn 64 kilobyte" in beside and "tolka-case.yaml" in beside
    page = response.text
    assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in page
    assert '<input type="hidden" name="known.goal" value="?">' in page
    assert '<option value="SE-EX-C" selected>' in page and 'value="2025-09-01"' in page
    # the form sends the case in its address, so the next upload keeps it too
    assert 'action="/upload?lang=nb&amp;jurisdiction=SE-EX-C&amp;date=2025-09-01' in page
    english = client.post(
        "/upload",
        files={"case": ("big.json", b"{}" + b" " * 70_000, "application/json")},
        headers={"accept-language": "en-GB,en"},
    )
    assert english.status_code == 413 and "The file is larger than 64 kilobytes" in english.text


def test_every_other_upload_problem_is_in_the_pages_language_all_at_once(client):
    state = "lang=nb&jurisdiction=SE-EX-C&known.current_activity=upper_secondary"
    bad_facts = client.post(
        f"/upload?{state}",
        files={"case": ("case.yaml", b"birth_date: 14/3/2006\ngoal: flying\nwings: 2\n", "application/yaml")},
    )
    beside = re.search(r'<div class="error" id="upload-error".*?</div>', bad_facts.text, re.S).group(0)
    assert bad_facts.status_code == 422 and beside.count("<li>") == 3
    for refused in (
        ("case.yaml", b"\xff\xfe[", "application/yaml"),  # not UTF-8
        ("case.yaml", b"goal: [studies\n", "application/yaml"),  # not YAML
        ("case.json", b'{"goal": ', "application/json"),  # not JSON
        ("case.yaml", b"- a list\n- not a case\n", "application/yaml"),
    ):
        response = client.post(f"/upload?{state}", files={"case": refused})
        assert response.status_code == 422, refused
        beside = re.search(r'<div class="error" id="upload-error".*?</div>', response.text, re.S).group(0)
        assert "Filen ble ikke lest inn" in beside, beside
        text = re.sub(r"<[^>]+>", " ", beside)
        assert not re.search(r"\b(the|is not|must be|file)\b", text), (refused, text)  # no English
        assert '<input type="hidden" name="known.current_activity" value="upper_secondary">' in response.text


def test_compare_names_the_minimal_differing_readings_in_words(client):
    # Amira (examples/cases/amira-19-psychosis-upper-secondary.yaml) in example units A and C: IPS
    # differs, and exactly the two local readings about IPS explain it (compare.why_different).
    state = {**STEP, "jurisdiction": "SE-EX-A", "known.current_activity": "upper_secondary", "known.goal": "studies"}
    state |= {f"known.{f}": "true" for f in ("mental_health_problem", "schizophrenia_spectrum_diagnosis")}
    state |= {"known.psychiatric_contact": "true", "known.birth_date": "2006-03-14"}
    page = client.get("/compare", params={**state, "with": "SE-EX-C"}).text
    assert '<th scope="col">Exempelenhet A' in page and '<th scope="col">Exempelenhet C' in page
    assert "Tolkningarna som förklarar varje skillnad" in page
    minimal = re.search(r'<ul class="minimal">.*?</ul>', page, re.S).group(0)
    assert minimal.count("<li>") == 2
    assert "Krävs ett behovsprövat beslut för att få IPS/SEd" in minimal
    assert (
        "direktkontakt utan beslut (egenanmälan)" in minimal and "behovsprövat beslut (biståndsbeslut) krävs" in minimal
    )
    text = re.sub(r"<[^>]+>", "", minimal)
    assert "SE-EX" not in text and not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # words, not ids
    ips = re.search(r'<tr class="differs">\s*<th scope="row">Individanpassat stöd till arbete \(IPS\)', page)
    assert ips, "IPS is marked as differing"


def test_compare_across_sweden_and_norway_lines_supports_up_by_counterpart(client):
    state = {**STEP, "lang": "nb", "known.birth_date": "2001-05-01"}
    page = client.get("/compare", params={**state, "with": "NO-0301"}).text
    assert '<html lang="nb">' in page and '<th scope="col">Oslo</th>' in page
    rows = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">.*?</tr>", page, re.S)
    ips = [row for row in rows if "Individuell jobbstøtte (IPS)" in row]
    assert len(ips) == 1  # Norway's IPS sits on one line, beside its Swedish counterpart
    sweden, oslo = re.findall(r"<td data-label=[^>]*>(.*?)</td>", ips[0], re.S)
    assert "IPS" in sweden and "Individuell jobbstøtte (IPS)" in oslo and "IPS ung" in oslo


def test_a_settled_status_is_not_followed_by_what_it_depends_on(client):
    # Jobbgarantin för ungdomar is for the unemployed: a pupil in upper secondary school is not
    # eligible whatever else is unknown, so the reasons must not say "that depends on …".
    state = {**STEP, "known.current_activity": "upper_secondary", "known.birth_date": "2006-03-14"}
    page = client.get("/", params=state).text
    row = re.search(r'<tr id="row-youth_job_guarantee".*?</tr>', page, re.S).group(0)
    assert ">inte berättigad<" in row and "Fortfarande möjligt" not in row
    details = re.search(r'<details class="outcome" id="o-youth_job_guarantee".*?</details>', page, re.S).group(0)
    assert "Det beror på det som ännu inte är känt" not in details
    undetermined = re.search(r'<details class="outcome" id="o-ips".*?</details>', page, re.S).group(0)
    assert "Det beror på det som ännu inte är känt" in undetermined  # an open answer still says so


# --- amounts: the page, the print view, compare (docs/web.md, docs/amounts.md) ----------------------

SARA = {  # examples/cases/sara-22-activity-compensation-wants-to-study.yaml
    "known.birth_date": "2004-03-15",
    "known.insured_in_sweden": "true",
    "known.mental_health_problem": "true",
    "known.lasting_psychiatric_diagnosis": "true",
    "known.work_capacity_reduction": "full",
    "known.reduction_expected_one_year": "true",
    "known.receives_activity_compensation": "true",
    "known.activity_compensation_since": "2024-01-01",
    "known.activity_compensation_dormant": "false",
    "known.ae_assumed_income": "0",
    "known.current_activity": "none",
    "known.goal": "studies",
    "known.lacks_means_of_support": "true",
    "known.monthly_income": "0",
    "known.monthly_housing_cost": "6000",
    "known.household_size": "1",
    "known.monthly_tax_on_benefits": "1500",
}
SARA_PAGE = {"lang": "sv", "jurisdiction": "SE-0180", "date": "2026-03-01", **SARA}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _outcome(page: str, support: str) -> str:
    """An outcome's details on the page (up to the next outcome's)."""
    start = page.index(f'id="o-{support}"')
    ends = [i for i in (page.find('<details class="outcome', start), page.find("</section>", start)) if i != -1]
    return page[start : min(ends)]


def test_each_financial_outcome_shows_its_amount_and_its_calculation_in_swedish(client):
    page = client.get("/", params=SARA_PAGE).text
    table = re.search(r'<table class="summary">.*?</table>', page, re.S).group(0)
    assert '<th scope="col">Belopp</th>' in table
    row = re.search(r'<tr id="row-activity_compensation".*?</tr>', table, re.S).group(0)
    assert 'data-label="Belopp"' in row and "12 481 kr per månad" in row  # SFB 35:19, 2,73 pbb 2026 / 12
    details = _outcome(page, "activity_compensation")
    assert "Belopp 12 481 kr per månad" in _text(details)
    calculation = re.search(r'<details class="calculation">.*?</details>', details, re.S).group(0)
    assert "<summary>Beräkning (" in calculation and "SFB (2010:110) 35 kap. 19 §" in calculation
    assert "<li>" in calculation and "prisbasbelopp" in calculation.lower() and "källa:" in calculation
    # the last resort tops up what the others leave, and says so
    fs = _text(_outcome(page, "forsorjningsstod"))
    assert "Yttersta skyddsnät" in fs and "0 kr per månad" in fs


def test_the_monthly_budget_says_what_comes_from_whom(client):
    page = client.get("/", params=SARA_PAGE).text
    budget = re.search(r'<section class="budget".*?</section>', page, re.S).group(0)
    assert '<h2 id="budget-title">Månadsbudget</h2>' in budget
    text = _text(budget)
    assert "Försäkringskassan Aktivitetsersättning vid nedsatt arbetsförmåga berättigad efter ansökan 12 481 kr" in text
    assert "Bostadstillägg berättigad efter ansökan 5 500 kr" in text
    assert "Egna inkomster 0 kr" in text and "Totalt per månad 17 981 kr" in text
    assert "(fyller upp)" in text  # försörjningsstöd, the top-up, comes last


def test_an_unknown_income_gives_a_range_that_names_the_question_not_the_fact(client):
    state = {k: v for k, v in SARA_PAGE.items() if k != "known.monthly_income"}
    page = client.get("/", params=state).text
    fs = _text(_outcome(page, "forsorjningsstod"))
    assert re.search(
        r"mellan 0 och [\d  ]+ kr per månad, beroende på svaren på ”Hur stora är personens inkomster", fs
    ), fs
    assert "monthly_income" not in _text(page)
    budget = _text(re.search(r'<section class="budget".*?</section>', page, re.S).group(0))
    assert "Budgeten beror på svaren på ”Hur stora är personens inkomster" in budget


def test_a_norwegian_page_shows_the_amount_as_a_range_with_its_question_in_norwegian(client):
    state = {
        "lang": "nb",
        "jurisdiction": "NO-0301",
        "date": "2026-03-01",
        "known.home_country": "NO",
        "known.birth_date": "2001-04-12",
        "known.receives_aap": "true",
        "known.aap_since": "2024-03-01",
        "known.work_capacity_reduction": "half",
        "known.mental_health_problem": "true",
        "known.current_activity": "employed",
        "known.work_percentage": "40",
        "known.years_insured_in_norway": "24",
        "known.needs_nav_follow_up": "true",
    }
    page = client.get("/", params=state).text
    assert '<th scope="col">Beløp</th>' in page
    aap = _text(_outcome(page, "no_aap"))
    assert re.search(
        r"Beløp mellom [\d  ,]+ og [\d  ,]+ kr per år, avhengig av svarene på «Hvor stor er personens", aap
    )
    assert "Beregning (folketrygdloven § 11-19" in aap and "Grunnbeløpet i folketrygden (G)" in aap
    assert "aap_calculation_basis" not in _text(page)
    assert "Månedsbudsjett" in page and "Totalt per måned" in page


def test_the_print_view_has_the_amounts_and_the_budget(client):
    report = _text(client.get("/report", params=SARA_PAGE).text)
    assert "Belopp" in report and "12 481 kr per månad" in report
    assert "Månadsbudget" in report and "Totalt per månad 17 981 kr" in report
    assert report.index("Månadsbudget") < report.index("Handlingsplan")  # after the outcome table


def test_compare_shows_each_jurisdictions_amount_and_marks_an_amount_that_differs(client):
    state = {
        "lang": "nb",
        "jurisdiction": "NO-0301",
        "date": "2024-06-01",
        "known.home_country": "NO",
        "known.birth_date": "2002-03-10",
        "known.mental_health_problem": "true",
        "known.in_kvp": "false",
        "known.receives_aap": "false",
        "known.lives_with_parents": "false",
        "known.monthly_income": "0",
        "known.monthly_housing_cost": "6000",
        "known.household_size": "1",
        "known.monthly_tax_on_benefits": "0",
        "with": "NO-5001",
    }
    page = client.get("/compare", params=state).text
    row = next(r for r in re.findall(r"<tr.*?</tr>", page, re.S) if "Økonomisk stønad" in r)
    # the same status in both, but Trondheim's youth rate (2/3 of the state's) gives a lower ceiling
    assert row.count("kan ikke avgjøres") == 2 and 'class="tag new"' in row
    assert (
        "mellom 0 og 13 850 kr per måned, avhengig av" in row
        and "mellom 0 og 11 233,33 kr per måned, avhengig av" in row
    )


# Every file an upload can refuse, and what each problem must say (a case worker's words, the key as written).
REFUSED_FILES = [
    ("case.yaml", b"birth_date: 14/3/2006\ngoal: flying\nwings: 2\nBirth_Date: 2006-01-01\n"),
    ("case.yaml", b"mental_health_problem: maybe\nmonthly_income: -5\n"),
    ("case.yaml", b"\xff\xfe["),
    ("case.yaml", b"goal: [studies\n"),
    ("case.json", b'{"goal": '),
    ("case.yaml", b"- a list\n- not a case\n"),
    ("case.yaml", b"goal: studies\ngoal: work\n"),
    ("case.json", b'{"goal": "studies", "goal": "work"}'),
    ("case.yaml", b"goal: !!python/object:os.system x\n"),
    ("case.yaml", b"a: &x 1\nb: *x\n"),
    ("case.yaml", b"# date: 2025-13-01\ngoal: studies\n"),
    ("case.yaml", b'goal: "\x1b[31mred"\n'),
    ("big.yaml", b"goal: studies\n" + b"#" * 70_000),
]
# Phrases of English sentences (the engine's and parsers'), words of the other language, and ids.
NOT_READ = {
    "sv": ("Filen lästes inte in", "”", ("linje", "ikke", "opplysning", "«")),
    "nb": ("Filen ble ikke lest inn", "«", ("rad ", "inte ", "uppgift", "”")),
}
ENGLISH = re.compile(
    r"\b(the|is not|not allowed|must be|found|duplicate|alias|tag|file|key|value|KiB|bytes|answer)\b|`", re.I
)


def _beside_upload(text: str) -> str:
    beside = re.search(r'<div class="error" id="upload-error".*?</div>', text, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", beside)).replace("&#39;", "'").replace("&#34;", '"')


def test_every_upload_problem_reads_in_swedish_and_norwegian(client):
    for lang, (heading, quote, other_language) in NOT_READ.items():
        for name, content in REFUSED_FILES:
            response = client.post(
                f"/upload?lang={lang}&jurisdiction=SE-0180", files={"case": (name, content, "application/yaml")}
            )
            assert response.status_code in (413, 422), (lang, content)
            text = _beside_upload(response.text)
            assert heading in text, (lang, content, text)
            assert not ENGLISH.search(text.replace("tolka-case.yaml", "").replace("tolka evaluate", "")), (lang, text)
            for word in other_language:
                assert word not in text, (lang, word, text)
            for internal in ("birth_date", "mental_health_problem", "monthly_income", "goal:"):
                assert internal not in text, (lang, internal, text)
    sv = _beside_upload(client.post("/upload?lang=sv", files={"case": REFUSED_FILES[0]}).text)
    assert "”wings” är ingen uppgift som tolka frågar efter: rätta eller ta bort den (rad 3)" in sv
    assert "”Birth_Date” är ingen uppgift som tolka frågar efter; den liknar ”Vilket är personens födelsedatum?”" in sv
    assert "”14/3/2006”" in sv and "'" not in sv
    nb = _beside_upload(client.post("/upload?lang=nb", files={"case": REFUSED_FILES[1]}).text)
    assert "besvares med ja eller nei" in nb and "må ligge mellom 0 og 100 000 000, ikke -5" in nb
    big = _beside_upload(client.post("/upload?lang=sv", files={"case": REFUSED_FILES[-1]}).text)
    assert "Filen är större än 64 kilobyte" in big


def test_an_edited_address_is_answered_in_the_pages_language(client):
    for lang, (_heading, quote, _other) in NOT_READ.items():
        page = client.get(
            f"/?lang={lang}&jurisdiction=XX-999&known.wings=2&known.mental_health_problem=maybe&known.birth_date=x"
        )
        assert page.status_code == 422
        errors = re.search(r'<section class="errors".*?</section>', page.text, re.S).group(0)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", errors))
        assert f"{quote}XX-999" in text and f"{quote}wings" in text, text
        assert not ENGLISH.search(text) and "jurisdictions" not in text, text
        compare = client.get(f"/compare?lang={lang}&jurisdiction=SE-0180&with=XX").text
        assert f"{quote}XX" in compare and "no jurisdiction" not in compare


def test_the_api_says_its_limit_in_words(client):
    response = client.post("/api/evaluate?lang=nb", content=b"{" + b" " * 70_000 + b"}")
    assert response.status_code == 413
    assert (
        response.json()["error"]["message"]
        == "Forespørselens innhold er større enn 64 kilobyte, det meste tolka leser."
    )


def test_a_case_file_without_place_or_date_keeps_the_pages(client):
    uploaded = client.post(
        "/upload?lang=nb&jurisdiction=NO-0301&date=2025-09-01",
        files={"case": ("ida.yaml", b"goal: both\n", "application/yaml")},
        follow_redirects=False,
    )
    assert uploaded.status_code == 303
    assert uploaded.headers["location"] == "/?lang=nb&jurisdiction=NO-0301&date=2025-09-01&known.goal=both"
