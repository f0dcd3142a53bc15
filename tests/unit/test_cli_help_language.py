"""The CLI's help and click's own words (usage errors) in the reader's language (docs/i18n.md)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tolka.cli.app import _import_all_commands, cli
from tolka.cli.help_language import help_texts, install, language_in, metavars
from tolka.i18n import translations
from tolka.render.labels import default_language


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    install("en")  # click's words are process-wide: leave them as the other tests expect


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env or {"TOLKA_LANG": "en"}, prog_name="tolka")


@pytest.mark.parametrize(
    ("language", "words", "english"),
    [
        ("sv", ["Användning: tolka evaluate", "Flaggor:", "Bedöm ärendet", "Visa den här hjälpen"], "Usage:"),
        ("nb", ["Bruk: tolka evaluate", "Valg:", "Vurder saken i SAKSFIL", "Vis denne hjelpen"], "Options:"),
    ],
)
def test_help_speaks_the_language_given_with_lang(language, words, english):
    result = _run("evaluate", "--help", "--lang", language)
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output
    assert english not in result.output
    assert "Add the action plan" not in result.output  # the options' help too


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ["Användning: tolka [FLAGGOR] KOMMANDO", "Kommandon:", "Bedöm ärendet", "Språk för hjälpen"]),
        ("nb", ["Bruk: tolka [VALG] KOMMANDO", "Kommandoer:", "Vurder saken i SAKSFIL", "Språk for hjelpen"]),
    ],
)
@pytest.mark.parametrize("where", ["after", "before"])
def test_the_top_level_help_takes_lang_as_a_command_does(language, words, where):
    args = ["--help", "--lang", language] if where == "after" else ["--lang", language, "--help"]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output
    assert "Usage:" not in result.output and "No such option" not in result.output


def test_lang_before_the_command_is_the_commands_language():
    result = _run("--lang", "nb", "evaluate", "--lang-typo")
    assert "Feil: Det finnes ikke noe valg «--lang-typo»." in result.output
    result = _run("--lang", "nb", "check", "--lang", "sv", "--help")  # the command's own --lang wins
    assert "Användning: tolka check" in result.output


def test_help_follows_the_locale_when_no_lang_is_given():
    result = _run("--help", env={"TOLKA_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "nb_NO.UTF-8"})
    assert "Bruk: tolka" in result.output and "Kommandoer:" in result.output
    assert "Vurder saken i SAKSFIL" in result.output  # a command's one-line summary in the list


def test_a_mistyped_option_is_reported_in_the_readers_language():
    result = _run("evaluate", "--lang", "sv", "--plna")
    assert result.exit_code == 2
    # the option and the ones meant in Swedish quotation marks (tolka.i18n.requoted)
    assert "Fel: Det finns ingen flagga ”--plna”." in result.output
    assert "Menade du något av: ”--explain”, ”--lang”, ”--plan”?" in result.output
    assert "No such option" not in result.output


def test_english_stays_english_after_another_language():
    _run("evaluate", "--help", "--lang", "sv")
    result = _run("evaluate", "--help", "--lang", "en")
    assert "Usage: tolka evaluate" in result.output and "Add the action plan" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["evaluate", "--lang", "nb"], "nb"),
        (["evaluate", "--lang=sv", "x"], "sv"),
        (["evaluate", "--lang"], "en"),  # no value: click reports it, in the default language
        (["evaluate", "--", "--lang", "sv"], "en"),  # after `--` it is an argument, not an option
        (["evaluate", "--lang", "de"], "en"),
        (["--lang", "sv", "evaluate", "--lang", "nb"], "nb"),  # the last wins, as click's own does
    ],
)
def test_the_language_is_read_from_the_command_line_before_click_parses_it(args, expected):
    assert language_in(args, "en") == expected


@pytest.mark.parametrize(("locale", "expected"), [("nn_NO.UTF-8", "nb"), ("no_NO", "nb"), ("sv_FI.UTF-8", "sv")])
def test_norwegian_locales_read_bokmal(monkeypatch, locale, expected):
    for name in ("TOLKA_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    assert default_language() == expected


@pytest.mark.parametrize("language", ["sv", "nb"])
def test_every_help_text_has_a_translation(language):
    _import_all_commands()
    catalogue = translations(language, "cli")
    untranslated = [text for text in help_texts(cli) if catalogue.gettext(text) == text]
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ["tolka evaluate [FLAGGOR] ÄRENDEFIL", "--jurisdiction TEXT", "--date ÅÅÅÅ-MM-DD", "UPPGIFT=VÄRDE"]),
        ("nb", ["tolka evaluate [VALG] SAKSFIL", "--jurisdiction TEKST", "--date ÅÅÅÅ-MM-DD", "OPPLYSNING=VERDI"]),
    ],
)
def test_metavariables_are_words_of_the_language(language, words):
    result = _run("evaluate", "--help", "--lang", language)
    for word in words:
        assert word in result.output
    assert "[sv|en|nb]" in result.output  # choices are typed as written
    for english in ("[OPTIONS]", "CASE_FILE", "YYYY-MM-DD", "FACT=VALUE"):
        assert english not in result.output


@pytest.mark.parametrize(
    ("language", "args", "words", "english"),
    [
        ("sv", ["population", "--help"], ["--out FIL", "--chunk-size HELTAL", "[FLAGGOR] PERSONER"], "FILE"),
        ("nb", ["population", "--help"], ["--out FIL", "--chunk-size HELTALL", "[VALG] PERSONER"], "INTEGER"),
        ("nb", ["schema", "--help"], ["--write MAPPE", "[NAVN]"], "DIRECTORY"),
        ("sv", ["--help"], ["tolka [FLAGGOR] KOMMANDO [ARGUMENT]...", "--rulebook MAPP"], "COMMAND"),
    ],
)
def test_every_command_names_what_it_takes_in_the_language(language, args, words, english):
    result = _run(*args, env={"TOLKA_LANG": language})
    for word in words:
        assert word in result.output
    assert english not in result.output


def test_a_missing_argument_is_named_in_the_language():
    result = _run("evaluate", "--lang", "nb")
    assert result.exit_code == 2
    assert "SAKSFIL" in result.output and "CASE_FILE" not in result.output


def test_metavariables_are_english_again_after_another_language():
    _run("evaluate", "--help", "--lang", "nb")
    result = _run("evaluate", "--help", "--lang", "en")
    assert "tolka evaluate [OPTIONS] CASE_FILE" in result.output and "--date YYYY-MM-DD" in result.output


@pytest.mark.parametrize("language", ["sv", "nb"])
def test_every_metavariable_has_a_translation(language):
    _import_all_commands()
    catalogue = translations(language, "cli")
    untranslated = {word for word in metavars(cli) if catalogue.pgettext("metavar", word) == word}
    assert untranslated == ({"TEXT"} if language == "sv" else set())  # Swedish writes "text" as English does


def test_a_bug_is_reported_in_the_language_of_the_command_line(monkeypatch, tmp_path, capsys):
    from tolka.cli.app import INTERNAL_ERROR, internal_error

    monkeypatch.setenv("TOLKA_ERROR_DIR", str(tmp_path))
    monkeypatch.setattr("sys.argv", ["tolka", "evaluate", "case.yaml", "--lang", "nb"])
    assert internal_error(RuntimeError("x")) == INTERNAL_ERROR
    said = capsys.readouterr().err
    assert said.startswith("tolka: intern feil") and "this is a bug" not in said, said
