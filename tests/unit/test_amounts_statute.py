"""Amounts checked against the statutes' own wording, not against the shipped formulas.

Each expected figure is computed here from the provision's text and the sourced parameter value
(prisbasbelopp, G), then compared with `tolka evaluate --format json`'s Outcome.amount:

- SoF (2025:468) 12 kap. 2 § (wording of SFS 2025:1046, year 2026): personal costs 3 940 kr for an
  adult living alone ("Ensamstående"; the 19–20 row is for children living at home), common
  household costs 1 280 kr for one person.
- Studiestödslagen 3 kap. 11–12 §§: 5,74 % (total) and 1,74 % (grant) of the prisbasbelopp per
  week of full-time study; 2 kap. 7 §: studiebidrag 1 250 kr a month.
- SFB 35 kap. 19 §: garantiersättning 2,48 prisbasbelopp a year before the month one turns 21,
  2,53 from that month; the yearly amount rounded to a krona divisible by twelve (SFB 36 kap. 30 §,
  not re-read here).
- Folketrygdloven § 11-20: AAP minimum 2,041 G a year (from 2024-07-01), 2/3 of it under 25.
- Sosialtjenesteloven § 35: kvalifiseringsstønad 2 G a year, 2/3 of that under 25 (nav.no).
Prisbasbelopp 58 800 (2025), 59 200 (2026); G 130 160 (from 2025-05-01), 136 549 (from 2026-05-01).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tolka.cli import cli

PBB = {2025: Decimal(58800), 2026: Decimal(59200)}
G_2025 = Decimal(130160)
G_2026 = Decimal(136549)
CENT = Decimal("0.01")


def _amount(tmp_path: Path, facts: dict[str, Any], where: str, date: str, support: str) -> dict[str, Any]:
    """Outcome.amount of `support` from `tolka evaluate --format json`."""
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(facts), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(case), "-j", where, "--date", date, "--format", "json"])
    assert result.exit_code == 0, result.output
    for outcome in json.loads(result.stdout)["outcomes"]:
        if outcome["support"] == support:
            amount: dict[str, Any] = outcome["amount"]
            assert amount is not None, f"{support} has no amount"
            return amount
    raise AssertionError(f"no outcome for {support}")


def _step(amount: dict[str, Any], step_id: str) -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in amount["calculations"][0]["steps"] if s["id"] == step_id)
    return step


def _dec(text: str | None) -> Decimal:
    assert text is not None
    return Decimal(text).quantize(CENT, ROUND_HALF_UP)


def _round_to_12(yearly: Decimal) -> Decimal:
    """Nearest whole krona divisible by twelve (SFB 36 kap. 30 §)."""
    return (yearly / 12).quantize(Decimal(1), ROUND_HALF_UP) * 12


# --- försörjningsstöd: riksnorm 2026 for one adult living alone --------------------------------
FS_BASE = {
    "mental_health_problem": True,
    "lives_with_parents": False,
    "household_size": 1,
    "monthly_housing_cost": 5000,
    "monthly_tax_on_benefits": 0,
}
RIKSNORM_SINGLE_2026 = Decimal(3940) + Decimal(1280)  # SoF 12 kap. 2 §: Ensamstående + 1 person


@pytest.mark.parametrize("birth_date", ["2006-02-10", "2004-02-10"], ids=["age-20", "age-22"])
def test_riksnorm_need_for_one_adult_living_alone(tmp_path: Path, birth_date: str) -> None:
    amount = _amount(tmp_path, {**FS_BASE, "birth_date": birth_date}, "SE", "2026-03-01", "forsorjningsstod")
    assert _dec(_step(amount, "need")["value"]) == RIKSNORM_SINGLE_2026 + 5000


@pytest.mark.parametrize("birth_date", ["2006-02-10", "2004-02-10"], ids=["age-20", "age-22"])
def test_income_unknown_gives_a_range_naming_monthly_income(tmp_path: Path, birth_date: str) -> None:
    amount = _amount(tmp_path, {**FS_BASE, "birth_date": birth_date}, "SE", "2026-03-01", "forsorjningsstod")
    assert amount["value"] is None, "an unknown income must not become a figure (never a silent 0)"
    assert "monthly_income" in amount["missing_facts"]
    assert _dec(amount["low"]) == 0
    # With no income and no other benefit the top-up is the whole need, and never more.
    assert _dec(amount["high"]) == RIKSNORM_SINGLE_2026 + 5000


# --- studiemedel and studiehjälp -----------------------------------------------------------------
@pytest.mark.parametrize("year", [2025, 2026])
def test_studiemedel_full_time_per_week(tmp_path: Path, year: int) -> None:
    facts = {"birth_date": "2003-05-05", "study_pace": "full_time", "study_form": "higher_education"}
    amount = _amount(tmp_path, facts, "SE", f"{year}-03-01", "studiemedel")
    assert amount["period"] == "per_week"
    assert _dec(amount["value"]) == (Decimal("0.0574") * PBB[year]).quantize(CENT)
    assert _dec(_step(amount, "grant")["value"]) == (Decimal("0.0174") * PBB[year]).quantize(CENT)
    assert _dec(_step(amount, "loan")["value"]) == (Decimal("0.0400") * PBB[year]).quantize(CENT)


def test_studiemedel_with_pace_unknown_stays_within_11_paragraph(tmp_path: Path) -> None:
    amount = _amount(tmp_path, {"birth_date": "2003-05-05"}, "SE", "2026-03-01", "studiemedel")
    assert amount["value"] is None and "study_pace" in amount["missing_facts"]
    assert _dec(amount["low"]) >= 0
    assert _dec(amount["high"]) == (Decimal("0.0574") * PBB[2026]).quantize(CENT)


def test_studiebidrag_is_1250_a_month(tmp_path: Path) -> None:
    facts = {"birth_date": "2009-05-05", "family_financial_basis": 200000}
    amount = _amount(tmp_path, facts, "SE", "2026-03-01", "studiehjalp")
    assert amount["period"] == "per_month"
    assert _dec(amount["value"]) == 1250


# --- aktivitetsersättning: garantiersättning across 31 Dec / 1 Jan --------------------------------
AE_FACTS = {
    "birth_date": "2005-01-15",  # turns 21 in January 2026
    "ae_assumed_income": 0,
    "work_capacity_reduction": "full",
    "activity_compensation_dormant": False,
}


@pytest.mark.parametrize(
    ("date", "multiple", "year"),
    [("2025-12-31", "2.48", 2025), ("2026-01-01", "2.53", 2026), ("2026-01-02", "2.53", 2026)],
)
def test_garantiersattning_by_age_and_year(tmp_path: Path, date: str, multiple: str, year: int) -> None:
    amount = _amount(tmp_path, AE_FACTS, "SE", date, "activity_compensation")
    monthly = _round_to_12(Decimal(multiple) * PBB[year]) / 12
    assert amount["period"] == "per_month"
    assert _dec(amount["value"]) == monthly.quantize(CENT)


# --- Norway: AAP minimum and kvalifiseringsstønad -------------------------------------------------
AAP_FACTS = {"aap_calculation_basis": 0, "work_percentage": 0}


@pytest.mark.parametrize(
    ("birth_date", "share"), [("2003-01-01", Decimal(2) / 3), ("1995-01-01", Decimal(1))], ids=["under-25", "over-25"]
)
def test_aap_minimum(tmp_path: Path, birth_date: str, share: Decimal) -> None:
    amount = _amount(tmp_path, {**AAP_FACTS, "birth_date": birth_date}, "NO", "2025-06-01", "no_aap")
    assert _dec(amount["value"]) == (Decimal("2.041") * G_2025 * share).quantize(CENT, ROUND_HALF_UP)


KVP_FACTS = {"in_kvp": True, "kvp_since": "2024-01-01", "mental_health_problem": True}


@pytest.mark.parametrize(("date", "g"), [("2026-04-30", G_2025), ("2026-05-01", G_2026), ("2026-05-02", G_2026)])
@pytest.mark.parametrize(
    ("birth_date", "share"), [("2003-01-01", Decimal(2) / 3), ("1995-01-01", Decimal(1))], ids=["under-25", "over-25"]
)
def test_kvalifiseringsstonad_around_1_may(
    tmp_path: Path, date: str, g: Decimal, birth_date: str, share: Decimal
) -> None:
    amount = _amount(tmp_path, {**KVP_FACTS, "birth_date": birth_date}, "NO", date, "no_kvp_benefit")
    assert amount["period"] == "per_year"
    assert _dec(amount["value"]) == (2 * g * share).quantize(CENT, ROUND_HALF_UP)
