"""Step definitions for the Gherkin features: a person, a place and a date in; outcomes checked.

Steps speak the rulebook's vocabulary (fact names, support ids, statuses) so a scenario states
exactly what is asserted; the feature files add the human story around them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_bdd import given, parsers, then, when

from tolka.brief import Brief
from tolka.brief import brief as make_brief
from tolka.case import Case, case_from_mapping
from tolka.compare import counterpart_rows
from tolka.model.outcome import Evaluation, Outcome
from tolka.render.compare_view import still_unknown


class Scene:
    """What one scenario has set up and computed."""

    def __init__(self) -> None:
        self.facts: dict[str, object] = {}
        self.results: dict[str, Evaluation] = {}
        self.last: Evaluation | None = None
        self.brief: Brief | None = None


@pytest.fixture
def scene() -> Scene:
    return Scene()


def _value(text: str) -> object:
    text = text.strip()
    return {"true": True, "false": False, "unknown": None}.get(text, text)


def _outcome(scene: Scene, support: str, where: str | None = None) -> Outcome:
    evaluation = scene.results[where] if where else scene.last
    assert evaluation is not None, "no evaluation yet: add a When step"
    for outcome in evaluation.outcomes:
        if outcome.support == support:
            return outcome
    raise AssertionError(f"no outcome for {support} in {evaluation.jurisdiction.id}")


@given("a person with", target_fixture="scene")
def person_with(scene: Scene, datatable) -> Scene:
    header, *rows = datatable
    assert [h.strip() for h in header] == ["fact", "value"], "the table needs the columns: fact | value"
    for name, value in rows:
        scene.facts[name.strip()] = _value(value)
    return scene


@given(parsers.parse("the person's {fact} is {value}"), target_fixture="scene")
def person_fact(scene: Scene, fact: str, value: str) -> Scene:
    scene.facts[fact] = _value(value)
    return scene


def _evaluate(shipped_engine, scene: Scene, jurisdiction: str, day: str) -> Evaluation:
    case: Case = case_from_mapping({k: v for k, v in scene.facts.items() if v is not None}, shipped_engine.rulebook)
    result = shipped_engine.evaluate(case, jurisdiction, dt.date.fromisoformat(day))
    scene.results[jurisdiction] = result
    scene.last = result
    return result


@when(parsers.parse("the case is evaluated in {jurisdiction} on {day}"))
def evaluate_in(shipped_engine, scene: Scene, jurisdiction: str, day: str) -> None:
    _evaluate(shipped_engine, scene, jurisdiction, day)


@when(parsers.parse("the case is compared between {first} and {second} on {day}"))
def evaluate_in_two(shipped_engine, scene: Scene, first: str, second: str, day: str) -> None:
    _evaluate(shipped_engine, scene, first, day)
    _evaluate(shipped_engine, scene, second, day)


@then(parsers.parse("side by side, {first_support} in {first} is lined up with {second_support} in {second}"))
def lined_up(shipped_engine, scene: Scene, first_support: str, first: str, second_support: str, second: str) -> None:
    rows = counterpart_rows(shipped_engine, [scene.results[first], scene.results[second]])
    pairs = {
        (a.support, b.support)
        for row in rows
        for a in row.outcomes.get(first, [])
        for b in row.outcomes.get(second, [])
    }
    assert (first_support, second_support) in pairs, f"{first_support} and {second_support} are not on one line"


@then(parsers.parse("{fact} is still asked in {asked} but not in {other}"))
def asked_only_in(scene: Scene, fact: str, asked: str, other: str) -> None:
    unknown = still_unknown([scene.results[asked], scene.results[other]])
    assert fact in unknown[asked], f"{fact} is not asked in {asked}: {unknown[asked]}"
    assert fact not in unknown[other], f"{fact} is asked in {other} too"


@then(parsers.parse("the status of {support} is {status}"))
def support_status(scene: Scene, support: str, status: str) -> None:
    outcome = _outcome(scene, support)
    assert outcome.status == status, f"{support}: {outcome.status} (missing {outcome.missing_facts})"


@then(parsers.parse("in {where} the status of {support} is {status}"))
def support_status_in(scene: Scene, where: str, support: str, status: str) -> None:
    outcome = _outcome(scene, support, where)
    assert outcome.status == status, f"{support} in {where}: {outcome.status}"


@then(parsers.parse("the route of {support} is {route}"))
def support_route(scene: Scene, support: str, route: str) -> None:
    outcome = _outcome(scene, support)
    assert outcome.route is not None and outcome.route.id == route, outcome.route


@then(parsers.parse("no route for {support} is decided yet"))
def support_route_open(scene: Scene, support: str) -> None:
    # A route rule whose condition is unknown leaves the route undetermined: no route is named.
    outcome = _outcome(scene, support)
    assert outcome.route is None, outcome.route


@then(parsers.parse("the decision on {support} can be appealed to {court}"))
def support_appeal(scene: Scene, support: str, court: str) -> None:
    route = _outcome(scene, support).route
    assert route is not None and route.appeal is not None and route.appeal.appealable
    assert court in route.appeal.to.en or court in (route.appeal.to.sv or "")


@then(parsers.parse("the decision on {support} cannot be appealed"))
def support_no_appeal(scene: Scene, support: str) -> None:
    route = _outcome(scene, support).route
    assert route is not None and route.appeal is not None and not route.appeal.appealable


@then(parsers.parse("the legal status of {support} is {legal_status}"))
def support_legal(scene: Scene, support: str, legal_status: str) -> None:
    outcome = _outcome(scene, support)
    expected = None if legal_status == "undetermined" else legal_status
    assert outcome.legal_status == expected, outcome.legal_status


@then(parsers.parse('the answer on {support} cites "{citation}"'))
def support_cites(scene: Scene, support: str, citation: str) -> None:
    outcome = _outcome(scene, support)
    decisive = [r for r in outcome.reasons.rules if r.role in ("decisive", "default")]
    texts = [c.text for r in decisive for c in r.citations]
    assert citation in texts, f"{support} cites {texts}"


@then(parsers.parse("the answer on {support} still needs {facts}"))
def support_missing(scene: Scene, support: str, facts: str) -> None:
    outcome = _outcome(scene, support)
    expected = [f.strip() for f in facts.split(",")]
    assert outcome.missing_facts + outcome.missing_readings == expected


@then(parsers.parse("the answer on {support} rests on the reading {point} = {value} of {holder}"))
def support_reading(scene: Scene, support: str, point: str, value: str, holder: str) -> None:
    outcome = _outcome(scene, support)
    found = [r for r in outcome.reasons.readings + outcome.route_info if r.point == point]
    assert found, f"{support} uses no reading of {point}"
    assert str(found[0].value) == value and found[0].jurisdiction == holder, found[0]


@then(parsers.parse("the answer on {support} is marked unverified"))
def support_unverified(scene: Scene, support: str) -> None:
    assert _outcome(scene, support).unverified


@then(parsers.parse("the answer on {support} is not marked unverified"))
def support_verified(scene: Scene, support: str) -> None:
    outcome = _outcome(scene, support)
    assert not outcome.unverified, outcome.unverified_items


# --- the IPS team brief ---------------------------------------------------------------------------


def _role(scene: Scene, role: str):
    assert scene.brief is not None, "no brief yet: add a When step"
    for entry in scene.brief.roles:
        if entry.role == role:
            return entry
    raise AssertionError(f"the brief has nothing for {role}; roles: {[r.role for r in scene.brief.roles]}")


@when(parsers.parse("the team brief is made in {jurisdiction} on {day}"))
def brief_in(shipped_engine, scene: Scene, jurisdiction: str, day: str) -> None:
    case = case_from_mapping({k: v for k, v in scene.facts.items() if v is not None}, shipped_engine.rulebook)
    scene.brief = make_brief(shipped_engine, case, jurisdiction, dt.date.fromisoformat(day), "en")


@then(parsers.parse('the brief tells the {role} under {section}: "{text}"'))
def brief_tells(scene: Scene, role: str, section: str, text: str) -> None:
    lines = [line.text for line in _role(scene, role).know.get(section, [])]
    assert any(text in line for line in lines), f"no line under {section} contains {text!r}: {lines}"


@then(parsers.parse('the brief gives the {role} the task: "{text}"'))
def brief_task(scene: Scene, role: str, text: str) -> None:
    tasks = [line.text for lines in _role(scene, role).do.values() for line in lines]
    assert any(text in task for task in tasks), f"no task contains {text!r}: {tasks}"


@then(parsers.parse('the brief asks the {role}: "{question}"'))
def brief_asks(scene: Scene, role: str, question: str) -> None:
    assert question in _role(scene, role).ask, f"{role} is not asked {question!r}: {_role(scene, role).ask}"


@then(parsers.parse("the brief has nothing for the {role}"))
def brief_silent(scene: Scene, role: str) -> None:
    assert scene.brief is not None, "no brief yet: add a When step"
    assert role not in [r.role for r in scene.brief.roles]


# --- main rule with an exception on individual assessment, and what is still possible -----------


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@then(parsers.parse('an individual assessment of {support} can grant it when "{text}"'))
def support_assessment_when(scene: Scene, support: str, text: str) -> None:
    outcome = _outcome(scene, support)
    assert outcome.status == "not_eligible_as_a_rule", outcome.status
    whens = [d.when.en for d in outcome.discretion]
    assert any(text in when for when in whens), whens


@then(parsers.parse('the assessment of {support} cites "{citation}"'))
def support_assessment_cites(scene: Scene, support: str, citation: str) -> None:
    texts = [c.text for d in _outcome(scene, support).discretion for c in d.citations]
    assert citation in texts, texts


@then(parsers.parse("the facts that would support an exception to {support} are {facts}"))
def support_assessment_facts(scene: Scene, support: str, facts: str) -> None:
    named = [f.fact for d in _outcome(scene, support).discretion for f in d.supporting_facts]
    assert named == _names(facts), named


@then(parsers.parse("the facts given {verdict} an exception to {support}"))
def support_assessment_supported(scene: Scene, verdict: str, support: str) -> None:
    expected = {"support": "true", "do not show": "false", "do not yet settle": "unknown"}[verdict]
    found = [d.supported for d in _outcome(scene, support).discretion]
    assert found and all(value == expected for value in found), found


@then(parsers.parse("the statuses still possible for {support} are {statuses}"))
def support_status_possible(scene: Scene, support: str, statuses: str) -> None:
    assert _outcome(scene, support).status_possible == _names(statuses)


@then(parsers.parse("the legal statuses still possible for {support} are {values}"))
def support_legal_possible(scene: Scene, support: str, values: str) -> None:
    assert _outcome(scene, support).legal_status_possible == _names(values)
