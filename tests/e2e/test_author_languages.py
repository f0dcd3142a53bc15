"""A researcher or rule author reads tolka's own sentences in Swedish or Norwegian too.

The population commands, `check`, `schema` and `limits` are run with `--lang sv` and `--lang nb` and
held to the checks of test_languages.py: no phrase of another language's catalogue, no internal id.
Each test also runs the command in English and shows that the same checks catch that output, so a
command that ignored `--lang` would fail. Ids that a table lists on purpose — the rule and the
condition in `limits`, which an author looks up in the rule files — are left out of the check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.test_languages import DAY, REPO, SWEDISH_CASE, problems, render

LANGUAGES = ["sv", "nb"]


def bad_row(people: Path) -> None:
    """Give one person a value the rulebook does not allow, so the run reports a left-out row."""
    lines = people.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[3].split(",")
    row[header.index('"goal"')] = "fame"
    people.write_text("\n".join([*lines[:3], ",".join(row), *lines[4:]]) + "\n", encoding="utf-8")


def population_outputs(folder: Path, language: str) -> dict[str, str]:
    people, compact, long = folder / "people.csv", folder / "compact.csv", folder / "long.csv"
    summary, picture = folder / "summary.csv", folder / "summary.png"
    lang = ["--lang", language]
    outputs = {"synth": render("synth", "--n", "40", "--seed", "2", "--out", str(people), "--date", DAY, *lang)}
    bad_row(people)
    outputs["population"] = render(
        "population", str(people), "-J", "SE-EX-A,SE-EX-C", "--date", DAY, "--out", str(compact), "--layout",
        "compact", "--summary", str(summary), *lang,
    )  # fmt: skip
    outputs["expand"] = render("expand", str(compact), "--out", str(long), *lang)
    outputs["plot"] = render("plot", str(summary), "--out", str(picture), *lang)
    return outputs


@pytest.mark.parametrize("language", LANGUAGES)
def test_population_commands_report_in_the_language_asked(tmp_path, language):
    found = {command: problems(text, language) for command, text in population_outputs(tmp_path, language).items()}
    assert {command: items for command, items in found.items() if items} == {}
    (tmp_path / "en").mkdir()
    english = population_outputs(tmp_path / "en", "en")
    assert all(problems(text, language) for text in english.values()), english


def check_summary(rulebook: Path, language: str) -> str:
    """The counts after the list of findings (a finding is the author's message at a file and line)."""
    lines = render("--rulebook", str(rulebook), "check", "--lang", language).splitlines()
    return "\n".join(lines[-3:])


@pytest.mark.parametrize("language", LANGUAGES)
def test_check_counts_in_the_language_asked(mini, language):
    text = check_summary(mini, language)
    assert "\nok: " in text and not problems(text, language), text
    assert problems(check_summary(mini, "en"), language)


def limits_prose(text: str) -> str:
    """The headings, paragraphs and column headings of `limits --format markdown`, not its rows."""
    lines = text.splitlines()
    kept = [
        line
        for number, line in enumerate(lines)
        if not line.startswith("|") or (number + 1 < len(lines) and lines[number + 1].startswith("|---"))
    ]
    return re.sub(r"`[^`]*`", "", "\n".join(kept))  # code spans: commands and terms as typed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("command", "prose"),
    [(["schema"], lambda text: text), (["limits", "--format", "markdown"], limits_prose)],
    ids=["schema", "limits"],
)
def test_reference_commands_in_the_language_asked(command, prose, language):
    assert problems(prose(render(*command, "--lang", language)), language) == []
    assert problems(prose(render(*command, "--lang", "en")), language)


def diff_rows(language: str) -> str:
    """`diff --from --to` as Markdown, without the rows of rules and citations (named by id and
    condition on purpose, as `tolka rules` shows them)."""
    from tolka.i18n import translator
    from tolka.load import load_rulebook

    _ = translator(language)  # type: ignore[arg-type]
    # From 2022: the youth guarantee's route (2023) and the new Education Acts enter too.
    text = render("diff", "--from", "2022-01-01", "--to", "2026-06-01", "--format", "markdown", "--lang", language)
    by_id = {f"| {_('rule')} |", f"| {_('citation')} |"}
    kept = "\n".join(line for line in text.splitlines() if not any(line.startswith(kind) for kind in by_id))
    # A jurisdiction is named by its own name in every language ("Lunds samordningsförbund" in nb too).
    for place in sorted(load_rulebook(REPO).jurisdictions.values(), key=lambda j: -len(j.name)):
        kept = kept.replace(f"| {place.name}: ", "| ")
    return kept


