"""Values derived from dates, computed on arrays, equal `tolka.document.derived_values`."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tolka.backends.vector.columns import date_scalars, derive
from tolka.document import date_values, derived_values

DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
LEAP_DAYS = st.sampled_from(
    [dt.date(2000, 2, 29), dt.date(2004, 2, 29), dt.date(2024, 2, 29), dt.date(2023, 2, 28), dt.date(2023, 3, 1)]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(DATES, LEAP_DAYS), min_size=1, max_size=40), st.one_of(DATES, LEAP_DAYS))
def test_every_builtin_function_matches_the_document(births, day):
    ordinals = np.array([b.toordinal() for b in births], dtype=np.int64)
    for position, birth in enumerate(births):
        for key, expected in derived_values("x", birth, day).items():
            function = key.rsplit("__", 1)[0]
            assert int(derive(function, ordinals, day)[position]) == expected, (key, birth, day)


@given(st.one_of(DATES, LEAP_DAYS))
def test_date_builtins_match_the_document(day):
    document = date_values(day)
    assert all(document[key] == value for key, value in date_scalars(day).items())
