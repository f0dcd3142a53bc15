"""`tolka check --lang sv|nb`: every finding (error or warning, its kind, message and hint) in the
language asked, on the shipped rulebook and on a rulebook broken in many ways at once.

A finding names rules, points, files and values by id (the author looks them up in the rule files)
and quotes rule text in code spans: those are left out; every other word must be the language's.
Two checks: no phrase of another language's catalogue (test_languages.problems) — which misses a
sentence that never reached a catalogue — and no English function word, which catches it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.e2e.test_languages import REPO, problems
from tests.unit.test_rulebook_errors import add, edit

from tolka.cli import cli

LANGUAGES = ["sv", "nb"]

# Words that are English and neither Swedish nor Norwegian (so "for", "in", "to" are not here).
ENGLISH_WORDS = frozenset(
    "the is are was be of and or which that with without must cannot does not no only has have its "
    "unknown twice before after cites rule rules support reading source point check write add".split()
)


def check(rulebook: Path, language: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--rulebook", str(rulebook), "check", "--lang", language], env={"COLUMNS": "2000"}
    )
    return result.exit_code, result.output


def findings(output: str) -> str:
    """The findings without their file and line (paths are as written) and without the summary lines
    (the counts, tested in test_author_languages.py)."""
    lines = [line for line in output.splitlines() if re.match(r"\S+:\d+: |\s+\w+: ", line)]
    return "\n".join(re.sub(r"^\S+:\d+: ", "", line) for line in lines)


def foreign(text: str, language: str) -> list[str]:
    """Phrases of another language's catalogue (ids are named on purpose: not counted here)."""
    return [problem for problem in problems(text, language) if problem.startswith("foreign phrase")]


def english_words(text: str) -> list[str]:
    """English words outside code spans, paths, ids (with a dot, dash, underscore or digit) and dates."""
    prose = re.sub(r"`[^`]*`", " ", text)
    prose = re.sub(r"\S*[/._\d-]\S*", " ", prose)
    return sorted({word for word in re.findall(r"[A-Za-zÅÄÖÆØåäöæø']+", prose) if word.lower() in ENGLISH_WORDS})


def broken(root: Path) -> Path:
    """The mini rulebook with one mistake of many kinds: each is listed, in the reader's language."""
    edit(root, "rules/money.yaml", "exception_to: [money.right]", "exception_to: [money.rihgt]")
    edit(root, "rules/money.yaml", "  - id: money.default\n", "  - id: money.default\n    valid_to: 2000-06-30\n")
    edit(
        root,
        "rules/catalogue.yaml",
        "  - {id: office,",
        "  - {id: office, kind: municipality, name: {en: Twice}}\n  - {id: office,",
    )
    edit(root, "jurisdictions/tree.yaml", "parent: SE-R01}\n  - {id: SE-0002", "parent: SE-R99}\n  - {id: SE-0002")
    edit(
        root,
        "jurisdictions/lenient.yaml",
        'summary: {en: "Money can continue during studies.", sv: "Pengar kan ges under studier."}',
        'summary: {en: "Money can continue during studies."}',
    )
    edit(root, "jurisdictions/lenient.yaml", "published: 2024-01-01}", "published: 2024-01-01, found: 2023-05-01}")
    add(root, "rules/broken.yaml", BROKEN_FILE)  # schema errors: pydantic's and the models' own
    return root


BROKEN_FILE = """
    country: SE
    facts:
      - {name: hours, type: number, minimum: many, question: {en: "Hours?"}}
      - {name: grade, type: enum, question: {en: "Grade?"}}
    supports:
      - {id: extra, category: money, name: {en: Extra}, description: {en: "x"}, citse: [x]}
    rules:
      - {id: extra.default, support: extra, default: true, when: lacks_means, then: {status: eligible},
         cites: [testlaw.1.1]}
      - {id: extra.right, support: money, when: lacks_means, then: {}, cites: [testlaw.1.1], valid_from: 2025-13-01}
      - id: extra.syntax
        support: money
        when: lacks_means >= 18 %
        then: {status: eligible}
        cites: [testlaw.1.1]
      - id: extra.type
        support: money
        when: activity == "sleeping" or age(lacks_means) >= 18 or lacks_money
        then: {status: eligible}
        cites: [testlaw.1.1]
    sourcez: 1
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_check_findings_in_the_language_asked(mini, language):
    code, output = check(REPO, language)
    assert code == 0, output
    shipped = findings(output)
    assert shipped.count("\n") > 20, output  # the shipped rulebook's warnings are there to read
    assert foreign(shipped, language) == [] and english_words(shipped) == [], shipped

    code, output = check(broken(mini), language)
    assert code == 1, output
    found = findings(output)
    assert found.count(": ") >= 8, output
    assert foreign(found, language) == [] and english_words(found) == [], found

    code, english = check(mini, "en")  # the same checks catch English findings
    assert english_words(findings(english)), english


# A rule file broken below the schema, in every way the input boundary words itself: the parser's
# own messages are English, so each must reach the reader as a sentence of her language.
UNPARSABLE: dict[str, bytes] = {
    "syntax": b'law:\n  id: x\n  title: {en: "a"\n',
    "utf8": b"law:\n  id: \xff\n",
    "nested_alias": b"a: &x [1]\nb: &y [*x]\nc: *y\n",
    "undefined_alias": b"a: 1\nb: *nowhere\n",
    "unreadable": b"a: !!float x\n",
    "second_document": b"- a\n---\n- b\n",
    "duplicate": b"a: 1\na: 2\n",
    "character": b"a: \x01\n",
    "deep": b"a: " + b"[" * 70 + b"]" * 70 + b"\n",
    "aliases": b"a: &x 1\nb: [" + b", ".join([b"*x"] * 501) + b"]\n",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_unparsable_rule_files_are_reported_in_the_language_asked(mini, language):
    for name, content in UNPARSABLE.items():
        (mini / "rules" / f"zz-{name}.yaml").write_bytes(content)
    code, output = check(mini, language)
    assert code == 1, output
    found = findings(output)
    reported = {name for name in UNPARSABLE if f"zz-{name}.yaml:" in output}
    assert reported == set(UNPARSABLE), output  # each file has its own finding
    assert foreign(found, language) == [] and english_words(found) == [], found

    code, english = check(mini, "en")
    assert "not valid YAML" in english and "a second YAML document" in english, english
