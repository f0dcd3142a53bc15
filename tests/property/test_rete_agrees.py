"""The durable_rules network computes exactly Kleene's truth value of every condition.

Each example compiles a batch of random conditions into one network (durable_rules cannot remove a
ruleset, so networks are few and large) and runs random partial documents through it: every
rule's truth value, and for unknown ones the missing fields, must equal the reference semantics.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.property.strategies import DOMAINS, core_exprs, documents
from tolka.backends.rete.compile import CompilableRule, ConditionTooLarge, compile_network, decision_leaves
from tolka.backends.rete.durable_adapter import ReteNetwork
from tolka.expr.evaluate import missing_fields, truth
from tolka.expr.logic import Truth


def _compilable(conditions):
    out = []
    for condition in conditions:
        try:
            decision_leaves(condition, DOMAINS)
        except ConditionTooLarge:
            continue
        out.append(condition)
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(core_exprs(), min_size=30, max_size=60), st.lists(documents, min_size=40, max_size=40), st.booleans())
def test_network_equals_reference(conditions, docs, verify):
    conditions = _compilable(conditions)
    rules = [CompilableRule(f"r{i}", c, "SE") for i, c in enumerate(conditions)]
    network = ReteNetwork(compile_network(rules, "prop", domains=DOMAINS, verify=verify))
    for doc in docs:
        fired = network.evaluate(doc, frozenset({"SE"}))
        for rule in rules:
            expected = truth(rule.condition, doc)
            got, missing = fired.get(rule.key, (Truth.FALSE, ()))
            assert got is expected, (rule.condition, doc)
            if expected is Truth.UNKNOWN:
                assert missing == tuple(f.key for f in missing_fields(rule.condition, doc))


def test_scope_and_day_are_tested_in_the_network():
    from tolka.expr import ast as A

    condition = A.Cmp(A.Field("fact", "n0"), ">=", 1)
    rules = [
        CompilableRule("national", condition, "SE"),
        CompilableRule("local", condition, "SE-0001"),
        CompilableRule("dated", condition, "SE", valid_from=740000, valid_to=740010),
    ]
    network = ReteNetwork(compile_network(rules, "scope", domains=DOMAINS))
    inside = network.evaluate({"n0": 2, "day": 740005}, frozenset({"SE", "SE-0001"}))
    outside = network.evaluate({"n0": 2, "day": 740011}, frozenset({"SE"}))
    assert set(inside) == {"national", "local", "dated"}
    assert set(outside) == {"national"}