def english_or_stored(text: str, language: str) -> list[str]:
    """What a Swedish or Norwegian reader of `parameters` or `diff` must not meet besides `problems`: a
    parameter's or route's name or a law's title in English, a decimal point (2.041 for 2,041; 0.66 for 66 %),
    a unit or period as stored (`share`, `per_year`)."""
    from tolka.load import load_rulebook

    book = load_rulebook(REPO)
    named = [parameter.name for parameter in book.parameters.values()] + [law.title for law in book.laws.values()]
    named += [route.name for routes in book.routes.values() for route in routes]
    flat = re.sub(r"https?://\S+", "", " ".join(text.split()))
    found = [f"English {name.en!r}" for name in named if name.en != name.get(language) and name.en in flat]
    found += [f"decimal point {number!r}" for number in re.findall(r"(?<![\w.])\d+\.\d+(?![\w.])", flat)]
    found += [
        f"stored {code!r}"
        for code in re.findall(r"\bper_(?:month|year|week|4_weeks)\b|\d (?:share|none)\b|\bNone\b", flat)
    ]
    return found + problems(text, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_diff_words_values_units_and_periods(language):
    assert english_or_stored(diff_rows(language), language) == []
    assert english_or_stored(diff_rows("en"), language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", ["2024-09-01", "2026-06-01"])
def test_parameters_name_and_write_values_in_the_language_asked(language, day):
    """`tolka parameters` lists both countries' figures: names, values (2,041 G per år, 66 %) and the
    sources' notes in the reader's language; ids and addresses stay as written. Markdown keeps each
    cell on one line, so a name is found whole; the terminal's table is checked too."""
    for fmt in ("markdown", "text"):
        text = render("parameters", "--date", day, "--lang", language, "--format", fmt)
        assert english_or_stored(text, language) == [], fmt
    english = english_or_stored(render("parameters", "--date", day, "--lang", "en", "--format", "markdown"), language)
    assert any(item.startswith("English") for item in english) and any(item.startswith("decimal") for item in english)


@pytest.mark.parametrize(("language", "neighbour"), [("nb", "SE"), ("sv", "NO")])
def test_compare_across_the_border_names_the_neighbours_things_in_the_language(language, neighbour):
    """A case worker comparing Stockholm with Oslo reads the other country's supports and questions in
    their own language: neither a catalogue phrase nor a rulebook text of another language."""
    from tolka.load import load_rulebook

    text = render("compare", SWEDISH_CASE, "-J", "SE-0180,NO-0301", "--date", DAY, "--lang", language)
    assert problems(text, language) == []
    book = load_rulebook(REPO)
    english = [s.name.en for s in book.supports.values() if s.country == neighbour]
    english += [f.question.en for f in book.facts.values() if neighbour in f.countries]
    flat = " ".join(text.split())
    assert [phrase for phrase in english if phrase and phrase in flat] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_countries_rules_are_shown_in_the_readers_language(shipped_engine, language):
    """`tolka rules --lang nb` lists Sweden's rules to a Norwegian reader and `--lang sv` Norway's to
    a Swedish one: no rule's explanation, note or assessment reaches them in English (which happened
    where a rule had only its own country's language: English was the fallback)."""
    shown = " ".join(render("rules", "--format", "text", "--lang", language).split())
    english, worded = [], 0
    for entry in shipped_engine.rulebook.rules:
        rule = entry.rule
        for text in (rule.explanation, rule.note):
            if text is not None and len(text.en) >= 40 and text.en != getattr(text, language):
                english += [text.en[:80]] if " ".join(text.en.split()) in shown else []
                worded += " ".join((getattr(text, language) or "").split()) in shown
    assert english == [], english
    assert worded > 250  # both countries' explanations and notes were listed, in the language
