"""The calendar terms of the condition language: how they parse, lower and refuse misuse."""

from __future__ import annotations

import datetime as dt

import pytest

from tolka.errors import ExpressionSyntaxError, ExpressionTypeError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.parser import parse
from tolka.expr.typecheck import Vocabulary, lower
from tolka.model.vocabulary import Fact
from tolka.periods import DateTerm, apply, birthday

VOCAB = Vocabulary(
    facts={
        "birth_date": Fact(name="birth_date", type="date", question={"en": "Born?"}),
        "flag": Fact(name="flag", type="bool", question={"en": "Flag?"}),
    },
    points={},
)


def test_a_limit_lowers_to_days_from_the_term():
    lowered = lower(parse("evaluation_date >= start_of_quarter_after(turns(birth_date, 16))"), VOCAB)
    assert lowered == A.Cmp(A.Field("derived", "cal__start_of_quarter_after__turns_16", "birth_date"), ">=", 0)
    flipped = lower(parse("end_of_month_before(turns(birth_date, 30)) >= evaluation_date"), VOCAB)
    assert flipped == A.Cmp(A.Field("derived", "cal__end_of_month_before__turns_30", "birth_date"), "<=", 0)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("turns(birth_date, 16) > 5", ExpressionTypeError),
        ("evaluation_date >= 2020-01-01", ExpressionTypeError),
        ("evaluation_date", ExpressionTypeError),
        ("evaluation_date >= turns(flag, 16)", ExpressionTypeError),
        ("evaluation_date >= turns(nobody, 16)", UnknownNameError),
        ("evaluation_date >= born(birth_date, 16)", ExpressionSyntaxError),
        ("evaluation_date >= turns(birth_date, 1.5)", ExpressionSyntaxError),
        ("age(turns(birth_date, 16)) > 3", ExpressionSyntaxError),
    ],
)
def test_misuse_is_refused_with_a_named_error(text, error):
    with pytest.raises(error):
        lower(parse(text), VOCAB)


def test_leap_day_birthdays_fall_on_1_march_in_common_years():
    born = dt.date(2008, 2, 29)
    assert birthday(born, 16) == dt.date(2024, 2, 29)
    assert birthday(born, 17) == dt.date(2025, 3, 1)
    # so a leap-day child turning 17 in 2025 turns it in March (month) and in the first quarter
    assert DateTerm("birth_date", 17, ("start_of_month_after",)).date(born) == dt.date(2025, 4, 1)
    assert DateTerm("birth_date", 17, ("start_of_quarter_after",)).date(born) == dt.date(2025, 4, 1)


def test_school_year_and_half_years():
    assert apply("end_of_school_year_starting", dt.date(2030, 3, 3)) == dt.date(2031, 7, 31)
    assert apply("end_of_first_half_year", dt.date(2030, 11, 3)) == dt.date(2030, 6, 30)
    assert apply("start_of_second_half_year", dt.date(2030, 1, 3)) == dt.date(2030, 7, 1)
    assert apply("end_of_quarter_before", dt.date(2030, 1, 3)) == dt.date(2029, 12, 31)


def _with_rule(mini, when: str, limits: str = "") -> list:
    from tolka.load import check_rulebook

    path = mini / "rules" / "money.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "when: lacks_means and age(birth_date) >= 18", f"when: '{when}'{limits}"
    )
    path.write_text(text, encoding="utf-8")
    return check_rulebook(mini)[1]


def test_check_refuses_a_date_limit_without_the_laws_wording(mini):
    errors = _with_rule(mini, "lacks_means and evaluation_date >= turns(birth_date, 18)")
    (error,) = errors
    assert error.kind == "limit" and "without the law's wording" in error.message
    assert error.file.endswith("money.yaml") and error.line


LIMIT_18 = (
    "\n    limits:\n      - {bound: from, term: 'turns(birth_date, 18)', provision: testlaw.1.1, wording: {en: x}}"
)


def test_check_accepts_a_limit_with_its_wording(mini):
    assert _with_rule(mini, "lacks_means and evaluation_date >= turns(birth_date, 18)", LIMIT_18) == []


def test_check_refuses_wording_for_a_limit_the_condition_lacks(mini):
    errors = _with_rule(mini, "lacks_means and evaluation_date > turns(birth_date, 18)", LIMIT_18)
    assert [e.kind for e in errors] == ["limit", "limit"]
    assert "does not contain" in errors[0].message and "without the law's wording" in errors[1].message


def _age_rule(ident: str, op: str, years: int, status: str) -> str:
    bound = {">=": "from", "<": "before"}[op]
    term = f"turns(birth_date, {years})"
    return (
        f"  - {{id: {ident}, support: money, when: 'evaluation_date {op} {term}', then: {{status: {status}}},"
        f" cites: [testlaw.1.1], limits: [{{bound: {bound}, term: '{term}', provision: testlaw.1.1,"
        f" wording: {{en: x}}}}]}}\n"
    )


def _conflicts(mini, *rules: str) -> list:
    """The conflicts check reports between rules added to the mini rulebook's money support."""
    from tolka.load import check_rulebook

    path = mini / "rules" / "money.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(rules), encoding="utf-8")
    return [
        e
        for e in check_rulebook(mini)[1]
        if e.kind == "conflict" and "money.old" in e.message and "money.young" in e.message
    ]


def test_terms_of_one_birth_date_move_together_in_the_conflict_check(mini):
    # whoever has turned 19 has turned 16: these two can never both apply
    old = _age_rule("money.old", ">=", 19, "eligible")
    assert _conflicts(mini, old, _age_rule("money.young", "<", 16, "not_eligible")) == []


def test_overlapping_age_bands_are_still_a_conflict(mini):
    old = _age_rule("money.old", ">=", 16, "eligible")
    assert _conflicts(mini, old, _age_rule("money.young", "<", 19, "not_eligible"))
