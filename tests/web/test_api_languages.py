"""Every 4xx answer of the API in the request's language: the body's `lang`, else `?lang=`, else
Accept-Language (else Swedish, as the requests' `lang` defaults). The message and the hint of each
problem hold no English word and no phrase of the other languages' catalogues; `kind` and `field`
stay stable codes a client can read."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_check_languages import english_words, foreign

DAY = "2025-09-01"

# (method, path, body or query, where the language is given) — one of each kind of problem.
BAD_EVALUATE = [
    {"case": {"lacks_money": True}},
    {"case": {"goal": "fame"}},
    {"case": {"birth_date": "yesterday"}},
    {"case": {"birth_date": "2030-01-01"}, "date": DAY},
    {"case": ["a list"]},
    {"jurisdiction": "SE-9999"},
    {"date": "2025-13-01"},
    {"date": 20250101},
    {"plan": "perhaps"},
    {"cases": {}},
    {"budget_if": ["x" * 2001]},
]
BAD_OTHERS = [
    ("post", "/api/next-questions", {"jurisdictions": ["SE-EX-A", "SE-NOPE"]}),
    ("post", "/api/next-questions", {"jurisdictions": []}),
    ("post", "/api/next-questions", {"jurisdictions": "everything"}),
    ("post", "/api/next-questions", {"skip": ["not_a_fact"]}),
    ("post", "/api/next-questions", {"limit": 0}),
    ("post", "/api/next-questions", {"limit": 2.5}),
    ("post", "/api/next-questions", {"case": {"goal": 3}}),
    ("post", "/api/compare", {"jurisdictions": ["SE-0180"], "case": {"goal": "fame"}}),
    ("post", "/api/compare", {"case": {}}),
    ("get", "/api/mandate", {"support": "ips", "jurisdiction": "SE-NOPE"}),
    ("get", "/api/mandate", {"jurisdiction": "SE-0180"}),
    ("get", "/api/readings", {"point": "no_such_point"}),
    ("get", "/api/readings", {"kind": "planet"}),
]


def worded(response) -> str:
    assert 400 <= response.status_code < 500, response.text
    errors = response.json()["errors"]
    assert errors and all(e["kind"] and e["message"] for e in errors)
    return "\n".join(f"{e['message']}\n{e['hint'] or ''}" for e in errors)


def assert_in(language: str, text: str) -> None:
    # The allowed values a client may send ('municipality', 'samordningsforbund') are codes, quoted as such.
    prose = re.sub(r"'[^']*'", "''", text)
    assert english_words(prose) == [] and foreign(prose, language) == [], text


@pytest.mark.parametrize("language", ["sv", "nb"])
@pytest.mark.parametrize("body", BAD_EVALUATE, ids=lambda body: ",".join(body))
def test_evaluate_answers_bad_input_in_the_bodys_language(client, body, language):
    assert_in(language, worded(client.post("/api/evaluate", json={**body, "lang": language})))


@pytest.mark.parametrize("language", ["sv", "nb"])
@pytest.mark.parametrize(("method", "path", "given"), BAD_OTHERS, ids=lambda x: str(x))
def test_the_other_endpoints_answer_in_the_language_of_the_address_or_the_browser(
    client, method, path, given, language
):
    if method == "post":
        by_query = client.post(path, json={"date": DAY, **given}, params={"lang": language})
        by_header = client.post(path, json={"date": DAY, **given}, headers={"accept-language": f"{language},en;q=0.5"})
    else:
        by_query = client.get(path, params={**given, "lang": language})
        by_header = client.get(path, params=given, headers={"accept-language": f"{language},en;q=0.5"})
    assert_in(language, worded(by_query))
    assert_in(language, worded(by_header))


@pytest.mark.parametrize("language", ["sv", "nb"])
@pytest.mark.parametrize(
    "raw", [b"{not json", b'{"a": 1, "a": 2}', b'{"a": NaN}', b"\xff\xfe", b"[" * 40 + b"]" * 40]
)
def test_a_body_that_is_not_strict_json_is_answered_in_the_addresss_language(client, raw, language):
    response = client.post(
        "/api/evaluate", content=raw, params={"lang": language}, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and response.json()["error"]["field"] == "body"
    assert_in(language, worded(response))


def test_english_is_english_and_swedish_is_the_default(client):
    english = worded(client.post("/api/evaluate", json={"plan": "perhaps", "lang": "en"}))
    assert english_words(english), english
    default = worded(client.post("/api/evaluate", json={"plan": "perhaps"}))
    assert_in("sv", default)
    # pydantic's "Input should be a valid boolean", in Swedish, saying what was sent without echoing it
    assert "ska vara true eller false, inte en text" in default, default
