"""Hypothesis strategies for expression trees (surface and core) and case documents."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tolka.expr import ast as A
from tolka.expr.logic import Truth

NAMES = st.sampled_from(["age", "goal", "lacks_means", "x", "birth_date", "study_form", "a_b2"])
WORDS = st.sampled_from(["work", "studies", "higher_education", "no", "yes", "a1"])

truths = st.sampled_from(list(Truth))

literals = st.one_of(
    WORDS.map(A.Lit),
    st.integers(-50, 500).map(A.Lit),
    st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)).map(A.Lit),
    st.booleans().map(A.Lit),
)
date_terms = st.recursive(
    st.one_of(NAMES.map(A.Name), st.builds(A.Turns, NAMES, st.integers(0, 99))),
    lambda inner: st.builds(A.Period, st.sampled_from(["start_of_quarter_after", "end_of_first_half_year"]), inner),
    max_leaves=3,
)
operands = st.one_of(
    NAMES.map(A.Name),
    NAMES.map(A.ReadingRef),
    st.builds(A.Call, st.sampled_from(["age", "months_since"]), NAMES),
    date_terms.filter(lambda term: not isinstance(term, A.Name)),
)
surface_atoms = st.one_of(
    st.builds(A.Compare, operands, st.sampled_from(A.COMPARISON_OPERATORS), st.one_of(literals, operands)),
    st.builds(A.InList, operands, st.lists(literals, min_size=1, max_size=3).map(tuple), st.booleans()),
    st.builds(lambda o, lo, span: A.InRange(o, lo, lo + span), operands, st.integers(0, 60), st.integers(0, 20)),
    st.builds(A.Known, operands),
    st.builds(A.Truthy, operands),
    st.sampled_from([A.Const(Truth.TRUE), A.Const(Truth.FALSE)]),
)
surface_exprs = st.recursive(
    surface_atoms,
    lambda inner: st.one_of(
        inner.map(A.Not),
        st.lists(inner, min_size=2, max_size=3).map(lambda items: A.And(tuple(items))),
        st.lists(inner, min_size=2, max_size=3).map(lambda items: A.Or(tuple(items))),
    ),
    max_leaves=8,
)

# --- core expressions over a few integer and enum fields ----------------------------------------
INT_FIELDS = [A.Field("fact", f"n{i}") for i in range(4)]
ENUM_FIELDS = [A.Field("fact", f"e{i}") for i in range(2)]
ENUM_VALUES = ("a", "b", "c")
DOMAINS = {**{f: A.INTEGER for f in INT_FIELDS}, **{f: ENUM_VALUES for f in ENUM_FIELDS}}


def _core_atom(fields):
    int_fields = [f for f in fields if f in INT_FIELDS] or INT_FIELDS[:1]
    enum_fields = [f for f in fields if f in ENUM_FIELDS] or ENUM_FIELDS[:1]
    return st.one_of(
        st.builds(A.Cmp, st.sampled_from(int_fields), st.sampled_from(A.COMPARISON_OPERATORS), st.integers(0, 4)),
        st.builds(
            A.Member,
            st.sampled_from(int_fields),
            st.sets(st.integers(0, 4), min_size=1, max_size=3).map(lambda s: tuple(sorted(s))),
        ),
        st.builds(A.Cmp, st.sampled_from(enum_fields), st.sampled_from(["==", "!="]), st.sampled_from(ENUM_VALUES)),
        st.builds(
            A.Member,
            st.sampled_from(enum_fields),
            st.sets(st.sampled_from(ENUM_VALUES), min_size=1, max_size=2).map(lambda s: tuple(sorted(s))),
        ),
        st.builds(A.IsKnown, st.sampled_from(list(fields))),
    )


@st.composite
def core_exprs(draw):
    """A lowered condition over at most three fields (realistic rule size)."""
    fields = draw(st.lists(st.sampled_from(INT_FIELDS + ENUM_FIELDS), min_size=1, max_size=3, unique=True))
    return draw(
        st.recursive(
            _core_atom(fields),
            lambda inner: st.one_of(
                inner.map(A.Not),
                st.lists(inner, min_size=2, max_size=3).map(lambda items: A.And(tuple(items))),
                st.lists(inner, min_size=2, max_size=3).map(lambda items: A.Or(tuple(items))),
            ),
            max_leaves=5,
        )
    )


documents = st.fixed_dictionaries(
    {},
    optional={
        **{f.key: st.integers(-1, 5) for f in INT_FIELDS},
        **{f.key: st.sampled_from(ENUM_VALUES) for f in ENUM_FIELDS},
    },
)


# --- hostile case documents and API bodies (issue 16) ---------------------------------------------

HOSTILE_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    ["\x1b]0;x\x07", "\u202e", "2025-02-30", "20000101", "2000-W52", "NaN", "1e309", "", " "]
)
hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    HOSTILE_TEXT,
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
    max_leaves=8,
)


def hostile_cases(fact_names: list[str]) -> st.SearchStrategy[dict]:
    """Case documents: real fact names and made-up ones, each with any JSON-like value."""
    names = st.sampled_from(fact_names) | HOSTILE_TEXT
    return st.dictionaries(names, hostile_values, max_size=6)


def hostile_bodies(fact_names: list[str]) -> st.SearchStrategy[dict]:
    """API request bodies: the real keys with hostile values, and stray keys."""
    keys = st.sampled_from(
        ["case", "date", "jurisdiction", "jurisdictions", "plan", "explain", "lang", "limit", "skip"]
    )
    return st.dictionaries(keys | HOSTILE_TEXT, hostile_values, max_size=5) | st.fixed_dictionaries(
        {"case": hostile_cases(fact_names)}, optional={"date": hostile_scalars}
    )
