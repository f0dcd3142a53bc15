"""The array form of Kleene's logic equals the reference semantics, person by person.

Random lowered conditions (including `known`, memberships and comparisons on integer and enum
fields) are run over a batch of random partial documents at once; every person's truth value and,
where unknown, missing fields must be what `tolka.expr.evaluate` gives for that document alone.
Some fields are given as shared scalars, as readings are, to cover broadcasting.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.property.strategies import ENUM_FIELDS, ENUM_VALUES, INT_FIELDS, core_exprs, documents
from tolka.backends.vector.columns import Column, Scalar
from tolka.backends.vector.kernel import compile_condition, missing_keys, run
from tolka.expr import ast as A
from tolka.expr.evaluate import missing_fields, truth
from tolka.expr.logic import Truth


def _shared(docs: list[dict], shared: set[A.Field]) -> list[dict]:
    """The documents with the shared fields set to the first document's value (or left unknown)."""
    keys = {f.key for f in shared}
    first = {k: v for k, v in docs[0].items() if k in keys}
    return [{**{k: v for k, v in d.items() if k not in keys}, **first} for d in docs]


def _columns(docs: list[dict], shared: set[A.Field]) -> dict[A.Field, Column | Scalar]:
    out: dict[A.Field, Column | Scalar] = {}
    for fld in INT_FIELDS + ENUM_FIELDS:
        if fld in shared:
            out[fld] = Scalar(docs[0].get(fld.key))
            continue
        known = np.array([fld.key in d for d in docs], dtype=bool)
        if fld in ENUM_FIELDS:
            codes = np.array([ENUM_VALUES.index(d[fld.key]) if fld.key in d else 0 for d in docs], dtype=np.int32)
            out[fld] = Column(known, codes, ENUM_VALUES)
        else:
            out[fld] = Column(known, np.array([d.get(fld.key, 0) for d in docs], dtype=np.int64))
    return out


@settings(max_examples=150, deadline=None)
@given(
    core_exprs(),
    st.lists(documents, min_size=1, max_size=30),
    st.sets(st.sampled_from(INT_FIELDS + ENUM_FIELDS), max_size=2),
)
def test_vector_truth_and_missing_equal_the_reference(condition, docs, shared):
    docs = _shared(docs, shared)
    columns = _columns(docs, shared)
    program = compile_condition(condition)
    values = run(program, columns.__getitem__, len(docs))
    for person, doc in enumerate(docs):
        expected = truth(condition, doc)
        got = Truth.TRUE if values.true[person] else Truth.FALSE if values.false[person] else Truth.UNKNOWN
        assert got is expected, (condition, doc)
        if expected is Truth.UNKNOWN:
            assert missing_keys(program, values.missing[person]) == tuple(f.key for f in missing_fields(condition, doc))


def test_constants_and_shared_values_broadcast():
    program = compile_condition(A.Or((A.Const(Truth.FALSE), A.IsKnown(A.Field("reading", "p")))))
    values = run(program, lambda f: Scalar(None), 3)
    assert values.true.shape == (3,) and not values.true.any() and values.false.all()


def test_missing_patterns_beyond_one_word():
    """Conditions with more than 64 comparisons keep exact missing fields (several words per person)."""
    fields = [A.Field("fact", f"f{i}") for i in range(70)]
    condition = A.And(tuple(A.Cmp(f, "==", 1) for f in fields))
    program = compile_condition(condition)
    assert program.words == 2
    known = np.array([True, False])
    values = run(program, lambda f: Column(known, np.array([1, 0])) if f.name == "f69" else Scalar(1), 2)
    assert values.true[0] and not values.true[1] and not values.false[1]
    assert missing_keys(program, values.missing[1]) == ("f69",)
