"""The dates a team brief computes: the last day of a benefit period."""

import datetime as dt

import pytest

from tolka.brief import last_day
from tolka.model.catalogue import BenefitPeriod

LABEL = {"en": "period"}


@pytest.mark.parametrize(
    ("start", "years", "months", "rule", "expected"),
    [
        ("2024-03-01", 3, 0, "day_before", "2027-02-28"),  # AAP's three years
        ("2023-01-31", 0, 1, "day_before", "2023-02-28"),  # no 31 February: the period ends with February
        ("2006-03-14", 30, 0, "end_of_previous_month", "2036-02-29"),  # aktivitetsersättning: month before turning 30
        ("2005-05-05", 30, 0, "end_of_previous_month", "2035-04-30"),
        ("2020-02-29", 2, 0, "day_before", "2022-02-28"),
        ("2020-02-29", 4, 0, "day_before", "2024-02-28"),
    ],
)
def test_last_day_of_a_period(start, years, months, rule, expected):
    period = BenefitPeriod(start="some_date", years=years, months=months, last_day=rule, label=LABEL, cites=("x.1",))
    assert last_day(period, dt.date.fromisoformat(start)) == dt.date.fromisoformat(expected)
