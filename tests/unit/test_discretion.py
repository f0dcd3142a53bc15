"""A main rule with an exception on individual assessment, what stays possible, and check's warning."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from tolka.case import Case, case_from_mapping
from tolka.load import check_rulebook
from tolka.mandate import mandate
from tolka.model.rule import Rule
from tolka.plan import action_plan
from tolka.questions import next_questions
from tolka.render.draw import to_markdown as to_text
from tolka.render.mandate_view import mandate_blocks

DAY = dt.date(2025, 9, 1)
PUPIL = {"birth_date": "2006-03-14", "current_activity": "upper_secondary", "lacks_means_of_support": True}


def _outcome(engine, facts, place, support):
    evaluation = engine.evaluate(case_from_mapping(facts, engine.rulebook), place, DAY)
    return evaluation, next(o for o in evaluation.outcomes if o.support == support)


def test_as_a_rule_needs_an_assessment_and_only_it_has_one():
    base = {"id": "x.r", "support": "s", "when": "true", "cites": ["p"]}
    with pytest.raises(ValidationError, match="assessment"):
        Rule.model_validate({**base, "then": {"status": "not_eligible_as_a_rule"}})
    assessment = {"when": {"en": "it is reasonable"}, "supported_when": "true", "cites": ["p"]}
    with pytest.raises(ValidationError, match="assessment"):
        Rule.model_validate({**base, "then": {"status": "not_eligible"}, "assessment": assessment})


def test_the_pupil_is_refused_as_a_rule_with_the_provision_and_facts_that_leave_room(shipped_engine):
    # FB 7 kap. 1 §: "efter vad som är skäligt med hänsyn till … föräldrarnas samlade ekonomiska förmåga"
    evaluation, outcome = _outcome(shipped_engine, PUPIL, "SE", "forsorjningsstod")
    assert outcome.status == "not_eligible_as_a_rule"
    assert outcome.status_possible == ["not_eligible_as_a_rule"]
    [item] = outcome.discretion
    assert "FB (1949:381) 7 kap. 1 §" in [c.text for c in item.citations]
    assert [f.fact for f in item.supporting_facts] == ["parents_can_support", "lives_with_parents"]
    assert item.supported == "unknown" and item.verified
    step = next(s for s in action_plan(shipped_engine.rulebook, evaluation).assessments if s.support == "forsorjningsstod")
    assert step.route == "se.social_assistance_application"
    assert [name for name, _ in step.find_out] == ["parents_can_support", "lives_with_parents"]


def test_guided_questions_ask_for_the_exception_facts_while_they_are_unknown(shipped_engine):
    case = case_from_mapping(PUPIL, shipped_engine.rulebook)
    questions = next_questions(shipped_engine, case, ["SE"], DAY, limit=100)
    asked = {q.fact: q for q in questions}
    assert "forsorjningsstod" in asked["parents_can_support"].for_assessment
    settling = [q for q in questions if q.score > 0]
    assert all(questions.index(q) < questions.index(asked["parents_can_support"]) for q in settling)
    answered = case.with_fact("parents_can_support", False).with_fact("lives_with_parents", True)
    later = {q.fact for q in next_questions(shipped_engine, answered, ["SE"], DAY, limit=100)}
    assert "parents_can_support" not in later and "lives_with_parents" not in later


def test_a_flat_refusal_absorbs_a_refusal_as_a_rule(shipped_engine):
    # Too young for AAP (§ 11-4) and too short a membership (§ 11-2): the age bar stands whatever the assessment.
    facts = {"birth_date": "2009-01-01", "years_insured_in_norway": 2, "receives_aap": False}
    _, outcome = _outcome(shipped_engine, facts, "NO", "no_aap")
    assert outcome.status == "not_eligible" and outcome.discretion == []


def test_ips_is_not_mandated_by_law_in_any_case_at_the_national_baseline(shipped_engine):
    _, outcome = _outcome(shipped_engine, {}, "SE", "ips")
    assert outcome.legal_status is None
    assert "mandated_by_law" not in outcome.legal_status_possible
    assert {"recommended_by_national_guidance", "discretionary", "not_offered"} <= set(outcome.legal_status_possible)
    view = mandate(shipped_engine, "ips", "SE", DAY)
    assert view.here.mandated_by_law_possible is False
    for language, words in (("en", "Not mandated by law in any case."), ("sv", "Inte en lagstadgad rättighet i något fall."), ("nb", "Ikke lovfestet i noe tilfelle.")):
        assert words in to_text(mandate_blocks(shipped_engine.rulebook, view, language))


def test_a_status_that_is_decided_lists_only_itself(shipped_engine):
    _, outcome = _outcome(shipped_engine, {}, "SE", "ips")
    assert outcome.status == "undetermined" and len(outcome.status_possible) > 1
    assert "conflict" not in outcome.status_possible


UNVERIFIED_REFUSAL = """
  - id: money.unverified_bar
    support: money
    when: lacks_means
    exception_to: [money.right]
    then: {status: not_eligible}
    cites: [testlaw.1.2]
    verified: false
"""


def test_check_warns_where_unverified_content_alone_refuses(mini, shipped_engine):
    # A rule of its own, so that verifying shipped content (as se.uga.age was, against förordning
    # 2007:813 5 §) never takes the example away.
    (mini / "rules/money.yaml").write_text((mini / "rules/money.yaml").read_text() + UNVERIFIED_REFUSAL)
    rulebook, errors = check_rulebook(mini)
    assert not errors, [e.render() for e in errors]
    found = [w for w in rulebook.warnings if w.kind == "unverified decides"]
    bar = [w for w in found if "money.unverified_bar" in w.message]
    assert [w.message for w in bar] == [
        "rule money.unverified_bar refuses (`not_eligible`) on unverified content alone"
    ]
    assert bar[0].file and bar[0].file.endswith("money.yaml") and bar[0].line and bar[0].hint
    warnings = [w for w in shipped_engine.rulebook.warnings if w.kind == "unverified decides"]
    messages = " ".join(w.message for w in warnings)
    assert all(w.file and w.line and w.hint for w in warnings)
    assert "se.fs.gymnasium_parents" not in messages and "no.sa.student" not in messages
    assert "se.uga." not in messages  # verified against the ordinance's text
    # § 11-14 unread: carrying on studying refuses AAP only as a main rule (NAV assesses §§ 11-5, 11-6)
    assert "no.aap.student_not_broken_off" not in messages
