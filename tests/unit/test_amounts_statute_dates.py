"""Riksnormen by date and by age, checked against the ordinance's own words.

The expected figures are copied from the text of socialtjänstförordningen, not from the parameters:

- SoF (2025:468) 12 kap. 2 § in its original wording (in force 2025-07-01), "Riksnormen för ett
  hushåll under 2025": Ensamstående 3 910; 15-18 år 4 920; 19-20 år 4 960; gemensamma
  hushållskostnader 1 person 1 270, 3 personer 1 770, 4 personer 2 010.
- The same section in the wording of SFS 2025:1046 (in force 2026-01-01): Ensamstående 3 940;
  1 person 1 280.
- From 1 January to 30 June 2025 the provision in force was SoF (2001:937) 2 kap. 1 § (SFS
  2024:1016), which was not read: the 2025 figures are shown there, but marked unverified.
- Before 2025 no table was read: no figure at all, never a guessed one.

The row for a young person (SoF 12 kap. 2 §: "Personliga kostnader per hemmavarande barn och
skolungdom", by age) read with SoF 1 kap. 4 § (words mean what they mean in SoL), SoL 3 kap. 1 §
andra stycket ("Med barn avses en person under 18 år") and SoL 12 kap. 9 § ("Till skolgång räknas
studier i grundskolan eller gymnasieskolan eller annan jämförlig grundutbildning"): a 19- or
20-year-old living at home and at school is on the "19-20 år" row; from the 21st birthday, or
when not at school, an adult ("Ensamstående") with an equal share of the common costs (12 kap. 3 §).

Norway: forskrift om utdanningsstøtte as amended by FOR-2025-02-27-348: "I studieåret 2025–2026 er
basislånet 15 169 kr for fulltidsstudier" (§ 74), "Satsene for studieåret 2025–2026 gjelder for
perioden 16. august 2025 til 15. august 2026" (§ 5), up to 15 % (§ 77) and 25 % (§ 78) convertible
to a grant. Before it, Lånekassen's page for 2024–2025: "Basislån 13 790 i månaden".
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_amounts_statute import FS_BASE, _amount, _dec, _step

ENSAMSTAENDE = {2025: Decimal(3910), 2026: Decimal(3940)}
ONE_PERSON = {2025: Decimal(1270), 2026: Decimal(1280)}


def _riksnorm(tmp_path: Path, facts: dict[str, Any], date: str) -> tuple[dict[str, Any], dict[str, Any]]:
    amount = _amount(tmp_path, facts, "SE", date, "forsorjningsstod")
    return _step(amount, "personal"), _step(amount, "common_share")


def _parameter_verified(step: dict[str, Any]) -> bool:
    (parameter,) = [i for i in step["inputs"] if i["kind"] == "parameter"]
    verified: bool = parameter["verified"]
    return verified


@pytest.mark.parametrize(
    ("date", "year", "verified"),
    [
        ("2025-01-01", 2025, False),
        ("2025-01-02", 2025, False),
        ("2025-06-30", 2025, False),
        ("2025-07-01", 2025, True),
        ("2025-07-02", 2025, True),
        ("2025-12-31", 2025, True),
        ("2026-01-01", 2026, True),
        ("2026-01-02", 2026, True),
    ],
)
def test_riksnorm_for_an_adult_living_alone_by_date(tmp_path: Path, date: str, year: int, verified: bool) -> None:
    personal, common = _riksnorm(tmp_path, {**FS_BASE, "birth_date": "2003-02-10"}, date)
    assert _dec(personal["value"]) == ENSAMSTAENDE[year]
    assert _dec(common["value"]) == ONE_PERSON[year]
    assert _parameter_verified(personal) is verified


def test_no_riksnorm_before_2025_is_never_a_guess(tmp_path: Path) -> None:
    amount = _amount(tmp_path, {**FS_BASE, "birth_date": "2003-02-10"}, "SE", "2024-12-31", "forsorjningsstod")
    assert _step(amount, "personal")["value"] is None
    assert "se.riksnorm.personal.single_adult" in amount["missing_parameters"]


def test_an_adult_sharing_a_household_gets_a_share_of_its_common_costs(tmp_path: Path) -> None:
    facts = {**FS_BASE, "birth_date": "2003-02-10", "household_size": 3}
    personal, common = _riksnorm(tmp_path, facts, "2025-09-01")
    assert _dec(personal["value"]) == ENSAMSTAENDE[2025]
    assert _dec(common["value"]) == (Decimal(1770) / 3).quantize(Decimal("0.01"))


# --- the youth row: 15-18 år, 19-20 år, then Ensamstående ------------------------------------------
AT_HOME_IN_SCHOOL = {
    **FS_BASE,
    "lives_with_parents": True,
    "current_activity": "upper_secondary",
    "household_size": 4,
}


@pytest.mark.parametrize(
    ("date", "row"),
    [("2025-09-14", Decimal(4920)), ("2025-09-15", Decimal(4960)), ("2025-09-16", Decimal(4960))],
    ids=["day-before-19", "19th-birthday", "day-after"],
)
def test_the_19th_birthday_moves_a_school_youth_at_home_to_the_19_20_row(
    tmp_path: Path, date: str, row: Decimal
) -> None:
    personal, common = _riksnorm(tmp_path, {**AT_HOME_IN_SCHOOL, "birth_date": "2006-09-15"}, date)
    assert _dec(personal["value"]) == row
    assert _dec(common["value"]) == Decimal(2010) / 4


@pytest.mark.parametrize(
    ("date", "row"),
    [("2025-09-14", Decimal(4960)), ("2025-09-15", ENSAMSTAENDE[2025]), ("2025-09-16", ENSAMSTAENDE[2025])],
    ids=["day-before-21", "21st-birthday", "day-after"],
)
def test_the_21st_birthday_ends_the_19_20_row(tmp_path: Path, date: str, row: Decimal) -> None:
    personal, _ = _riksnorm(tmp_path, {**AT_HOME_IN_SCHOOL, "birth_date": "2004-09-15"}, date)
    assert _dec(personal["value"]) == row


@pytest.mark.parametrize(
    "change",
    [{"current_activity": "none"}, {"current_activity": "higher_education"}, {"lives_with_parents": False}],
    ids=["at-home-not-at-school", "at-home-at-university", "at-school-living-apart"],
)
def test_a_20_year_old_who_is_not_a_school_youth_at_home_is_an_adult(tmp_path: Path, change: dict[str, Any]) -> None:
    facts = {**AT_HOME_IN_SCHOOL, "birth_date": "2005-03-01", **change}
    personal, _ = _riksnorm(tmp_path, facts, "2025-09-01")
    assert _dec(personal["value"]) == ENSAMSTAENDE[2025]


# --- Norway: Lånekassen's basislån, 2024–2025 to 2025–2026 ------------------------------------------
FULL_TIME_STUDENT = {"birth_date": "2003-04-12", "study_pace": "full_time"}


@pytest.mark.parametrize(
    ("date", "monthly"),
    [("2025-08-15", Decimal(13790)), ("2025-08-16", Decimal(15169)), ("2025-08-17", Decimal(15169))],
    ids=["day-before", "16-august", "day-after"],
)
def test_basislan_for_2025_2026_starts_on_16_august(tmp_path: Path, date: str, monthly: Decimal) -> None:
    amount = _amount(tmp_path, FULL_TIME_STUDENT, "NO", date, "no_lanekassen")
    assert amount["period"] == "per_month"
    assert _dec(amount["value"]) == monthly
    assert _dec(_step(amount, "convertible")["value"]) == (monthly * Decimal("0.15") + monthly * Decimal("0.25"))


def test_basislan_after_15_august_2026_is_not_made_up(tmp_path: Path) -> None:
    assert _amount(tmp_path, FULL_TIME_STUDENT, "NO", "2026-08-15", "no_lanekassen")["value"] == "15169"
    amount = _amount(tmp_path, FULL_TIME_STUDENT, "NO", "2026-08-16", "no_lanekassen")
    assert amount["value"] is None
    assert "no.lanekassen.basislan_month" in amount["missing_parameters"]
