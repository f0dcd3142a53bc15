"""Every kind of rulebook error: a broken file in, the specific error with file and line out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tolka import errors as E
from tolka.load import check_rulebook, load_rulebook


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def add(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def line_of(root: Path, relative: str, needle: str) -> int:
    for number, line in enumerate((root / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {relative}")


def only_error(root: Path, kind: type[E.RulebookError]) -> E.RulebookError:
    _, errors = check_rulebook(root)
    matching = [e for e in errors if isinstance(e, kind)]
    assert matching, f"expected a {kind.__name__}, got: {[e.render() for e in errors]}"
    return matching[0]


def test_the_mini_rulebook_is_clean(mini):
    rulebook, errors = check_rulebook(mini)
    assert errors == []
    assert rulebook.fingerprint.startswith("sha256:")


def test_yaml_syntax_error_names_file_and_line(mini):
    add(mini, "rules/broken.yaml", "rules:\n  - id: x\n    when: [unclosed\n")
    error = only_error(mini, E.YamlSyntaxError)
    assert error.file == "rules/broken.yaml"
    assert error.line == 4


def test_unsafe_tag_is_refused(mini):
    add(mini, "rules/evil.yaml", "facts:\n  - !!python/object/apply:os.system ['echo pwned']\n")
    error = only_error(mini, E.UnsafeYamlError)
    assert error.file == "rules/evil.yaml"
    assert "not allowed" in error.message


def test_unknown_key_is_a_schema_error_with_line(mini):
    edit(mini, "rules/money.yaml", "    cites: [testlaw.1.2]\n", "    cites: [testlaw.1.2]\n    citse: [typo]\n")
    error = only_error(mini, E.SchemaError)
    assert "unknown key `citse`" in error.message
    assert error.line == line_of(mini, "rules/money.yaml", "citse")


def test_missing_required_key_is_a_schema_error(mini):
    edit(mini, "rules/catalogue.yaml", "    category: financial\n", "")
    error = only_error(mini, E.SchemaError)
    assert "missing required key `category`" in error.message
    assert error.file == "rules/catalogue.yaml"


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("when: lacks_means and", "when: lacks_money and", "unknown fact `lacks_money`"),
        ("    support: money\n    when: activity", "    support: cash\n    when: activity", "unknown support `cash`"),
        (
            "reading(studies_allowed) ==",
            "reading(studies_permitted) ==",
            "unknown interpretation point `studies_permitted`",
        ),
        ("exception_to: [money.right]", "exception_to: [money.rihgt]", "unknown rule `money.rihgt`"),
        ("cites: [testlaw.1.2]", "cites: [testlaw.9.9]", "`testlaw.9.9`, which is not a provision"),
    ],
)
def test_unknown_names(mini, old, new, needle):
    edit(mini, "rules/money.yaml", old, new)
    error = only_error(mini, E.UnknownNameError)
    assert needle in error.message
    assert error.file == "rules/money.yaml"
    assert error.line is not None


def test_unknown_jurisdiction_parent(mini):
    edit(mini, "jurisdictions/tree.yaml", "parent: SE-R01}\n  - {id: SE-0002", "parent: SE-R99}\n  - {id: SE-0002")
    error = only_error(mini, E.UnknownNameError)
    assert "unknown parent `SE-R99`" in error.message
    assert error.line == line_of(mini, "jurisdictions/tree.yaml", "SE-R99")


def test_duplicate_ids(mini):
    edit(mini, "rules/money.yaml", "  - id: money.default", "  - id: money.studies")
    error = only_error(mini, E.OverlappingValidityError)  # same id twice = two versions in force together
    assert "money.studies" in error.message
    edit(
        mini,
        "rules/catalogue.yaml",
        "  - {id: office,",
        "  - {id: office, kind: municipality, name: {en: Twice}}\n  - {id: office,",
    )
    error = only_error(mini, E.DuplicateIdError)
    assert "body `office` is defined twice" in error.message


def test_cycle_in_jurisdiction_inheritance(mini):
    edit(
        mini,
        "jurisdictions/tree.yaml",
        "{id: SE-R01, kind: region, name: Region One, parent: SE}",
        "{id: SE-R01, kind: region, name: Region One, parent: SE-0001}",
    )
    error = only_error(mini, E.CycleError)
    assert "SE-R01" in error.message and "SE-0001" in error.message


def test_cycle_in_exceptions(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    then: {status: eligible_after_decision",
        "    exception_to: [money.studies]\n    then: {status: eligible_after_decision",
    )
    error = only_error(mini, E.CycleError)
    assert "money.right" in error.message and "money.studies" in error.message


def test_cycle_in_definitions(mini):
    add(
        mini,
        "rules/definitions.yaml",
        """
        definitions:
          - {name: first, when: second and lacks_means, description: {en: a}}
          - {name: second, when: first, description: {en: b}}
    """,
    )
    error = only_error(mini, E.CycleError)
    assert "first" in error.message and "second" in error.message


def test_overlapping_versions_of_a_reading(mini):
    add(
        mini,
        "jurisdictions/lenient.yaml",
        """
        jurisdiction: SE-0002
        readings:
          - point: studies_allowed
            value: "yes"
            valid_to: 2025-12-31
            source: {url: https://example.invalid/lenient, published: 2024-01-01}
            summary: {en: "Money can continue during studies.", sv: "Pengar kan ges under studier."}
            verified: true
          - point: studies_allowed
            value: "no"
            valid_from: 2025-06-01
            source: {url: https://example.invalid/lenient2, date_state: not_shown}
            summary: {en: "Changed.", sv: "Ändrad."}
            verified: false
    """,
    )
    error = only_error(mini, E.OverlappingValidityError)
    assert "SE-0002's reading of `studies_allowed`" in error.message
    assert error.file == "jurisdictions/lenient.yaml"
    assert error.line == 9  # the second version's item


def test_rule_without_citation(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    then: {status: not_eligible}\n    cites: [testlaw.1.2]\n",
        "    then: {status: not_eligible}\n",
    )
    error = only_error(mini, E.MissingCitationError)
    assert "money.studies cites no provision" in error.message
    assert error.line == line_of(mini, "rules/money.yaml", "id: money.studies")


def test_expression_that_does_not_parse(mini):
    edit(mini, "rules/money.yaml", 'when: activity == "studying" and', 'when: activity == "studying" and and')
    error = only_error(mini, E.ExpressionSyntaxError)
    assert error.file == "rules/money.yaml"
    assert error.line == line_of(mini, "rules/money.yaml", "and and")
    assert error.hint


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('activity == "studying"', 'activity == "sleeping"', '"sleeping" is not an allowed value'),
        ('activity == "studying"', "activity >= 3", "is enum, but is compared with 3"),
        ("age(birth_date) >= 18", "age(lacks_means) >= 18", "takes a date fact"),
        ('reading(studies_allowed) == "no"', 'reading(studies_allowed) == "maybe"', '"maybe" is not an allowed value'),
    ],
)
def test_expression_that_does_not_type_check(mini, old, new, needle):
    edit(mini, "rules/money.yaml", old, new)
    error = only_error(mini, E.ExpressionTypeError)
    assert needle in error.message
    assert error.line is not None


def test_static_conflict_with_a_witness(mini):
    edit(mini, "rules/money.yaml", "    exception_to: [money.right]\n", "")
    error = only_error(mini, E.StaticConflictError)
    assert "money.right and money.studies can both apply" in error.message
    assert "activity = 'studying'" in error.message  # the witness case
    assert "exception_to" in error.hint


def test_rule_citing_a_law_not_in_force(mini):
    edit(mini, "rules/money.yaml", "  - id: money.default\n", "  - id: money.default\n    valid_to: 2000-06-30\n")
    error = only_error(mini, E.CitationValidityError)
    assert "money.default" in error.message and "TL (2000:1) 1 kap. 1 §" in error.message


def test_support_without_default_status(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    default: true\n    then: {status: not_eligible}",
        "    when: not lacks_means\n    then: {status: not_eligible}",
    )
    error = only_error(mini, E.SchemaError)
    assert "support money has no default status rule" in error.message


def test_every_error_is_listed_not_only_the_first(mini):
    edit(mini, "rules/money.yaml", "when: lacks_means and", "when: lacks_money and")
    edit(mini, "jurisdictions/tree.yaml", "parent: SE-R01}\n  - {id: SE-0002", "parent: SE-R99}\n  - {id: SE-0002")
    add(mini, "rules/broken.yaml", "facts: [\n")
    _, errors = check_rulebook(mini)
    kinds = {type(e) for e in errors}
    assert {E.UnknownNameError, E.YamlSyntaxError} <= kinds
    assert len(errors) >= 3
    with pytest.raises(E.RulebookInvalid) as raised:
        load_rulebook(mini)
    assert len(raised.value.errors) == len(errors)


TEAM = """
    country: SE
    team:
      - id: coach
        name: {en: Coach}
        description: {en: "Helps."}
        source: https://example.org/team
        finds_out: [%s]
        tasks:
          - supports: [money]
            explores: [%s]
            task: {en: "Explains the money."}
"""


@pytest.mark.parametrize(
    ("finds_out", "explores", "needle"),
    [
        ("lacks_means", "activty", "explores unknown fact `activty`"),
        ("lacks_mean", "activity", "finds out unknown fact `lacks_mean`"),
        ("norwegian_only", "activity", "finds out `norwegian_only`, a fact not asked in SE"),
    ],
)
def test_team_roles_name_known_facts_of_their_country(mini, finds_out, explores, needle):
    edit(
        mini,
        "rules/facts.yaml",
        "facts:\n",
        'facts:\n  - name: norwegian_only\n    type: bool\n    countries: ["NO"]\n    question: {en: "Norwegian?"}\n',
    )
    add(mini, "rules/team.yaml", TEAM % (finds_out, explores))
    error = only_error(mini, E.UnknownNameError)
    assert needle in error.message
    assert error.file == "rules/team.yaml"


def test_a_warning_is_listed_but_does_not_refuse_the_rulebook(mini):
    # A new version of the studies rule from 2025-01-01 reads a point whose only local source is
    # from 2024-01-01: the page was written under the earlier rule.
    edit(
        mini,
        "rules/money.yaml",
        "    cites: [testlaw.1.2]\n",
        "    cites: [testlaw.1.2]\n    valid_from: 2025-01-01\n",
    )
    rulebook, errors = check_rulebook(mini)
    assert errors == []
    load_rulebook(mini)  # still loads
    # (the mini rulebook's unverified refusals are warned about too: a warning kind of its own)
    (warning,) = [w for w in rulebook.warnings if not isinstance(w, E.UnverifiedDecidesWarning)]
    assert isinstance(warning, E.SourceOlderThanRuleWarning)
    assert warning.file == "jurisdictions/lenient.yaml"
    assert warning.line == line_of(mini, "jurisdictions/lenient.yaml", "point: studies_allowed")
    assert "2024-01-01" in warning.message and "money.studies" in warning.message
    assert warning.render().startswith("jurisdictions/lenient.yaml:")
    assert ": warning: " in warning.render()


def test_a_reading_that_ends_before_the_newer_rule_is_not_warned_about(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    cites: [testlaw.1.2]\n",
        "    cites: [testlaw.1.2]\n    valid_from: 2025-01-01\n",
    )
    edit(mini, "jurisdictions/lenient.yaml", "verified: true", "verified: true\n    valid_to: 2024-12-31")
    rulebook, errors = check_rulebook(mini)
    assert errors == [] and not [w for w in rulebook.warnings if isinstance(w, E.SourceOlderThanRuleWarning)]


def test_a_reading_needs_a_summary_in_its_country_language(mini):
    edit(
        mini,
        "jurisdictions/lenient.yaml",
        'summary: {en: "Money can continue during studies.", sv: "Pengar kan ges under studier."}',
        'summary: {en: "Money can continue during studies."}',
    )
    error = only_error(mini, E.SchemaError)
    assert "no summary in sv" in error.message
    assert error.file == "jurisdictions/lenient.yaml"
    assert error.line == line_of(mini, "jurisdictions/lenient.yaml", "point: studies_allowed")


def test_a_source_cannot_be_published_after_it_was_found(mini):
    edit(mini, "jurisdictions/lenient.yaml", "published: 2024-01-01}", "published: 2024-01-01, found: 2023-05-01}")
    error = only_error(mini, E.SchemaError)
    assert "after it was found" in error.message


def test_an_unverified_rule_that_alone_refuses_is_warned_about_until_it_leaves_room(mini):
    # money.studies cites testlaw.1.2, which is unverified: it alone makes the outcome not_eligible.
    rulebook, errors = check_rulebook(mini)
    assert errors == []
    (warning,) = [w for w in rulebook.warnings if isinstance(w, E.UnverifiedDecidesWarning)]
    assert warning.file == "rules/money.yaml"
    assert warning.line == line_of(mini, "rules/money.yaml", "id: money.studies")
    assert "money.studies" in warning.message and "not_eligible_as_a_rule" in warning.hint
    edit(
        mini,
        "rules/money.yaml",
        "    then: {status: not_eligible}\n    cites: [testlaw.1.2]\n",
        "    then: {status: not_eligible_as_a_rule}\n    cites: [testlaw.1.2]\n"
        '    assessment: {when: {en: "it is reasonable"}, supported_when: activity == "studying", cites: [testlaw.1.2]}\n',
    )
    rulebook, errors = check_rulebook(mini)
    assert errors == [] and not [w for w in rulebook.warnings if isinstance(w, E.UnverifiedDecidesWarning)]


def test_an_assessment_must_name_facts_not_readings(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    then: {status: not_eligible}\n    cites: [testlaw.1.2]\n",
        "    then: {status: not_eligible_as_a_rule}\n    cites: [testlaw.1.2]\n"
        '    assessment: {when: {en: "x"}, supported_when: reading(studies_allowed) == "no", cites: [testlaw.1.2]}\n',
    )
    _, errors = check_rulebook(mini)
    assert any("supported_when` reads an interpretation point" in e.message for e in errors)
    assert all(e.file == "rules/money.yaml" for e in errors)



EXTRA_FACTS = "".join(f'\n  - name: flag{n}\n    type: bool\n    question: {{en: "Flag {n}?"}}' for n in range(4))


def test_a_conflict_between_large_conditions_is_still_found(mini):
    """The Rete back end compiles at most 256 decision-tree leaves per rule; the static conflict
    check must not stop there (it once passed over se.fs.study_break against
    se.fs.gymnasium_parents because their conditions together were larger)."""
    from tolka.backends.rete.decision_tree import MAX_LEAVES_PER_RULE, decision_leaves
    from tolka.expr.ast import And

    edit(mini, "rules/facts.yaml", 'question: {en: "Activity?"}', 'question: {en: "Activity?"}' + EXTRA_FACTS)
    flags = " or ".join(f"flag{n}" for n in range(4))
    edit(mini, "rules/money.yaml", 'when: activity == "studying" and', f'when: ({flags}) and activity == "studying" and')
    edit(mini, "rules/money.yaml", "    exception_to: [money.right]\n", "")
    book, _ = check_rulebook(mini)
    right, studies = (entry.condition for entry in book.rules if entry.rule.id in ("money.right", "money.studies"))
    assert len(decision_leaves(studies)) <= MAX_LEAVES_PER_RULE  # each rule compiles,
    assert len(decision_leaves(And((right, studies)), limit=10**6)) > MAX_LEAVES_PER_RULE  # the pair is larger
    error = only_error(mini, E.StaticConflictError)
    assert "money.right and money.studies can both apply" in error.message


def test_a_pair_too_large_to_search_is_reported_not_passed_over(mini, monkeypatch):
    import tolka.load.conflicts

    monkeypatch.setattr(tolka.load.conflicts, "MAX_LEAVES_PER_PAIR", 3)
    edit(mini, "rules/money.yaml", "    exception_to: [money.right]\n", "")
    book, _ = check_rulebook(mini)
    unchecked = [w for w in book.warnings if isinstance(w, E.ConflictUncheckedWarning)]
    assert len(unchecked) == 1
    assert "money.right and money.studies" in unchecked[0].message
    assert "was not checked" in unchecked[0].message
