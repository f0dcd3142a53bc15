"""Mistakes on the command line answered in Swedish and Norwegian, through the installed `tolka`.

Three defects of issue 15, one test each (and each in sv and nb):

- the researcher's commands — `population`, `synth`, `expand` — answered a missing or wrong file,
  a column that is no fact, a bad distribution file or a missing `--out` in English, under the
  kind "case file" (and a wrong Dask scheduler address or an `--out` in a folder that does not
  exist as "a bug in tolka");
- `tolka --help --lang sv` was refused ("no such option --lang") though `LANG=sv_SE.UTF-8 tolka
  --help` spoke Swedish;
- a value quoted in a Swedish or Norwegian sentence ('2025-02-30', '--plna', 'fame') kept the
  straight quotes of English instead of the language's ”…” and «…» (`tolka.i18n.requoted`).

Each mistake must name what was written, in words of the language (concrete words below), with
no phrase of another language's catalogue and no English word outside code spans, paths and ids.
The locale is English (`LANG=en_GB.UTF-8`), so only `--lang` can make the answer Swedish or Norwegian.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from tests.e2e.test_check_languages import ENGLISH_WORDS, foreign

TOLKA = Path(sys.executable).parent / "tolka"
REPO = Path(__file__).resolve().parents[2]
DAY = "2025-09-01"
LANGUAGES = ["sv", "nb"]
# English words that are neither Swedish nor Norwegian, beyond test_check_languages's.
ENGLISH = ENGLISH_WORDS | frozenset(
    "file files people read cannot written missing column columns row rows results summary distribution "
    "give nothing wrong field required such directory there usage error try option options commands "
    "integer range valid suffix map situation".split()
)
MARKS = {"sv": ("”", "”"), "nb": ("«", "»")}


def expected(command: str, language: str) -> dict[str, tuple[str, ...]]:
    """What each of `command`'s mistakes must say in `language` (cli_language_mistakes.yaml)."""
    table = YAML(typ="safe", pure=True).load(Path(__file__).with_name("cli_language_mistakes.yaml").read_text("utf-8"))
    return {mistake: tuple(words[language]) for mistake, words in table[command].items()}


