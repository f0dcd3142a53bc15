"""Shared fixtures: a tiny rulebook written per test, and the shipped rulebook loaded once."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# A minimal but complete rulebook: one law, one support with a right, an exception and a default,
# one interpretation point read differently by two jurisdictions.
MINI_FILES: dict[str, str] = {
    "rules/laws/testlaw.yaml": """
        law:
          id: testlaw
          short: TL
          title: {en: Test Act, sv: Testlag}
          number: "SFS 2000:1"
          country: SE
          in_force_from: 2001-01-01
          source_url: https://example.invalid/testlaw
          provisions:
            - id: testlaw.1.1
              chapter: "1"
              section: "1"
              summary: {en: "A right to money for people without means."}
            - id: testlaw.1.2
              chapter: "1"
              section: "2"
              summary: {en: "No money during studies, except where the local reading allows it."}
              verified: false
    """,
    "rules/facts.yaml": """
        facts:
          - name: birth_date
            type: date
            question: {en: "Date of birth?"}
          - name: lacks_means
            type: bool
            question: {en: "Lacks means?"}
          - name: activity
            type: enum
            values:
              - {id: studying, label: {en: studying}}
              - {id: working, label: {en: working}}
              - {id: none, label: {en: none}}
            question: {en: "Activity?"}
    """,
    "rules/catalogue.yaml": """
        country: SE
        bodies:
          - {id: office, kind: municipality, name: {en: The office}}
        supports:
          - id: money
            category: financial
            providers: [office]
            name: {en: Money}
            description: {en: "Money for living costs."}
        routes:
          - id: apply
            kind: needs_assessed_decision
            body: office
            name: {en: Apply}
            decides: {en: "whether money is paid"}
            appeal: {appealable: true, to: {en: the court}, cites: [testlaw.1.1]}
            cites: [testlaw.1.1]
        points:
          - id: studies_allowed
            question: {en: "Can money be paid during studies?"}
            values:
              - {id: "no", label: {en: "no"}}
              - {id: "yes", label: {en: "yes"}}
            default:
              - value: "no"
                rests_on: {cites: [testlaw.1.2]}
    """,
    "rules/money.yaml": """
        country: SE
        rules:
          - id: money.right
            support: money
            when: lacks_means and age(birth_date) >= 18
            then: {status: eligible_after_decision, route: apply, legal_status: mandated_by_law}
            cites: [testlaw.1.1]
          - id: money.studies
            support: money
            when: activity == "studying" and reading(studies_allowed) == "no"
            exception_to: [money.right]
            then: {status: not_eligible}
            cites: [testlaw.1.2]
          - id: money.default
            support: money
            default: true
            then: {status: not_eligible}
            cites: [testlaw.1.1]
    """,
    "jurisdictions/tree.yaml": """
        jurisdictions:
          - {id: SE, kind: country, name: Sverige}
          - {id: SE-R01, kind: region, name: Region One, parent: SE}
          - {id: SE-0001, kind: municipality, name: Strict, parent: SE-R01}
          - {id: SE-0002, kind: municipality, name: Lenient, parent: SE-R01}
    """,
    "jurisdictions/lenient.yaml": """
        jurisdiction: SE-0002
        readings:
          - point: studies_allowed
            value: "yes"
            source: {url: https://example.invalid/lenient, published: 2024-01-01}
            summary: {en: "Money can continue during studies.", sv: "Pengar kan ges under studier."}
            verified: true
    """,
}


def write_rulebook(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini rulebook; tests may edit its files."""
    return write_rulebook(tmp_path / "mini", MINI_FILES)


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's cache of compiled rulebooks."""
    monkeypatch.setenv("TOLKA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "tolka-cache"))


@pytest.fixture(scope="session")
def shipped_engine():
    """The shipped rulebook, loaded and compiled once per test process."""
    from tolka.evaluate import Engine

    return Engine.load(Path(os.environ.get("TOLKA_RULEBOOK", REPO)), use_cache=False)
