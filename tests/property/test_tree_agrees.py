"""The expression-tree back end gives the durable_rules network's truth values, and so the same answers.

`Engine.evaluate` takes its truth values from `tolka.backends.tree` unless the Rete back end (the
reference) is chosen. Any difference is a bug in one of them, so the tests compare:

* random lowered conditions on random partial documents: the tree's value and missing keys equal
  the Rete network's and the reference semantics (`tolka.expr.evaluate`);
* the whole shipped rulebook: every rule's truth value and missing keys in every shipped
  jurisdiction, and the answer's JSON byte for byte, on synthetic cases with unknown facts, on
  hypothesis-generated cases with random readings of every point on dates on both sides of the 2025
  Social Services Act reform, and on the example cases.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.property.strategies import DOMAINS, core_exprs, documents
from tests.vector.test_agreement import DAYS, cases, readings
from tolka.backends.rete.compile import CompilableRule, ConditionTooLarge, compile_network, decision_leaves
from tolka.backends.rete.durable_adapter import ReteNetwork
from tolka.backends.tree import CompiledRule
from tolka.case import Case, read_case
from tolka.evaluate import Engine
from tolka.expr.evaluate import missing_fields, truth
from tolka.expr.logic import Truth
from tolka.jurisdictions import default_jurisdiction
from tolka.render.json_out import to_json

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "cases").glob("*.yaml"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(core_exprs(), min_size=30, max_size=60), st.lists(documents, min_size=40, max_size=40))
def test_tree_equals_network_and_reference(conditions, docs):
    compilable = []
    for condition in conditions:
        try:
            decision_leaves(condition, DOMAINS)
        except ConditionTooLarge:
            continue
        compilable.append(condition)
    rules = [CompilableRule(f"t{i}", c, "SE") for i, c in enumerate(compilable)]
    network = ReteNetwork(compile_network(rules, "tree", domains=DOMAINS))
    compiled = [CompiledRule(rule.key, rule.condition) for rule in rules]
    for doc in docs:
        fired = network.evaluate(doc, frozenset({"SE"}))
        for rule, tree in zip(rules, compiled, strict=True):
            got = tree.evaluate(doc)
            assert got == fired.get(rule.key, (Truth.FALSE, ())), (rule.condition, doc)
            expected = truth(rule.condition, doc)
            assert got[0] is expected
            if expected is Truth.UNKNOWN:
                assert got[1] == tuple(f.key for f in missing_fields(rule.condition, doc))


@pytest.fixture(scope="module")
def rete_engine(shipped_engine):
    """The shipped rulebook on the reference back end (its own registration of the same network)."""
    return Engine(shipped_engine.rulebook, shipped_engine.network, backend="rete")


@pytest.fixture(scope="module")
def tree_engine(shipped_engine):
    return Engine(shipped_engine.rulebook, shipped_engine.network, backend="tree")


def _synthetic(rulebook, count: int, seed: int) -> list[Case]:
    """Cases over the whole vocabulary, each fact unknown with probability 0.3 (codes always unknown)."""
    rng = random.Random(seed)
    draw = {
        "bool": lambda fact: rng.random() < 0.5,
        "enum": lambda fact: rng.choice(fact.value_ids),
        "date": lambda fact: dt.date(1990, 1, 1) + dt.timedelta(days=rng.randint(0, 8000)),
    }
    return [
        Case(
            {
                fact.name: draw.get(fact.type, lambda fact: rng.randint(0, 60))(fact)
                for fact in rulebook.facts.values()
                if fact.type != "code" and rng.random() >= 0.3
            }
        )
        for _ in range(count)
    ]


def test_every_shipped_jurisdiction_has_the_same_truths(rete_engine, tree_engine):
    """Each shipped jurisdiction (Swedish and Norwegian) with a synthetic case, on each test date."""
    rulebook = rete_engine.rulebook
    places = sorted(rulebook.jurisdictions)
    people = _synthetic(rulebook, 60, seed=13)
    unknown = 0
    for n, place in enumerate(places):
        for day in DAYS if n % 25 == 0 else DAYS[3:4]:
            case = people[n % len(people)]
            expected = rete_engine.truths(case, place, day)[0]
            assert tree_engine.truths(case, place, day)[0] == expected, (place, day, case.facts)
            unknown += sum(1 for value, _ in expected.values() if value is Truth.UNKNOWN)
    assert unknown > 1000  # the comparison covers the missing keys, not only true and false


@pytest.mark.parametrize("place", ["SE", "SE-EX-A", "SE-0180", "NO"])
def test_answers_are_byte_identical_on_synthetic_cases(rete_engine, tree_engine, place):
    day = dt.date(2025, 9, 1)
    for case in _synthetic(rete_engine.rulebook, 25, seed=len(place)):
        assert to_json(tree_engine.evaluate(case, place, day)) == to_json(rete_engine.evaluate(case, place, day))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_answers_are_byte_identical(rete_engine, tree_engine, path):
    case = read_case(path, rete_engine.rulebook)
    place = default_jurisdiction(case, rete_engine.rulebook)
    for day in DAYS:
        assert to_json(tree_engine.evaluate(case, place, day)) == to_json(rete_engine.evaluate(case, place, day))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_random_cases_and_readings_answer_alike(rete_engine, tree_engine, data):
    rulebook = rete_engine.rulebook
    day = data.draw(st.sampled_from(DAYS))
    place = data.draw(st.sampled_from(sorted(rulebook.jurisdictions)))
    swapped = data.draw(readings(rulebook, place, day))
    for case in data.draw(st.lists(cases(rulebook), min_size=1, max_size=4)):
        expected = rete_engine.truths(case, place, day, readings=swapped)[0]
        assert tree_engine.truths(case, place, day, readings=swapped)[0] == expected, (place, day, case.facts)
        assert to_json(tree_engine.evaluate(case, place, day, readings=swapped)) == to_json(
            rete_engine.evaluate(case, place, day, readings=swapped)
        )
