"""Kleene's three-valued logic: the laws the engine relies on."""

from hypothesis import given

from tests.property.strategies import truths
from tolka.expr.logic import Truth

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


@given(truths, truths)
def test_and_or_commute(a, b):
    assert a & b is b & a
    assert a | b is b | a


@given(truths, truths, truths)
def test_and_or_associate_and_distribute(a, b, c):
    assert (a & b) & c is a & (b & c)
    assert (a | b) | c is a | (b | c)
    assert a & (b | c) is (a & b) | (a & c)
    assert a | (b & c) is (a | b) & (a | c)


@given(truths, truths)
def test_de_morgan(a, b):
    assert ~(a & b) is ~a | ~b
    assert ~(a | b) is ~a & ~b


@given(truths)
def test_identities_and_double_negation(a):
    assert a & T is a and a | F is a
    assert a & F is F and a | T is T
    assert ~~a is a


def test_unknown_is_not_false():
    assert U & T is U  # an unknown conjunct keeps the whole unknown …
    assert U & F is F  # … unless the other settles it
    assert U | T is T
    assert U | F is U
    assert ~U is U
    assert U & ~U is U  # no excluded middle: unknown stays unknown
