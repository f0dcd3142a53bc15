"""Guided questions, explanations and the action plan on the shipped rulebook."""

from __future__ import annotations

import datetime as dt

from tolka.case import Case, case_from_mapping
from tolka.explain import explain_all
from tolka.plan import action_plan
from tolka.questions import next_questions

DAY = dt.date(2025, 9, 1)
AMIRA = {
    "birth_date": "2006-03-14",
    "mental_health_problem": True,
    "schizophrenia_spectrum_diagnosis": True,
    "psychiatric_contact": True,
    "current_activity": "upper_secondary",
    "goal": "studies",
    "lacks_means_of_support": True,
}


def test_first_question_for_an_empty_case_is_the_most_decisive(shipped_engine):
    questions = next_questions(shipped_engine, Case({"mental_health_problem": True}), ["SE-EX-C"], DAY)
    assert questions[0].fact == "current_activity"
    assert questions[0].score >= questions[1].score
    assert questions == sorted(questions, key=lambda q: -q.score)


def test_question_ranking_over_several_jurisdictions_counts_them(shipped_engine):
    questions = next_questions(shipped_engine, Case({}), ["SE-EX-A", "SE-EX-B", "SE-EX-C"], DAY, limit=1)
    assert questions[0].jurisdictions == 3 and 1 <= questions[0].settles_in <= 3


def test_a_fact_answered_dont_know_is_not_asked_again(shipped_engine):
    first = next_questions(shipped_engine, Case({}), ["SE"], DAY, limit=1)[0].fact
    again = next_questions(shipped_engine, Case({}), ["SE"], DAY, limit=1, skip=frozenset({first}))[0].fact
    assert again != first


def test_every_explanation_sentence_carries_a_citation(shipped_engine):
    case = case_from_mapping(AMIRA, shipped_engine.rulebook)
    evaluation = shipped_engine.evaluate(case, "SE-EX-C", DAY)
    explanations = explain_all(shipped_engine, case, evaluation, "sv")
    assert set(explanations) == {o.support for o in evaluation.outcomes}
    for explanation in explanations.values():
        for sentence in explanation.sentences():
            assert sentence.citations and all(c.strip() for c in sentence.citations), sentence.text
    fs = explanations["forsorjningsstod"]
    # FB 7 kap. 1 §: the parents' duty is "what is reasonable given … their combined means", so the
    # pupil is refused as a main rule, with room for an assessment — never a flat no.
    assert fs.status == "not_eligible_as_a_rule"
    assert any(s.text.startswith("En individuell prövning kan ge rätt när föräldrarna inte skäligen") for s in fs.why)
    assert any("FB (1949:381) 7 kap. 1 §" in s.citations for s in fs.why)
    assert any("21 år" in s.text for s in fs.would_change)  # parents' duty of maintenance ends at 21
    assert any("prövas individuellt" in s.text for s in fs.would_change)  # another local reading


def test_open_questions_are_said_once_with_every_provision_that_waits_on_them(shipped_engine):
    case = case_from_mapping(AMIRA, shipped_engine.rulebook)
    evaluation = shipped_engine.evaluate(case, "SE-EX-C", DAY)
    sick_pay = explain_all(shipped_engine, case, evaluation, "en")["sjukpenning"]
    assert sick_pay.status == "undetermined"
    waiting = [s for s in sick_pay.why if s.text.startswith("That depends on what is not yet known")]
    assert len(waiting) == 1
    rulebook = shipped_engine.rulebook
    outcome = next(o for o in evaluation.outcomes if o.support == "sjukpenning")
    for name in outcome.missing_facts:
        assert rulebook.facts[name].question.get("en") in waiting[0].text
    assert {"SFB (2010:110) 27 kap. 2 §", "SFB (2010:110) 24 kap. 2 §"} <= set(waiting[0].citations)


def test_action_plan_orders_applications_and_names_the_team(shipped_engine):
    case = case_from_mapping(AMIRA, shipped_engine.rulebook)
    plan = action_plan(shipped_engine.rulebook, shipped_engine.evaluate(case, "SE-EX-C", DAY))
    first = plan.steps[0]
    assert first.route == "se.sol_needs_assessed_insats" and set(first.supports) >= {"ips", "supported_education"}
    assert first.appealable is True and first.citations
    assert [s.route for s in plan.steps].index("se.csn_automatic_studiebidrag") > 0
    roles = {work.role for work in plan.team}
    assert {"employment_specialist", "social_worker", "psychiatry_contact"} <= roles
    assert plan.ask_person and all(question.en for _, question in plan.ask_person)
