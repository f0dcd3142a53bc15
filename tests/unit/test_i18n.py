"""The message catalogues: in step with the code, complete in sv and nb, and usable from Python and Jinja2."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from tolka.i18n import DOMAINS, install_jinja2, translator
from tolka.i18n.catalogues import counts, placeholders, stale, translation_problems
from tolka.model.common import LANGUAGES


def test_the_catalogues_hold_exactly_the_sentences_the_code_marks():
    """Fails when a sentence was added or changed in the code without `python -m tolka.i18n.catalogues update`."""
    assert stale() == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_has_a_translation_with_the_same_placeholders(language, domain):
    assert [str(problem) for problem in translation_problems(language, domain)] == []


def test_every_language_has_the_same_messages():
    for domain in DOMAINS:
        assert len({counts()[language, domain][0] for language in LANGUAGES}) == 1


def test_a_translator_translates_and_formats():
    assert translator("sv")("eligible") == "berättigad"
    assert translator("nb")("eligible") == "har rett"
    assert translator("en")("eligible") == "eligible"
    assert translator("sv")("the key {key} appears twice", key="`a`") == "nyckeln `a` förekommer två gånger"
    # A sentence without values is not formatted: braces in it stay as they are.
    assert translator("sv")("{not a placeholder}") == "{not a placeholder}"


def test_plural_forms_follow_the_count():
    english = translator("en")
    assert english.ngettext("{n} problem", "{n} problems", 1) == "1 problem"
    assert english.ngettext("{n} problem", "{n} problems", 3) == "3 problems"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no catalogue"):
        translator("de")  # type: ignore[arg-type]


def test_jinja2_templates_translate_through_the_web_domain_with_the_engine_as_fallback():
    environment = Environment(autoescape=True)
    install_jinja2(environment, "nb")
    rendered = environment.from_string('{{ _("eligible") }} / {{ _("Still %(what)s", what="<b>") }}').render()
    assert rendered == "har rett / Still &lt;b&gt;"


def test_placeholders_of_python_and_jinja2_sentences():
    assert placeholders("{support}: {status!s}. %(name)s") == {"support", "status", "name"}
