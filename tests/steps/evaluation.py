"""Step definitions for the Gherkin features: a person, a place and a date in; outcomes checked.

Steps speak the rulebook's vocabulary (fact names, support ids, statuses) so a scenario states
exactly what is asserted; the feature files add the human story around them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_bdd import given, parsers, then, when

from engine.case import Case, case_from_mapping
from engine.model.outcome import Evaluation, Outcome


class Scene:
    """What one scenario has set up and computed."""

    def __init__(self) -> None:
        self.facts: dict[str, object] = {}
        self.results: dict[str, Evaluation] = {}
        self.last: Evaluation | None = None


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
