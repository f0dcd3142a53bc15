"""Rule text round-trips: parse(print(tree)) == tree for any surface tree."""

from hypothesis import given, settings

from tests.property.strategies import surface_exprs
from tolka.expr.parser import parse
from tolka.expr.printer import to_text


@settings(max_examples=400, deadline=None)
@given(surface_exprs)
def test_parse_print_parse(tree):
    text = to_text(tree)
    assert parse(text) == tree
    assert to_text(parse(text)) == text
