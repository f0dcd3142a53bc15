"""`tolka check` on conditions that cannot vary, exception circles and reads across countries."""

from __future__ import annotations

from tests.unit.test_rulebook_errors import add, edit
from tolka import errors as E
from tolka.load import check_rulebook

PERCENT_FACT = """
  - name: work_percentage
    type: integer
    minimum: 0
    maximum: 100
    question: {en: "Per cent of full time?"}
"""


def rule(ident: str, when: str) -> str:
    return f"""
  - id: {ident}
    support: money
    when: {when}
    exception_to: [money.right]
    then: {{status: not_eligible}}
    cites: [testlaw.1.2]
"""


def warnings_of(root, kind):
    rulebook, errors = check_rulebook(root)
    return errors, [w for w in rulebook.warnings if isinstance(w, kind)]


def test_conditions_that_can_never_be_true_or_always_are_warned_about(mini):
    (mini / "rules/facts.yaml").write_text((mini / "rules/facts.yaml").read_text() + PERCENT_FACT)
    text = (mini / "rules/money.yaml").read_text()
    text += rule("money.negative_age", "age(birth_date) < -5")
    text += rule("money.over_full_time", "work_percentage > 150")
    text += rule("money.contradiction", "lacks_means and not lacks_means")
    text += rule("money.tautology", "lacks_means or not lacks_means")
    text += rule("money.fine", "work_percentage > 50")
    (mini / "rules/money.yaml").write_text(text)
    errors, found = warnings_of(mini, E.ConstantConditionWarning)
    assert not errors, [e.render() for e in errors]
    messages = {w.message.split(":")[0].removeprefix("rule "): w for w in found}
    assert set(messages) == {"money.negative_age", "money.over_full_time", "money.contradiction", "money.tautology"}
    assert "never be true" in messages["money.over_full_time"].message
    assert "true whenever" in messages["money.tautology"].message
    assert all(w.file and w.file.endswith("money.yaml") and w.line for w in found)


def test_one_exception_circle_is_reported_once_and_the_other_relations_stay(mini):
    edit(
        mini,
        "rules/money.yaml",
        "    then: {status: eligible_after_decision",
        "    exception_to: [money.studies]\n    then: {status: eligible_after_decision",
    )
    _, errors = check_rulebook(mini)
    cycles = [e for e in errors if isinstance(e, E.CycleError)]
    assert len(cycles) == 1 and cycles[0].line is not None
    assert not [e for e in errors if isinstance(e, E.StaticConflictError)], [e.render() for e in errors]


def test_a_rule_reading_a_point_of_the_other_country_is_an_error(mini):
    add(
        mini,
        "rules/no-catalogue.yaml",
        """
        country: "NO"
        points:
          - id: no_point
            question: {en: "A Norwegian question?"}
            values:
              - {id: "no", label: {en: "no"}}
              - {id: "yes", label: {en: "yes"}}
            default:
              - value: "no"
                rests_on: {cites: [testlaw.1.2]}
        """,
    )
    edit(
        mini,
        "rules/money.yaml",
        'activity == "studying" and',
        'activity == "studying" and reading(no_point) == "yes" and',
    )
    _, errors = check_rulebook(mini)
    crossing = [e for e in errors if "interpretation point of NO" in e.message]
    assert crossing and crossing[0].file.endswith("money.yaml") and crossing[0].line, [e.render() for e in errors]
