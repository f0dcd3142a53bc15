"""Rulebook errors keep an English message and word themselves in the reader's language on demand."""

from __future__ import annotations

import pickle

from pydantic import ValidationError

from tolka import errors as E
from tolka.i18n import N_
from tolka.load.schema_messages import schema_error
from tolka.model.vocabulary import Fact


def test_message_and_hint_are_english_and_render_in_the_language_asked():
    what = E.Phrase(N_("rule {rule} cites"), rule="se.x")
    error = E.UnknownNameError(
        N_("{what} `{provision}`, which is not a provision of any law"),
        hint=N_("provisions are declared under a law in rules/<country>/laws/"),
        file="rules/x.yaml",
        line=3,
        what=what,
        provision="sol.9.9",
    )
    assert error.message == str(error).splitlines()[0].split(": ", 2)[2]
    assert error.message == "rule se.x cites `sol.9.9`, which is not a provision of any law"
    assert error.hint == "provisions are declared under a law in rules/<country>/laws/"
    assert error.render("sv") == (
        "rules/x.yaml:3: okänt namn: regeln se.x hänvisar till `sol.9.9`, som inte är en bestämmelse i någon lag\n"
        "    tips: bestämmelser deklareras under en lag i rules/<country>/laws/"
    )
    assert "regelen se.x viser til `sol.9.9`" in error.render("nb")


def test_a_warning_survives_the_rulebook_cache():
    warning = E.UnverifiedDecidesWarning(
        N_("rule {rule} refuses (`not_eligible`) on unverified content alone"), rule="a"
    )
    warning.located("rules/a.yaml", 2)
    copy = pickle.loads(pickle.dumps(warning))
    assert copy.render("nb") == warning.render("nb") and "advarsel" in copy.render("nb")
    assert copy.message == warning.message


def test_context_names_what_a_nested_error_is_about():
    error = E.ExpressionTypeError(N_("`starts: {text}` is not a date term"), text="x")
    error.within(E.Phrase(N_("amount {amount}, step `{step}`"), amount="a", step="s"))
    assert error.message == "amount a, step `s`: `starts: x` is not a date term"
    assert error.words("sv")[0] == "beloppet a, steget `s`: `starts: x` är inget datumuttryck"


def test_pydantic_problems_and_model_validators_in_the_language_asked():
    try:
        Fact.model_validate({"name": "grade", "type": "enum", "question": {"en": "?"}, "minimum": "many"})
    except ValidationError as exc:
        found = [schema_error(problem, "rules/f.yaml", 1) for problem in exc.errors()]
    words = [error.words("sv")[0] for error in found]
    assert "minimum: ska vara ett tal, inte ”many”" in words, words
    try:
        Fact.model_validate({"name": "grade", "type": "enum", "question": {"en": "?"}})
    except ValidationError as exc:
        (error,) = [schema_error(problem, "rules/f.yaml", 1) for problem in exc.errors()]
    assert error.message == "(item): enum fact `grade` needs `values`"
    assert error.words("nb")[0] == "(elementet): opplistingsopplysningen `grade` krever `values`"