def tolka(*args: str, folder: Path, expect: int = 2) -> str:
    """What `tolka` writes (standard output and error) for `args`, run in `folder`."""
    result = subprocess.run(
        [str(TOLKA), *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=dict(os.environ, LANG="en_GB.UTF-8", LC_ALL="", LC_MESSAGES="", TOLKA_LANG="", COLUMNS="200"),
        timeout=300,
    )
    assert result.returncode == expect, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result.stdout + result.stderr


def english(text: str) -> list[str]:
    """English words outside code spans, paths, ids (with a dot, dash, underscore or digit) and dates."""
    prose = re.sub(r"`[^`]*`", " ", text)
    prose = re.sub(r"\S*[/._\d-]\S*", " ", prose)
    return sorted({word for word in re.findall(r"[A-Za-zÅÄÖÆØåäöæø']+", prose) if word.lower() in ENGLISH})


def straight_quotes(text: str) -> list[str]:
    """Values between straight quotes outside code spans (the language's own marks are expected)."""
    return re.findall(r"'[^'\n]*'|\"[^\"\n]*\"", re.sub(r"`[^`]*`", " ", text))


def assert_in_language(answers: dict[str, str], words: dict[str, tuple[str, ...]], language: str) -> None:
    """Each answer holds its concrete words, and none holds another language's phrase or English."""
    missing = {mistake: [w for w in words[mistake] if w not in answers[mistake]] for mistake in words}
    assert {mistake: found for mistake, found in missing.items() if found} == {}, answers
    found = {mistake: foreign(text, language) + english(text) for mistake, text in answers.items()}
    assert {mistake: items for mistake, items in found.items() if items} == {}, answers
    quoted = {mistake: straight_quotes(text) for mistake, text in answers.items()}
    assert {mistake: items for mistake, items in quoted.items() if items} == {}, answers


@pytest.fixture(scope="module")
def people(tmp_path_factory) -> Path:
    """40 synthetic persons (CSV); row 3 wants `fame`, which `goal` does not allow."""
    folder = tmp_path_factory.mktemp("people")
    tolka("synth", "--n", "40", "--seed", "3", "--date", DAY, "--out", "people.csv", folder=folder, expect=0)
    lines = (folder / "people.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[3].split(",")
    row[header.index('"goal"')] = "fame"
    (folder / "people.csv").write_text("\n".join([*lines[:3], ",".join(row), *lines[4:]]) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("language", LANGUAGES)
def test_population_mistakes_are_answered_in_the_language_asked(people, language):
    (people / "people.txt").write_text("goal\nwork\n", encoding="utf-8")
    (people / "columns.csv").write_text("goals\nwork\n", encoding="utf-8")
    (people / "twice.csv").write_text("goal,goal\nwork,work\n", encoding="utf-8")
    lang = ("--lang", language, "--date", DAY, "-J", "SE-EX-A")
    dask = ("--engine", "dask", "--scheduler", "nonsense")  # an address that is none
    answers = {
        "missing": tolka("population", "missing.csv", "--summary", "s.csv", *lang, folder=people),
        "suffix": tolka("population", "people.txt", "--summary", "s.csv", *lang, folder=people),
        "column": tolka("population", "columns.csv", "--summary", "s.csv", *lang, folder=people),
        "twice": tolka("population", "twice.csv", "--summary", "s.csv", *lang, folder=people),
        "nothing": tolka("population", "people.csv", *lang, folder=people),
        "results": tolka("population", "people.csv", "--out", "out.txt", *lang, folder=people),
        "stop": tolka("population", "people.csv", "--summary", "s.csv", "--bad-rows", "stop", *lang, folder=people),
        "scheduler": tolka("population", "people.csv", "--summary", "s.csv", *dask, *lang, folder=people),
        "folder": tolka("population", "people.csv", "--out", "nowhere/out.csv", *lang, folder=people),
    }
    assert_in_language(answers, expected("population", language), language)
    # The rejected file gives each row's reason in the run's language too.
    tolka("population", "people.csv", "--summary", "s.csv", *lang, folder=people, expect=0)
    rejected = (people / "s.rejected.csv").read_text(encoding="utf-8")
    assert expected("population", language)["stop"][1] in rejected, rejected


@pytest.mark.parametrize("language", LANGUAGES)
def test_synth_mistakes_are_answered_in_the_language_asked(tmp_path, language):
    files = {
        "broken.yaml": "facts: [\n",
        "fact.yaml": "description: x\nfacts:\n  goals: {values: {work: 1}}\n",
        "value.yaml": "description: x\nfacts:\n  goal: {values: {fame: 1}}\n",
        "kind.yaml": "description: x\nfacts:\n  goal: {range: [1, 2]}\n",
        "key.yaml": "facts: {}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    common = ("--n", "5", "--seed", "1", "--lang", language)

    def synth(config: str, out: str = "people.csv") -> str:
        return tolka("synth", *common, "--config", config, "--out", out, folder=tmp_path)

    answers = {
        "missing": synth("missing.yaml"),
        "yaml": synth("broken.yaml"),
        "fact": synth("fact.yaml"),
        "value": synth("value.yaml"),
        "kind": synth("kind.yaml"),
        "key": synth("key.yaml"),
        "out": tolka("synth", *common, "--out", "people.txt", folder=tmp_path),
        "folder": tolka("synth", *common, "--out", "nowhere/people.csv", folder=tmp_path),
    }
    assert_in_language(answers, expected("synth", language), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_expand_mistakes_are_answered_in_the_language_asked(tmp_path, language):
    (tmp_path / "people.csv").write_text("goal\nwork\n", encoding="utf-8")
    (tmp_path / "people.situations.csv").write_text("jurisdiction,support,situation\nSE,ips,0\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("row,situation\n1,0\n", encoding="utf-8")
    (tmp_path / "bad.situations.csv").write_text("place,support\n", encoding="utf-8")
    lang = ("--lang", language)
    answers = {
        "map": tolka("expand", "missing.csv", "--out", "long.csv", *lang, folder=tmp_path),
        "not compact": tolka("expand", "people.csv", "--out", "long.csv", *lang, folder=tmp_path),
        "not a map": tolka("expand", "bad.csv", "--out", "long.csv", *lang, folder=tmp_path),
        "out": tolka("expand", "people.csv", "--out", "long.txt", *lang, folder=tmp_path),
        "folder": tolka("expand", "people.csv", "--out", "nowhere/long.csv", *lang, folder=tmp_path),
    }
    assert_in_language(answers, expected("expand", language), language)


HELP_WORDS = {
    "sv": ("Användning: tolka [FLAGGOR] KOMMANDO [ARGUMENT]...", "Flaggor:", "Kommandon:", "--rulebook MAPP"),
    "nb": ("Bruk: tolka [VALG] KOMMANDO [ARGUMENTER]...", "Valg:", "Kommandoer:", "--rulebook MAPPE"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_top_level_help_takes_lang_as_the_commands_do(tmp_path, language):
    by_option = tolka("--help", "--lang", language, folder=tmp_path, expect=0)
    before = tolka("--lang", language, "--help", folder=tmp_path, expect=0)
    by_locale = subprocess.run(
        [str(TOLKA), "--help"],
        capture_output=True,
        text=True,
        env=dict(
            os.environ,
            LANG={"sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8"}[language],
            LC_ALL="",
            TOLKA_LANG="",
            LC_MESSAGES="",
            COLUMNS="200",
        ),  # fmt: skip
        timeout=300,
    ).stdout
    assert by_option == before == by_locale  # the option says what the locale says
    for word in HELP_WORDS[language]:
        assert word in by_option, by_option
    # The commands' names are what the reader types.
    prose = re.sub(r"(?m)^  [a-z]+(?=  )", " ", by_option)
    assert english(prose) == [] and foreign(by_option, language) == [], by_option
    # Given before the command, --lang reaches it: its errors speak the language too.
    answer = tolka("--lang", language, "population", "missing.csv", "--summary", "s.csv", folder=tmp_path)
    assert expected("population", language)["missing"][2] in answer and english(answer) == [], answer


@pytest.mark.parametrize("language", LANGUAGES)
def test_values_are_quoted_in_the_languages_marks(tmp_path, language):
    opening, closing = MARKS[language]
    case = tmp_path / "case.yaml"
    case.write_text("goal: fame\nbirth_date: 2006-02-30\n", encoding="utf-8")
    answers = {
        "date": tolka("evaluate", str(case), "--date", "2025-02-30", "--lang", language, folder=tmp_path),
        "case": tolka("evaluate", str(case), "--date", DAY, "--lang", language, folder=tmp_path),
        "option": tolka("evaluate", str(case), "--lang", language, "--plna", folder=tmp_path),
        "command": tolka("evaluat", str(case), "--lang", language, folder=tmp_path),
        "choice": tolka("evaluate", str(case), "--format", "xml", "--lang", language, folder=tmp_path),
    }
    words = {
        "date": (f"{opening}--date{closing}", f"{opening}2025-02-30{closing}"),
        "case": (f"{opening}fame{closing}", f"{opening}2006-02-30{closing}"),
        "option": (
            f"{opening}--plna{closing}",
            f"{opening}--plan{closing}",
            f"{opening}tolka evaluate --help{closing}",
        ),
        "command": (f"{opening}evaluat{closing}", f"{opening}evaluate{closing}"),
        "choice": (f"{opening}xml{closing}", f"{opening}json{closing}"),
    }
    assert_in_language(answers, words, language)
    # English keeps the straight quotes its messages write.
    assert "'2025-02-30'" in tolka("evaluate", str(case), "--date", "2025-02-30", "--lang", "en", folder=tmp_path)
