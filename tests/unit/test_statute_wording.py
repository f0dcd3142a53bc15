"""Outcomes at the edges the statute's own words draw, for content verified against the text.

Each expectation is worked out here from the provision's wording (quoted beside the test), not
from the rule: the day before, on and after each edge. Sources are named in the law files
(rules/*/laws) and in docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tolka.case import case_from_mapping

ONE_DAY = dt.timedelta(days=1)


def _outcome(engine: Any, facts: dict[str, object], where: str, day: dt.date, support: str) -> Any:
    evaluation = engine.evaluate(case_from_mapping(facts, engine.rulebook), where, day)
    return next(o for o in evaluation.outcomes if o.support == support)


def _assert_status(outcome: Any, status: str, supported: bool | None) -> None:
    """The outcome's status, and (when `supported` is given) whether its one assessment is supported."""
    assert str(outcome.status) == status
    if supported is not None:
        assert [d.supported for d in outcome.discretion] == [supported]


def _status(engine: Any, facts: dict[str, object], where: str, day: dt.date, support: str) -> str:
    return str(_outcome(engine, facts, where, day, support).status)


# --- förordning (2007:813) om jobbgaranti för ungdomar 5 § (SFS 2017:828) ----------------------
# "En anvisning till jobbgarantin för ungdomar får göras för en arbetslös person som har fyllt 16
# men inte 25 år och som har varit arbetslös och anmäld hos den offentliga arbetsförmedlingen i
# sammanlagt 90 kalenderdagar under en ramtid om fyra månader."
UGA_BIRTH = dt.date(2001, 3, 10)  # turns 16 on 2017-03-10 and 25 on 2026-03-10
UGA = {
    "birth_date": UGA_BIRTH,
    "registered_jobseeker": True,
    "current_activity": "unemployed",
    "youth_guarantee_other_ground": False,
}


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2017, 3, 9), "not_eligible"),  # 15 years old: has not turned 16
        (dt.date(2017, 3, 10), "eligible_after_decision"),  # the 16th birthday: "har fyllt 16"
        (dt.date(2017, 3, 11), "eligible_after_decision"),
        (dt.date(2026, 3, 9), "eligible_after_decision"),  # 24 years old: "inte [fyllt] 25 år"
        (dt.date(2026, 3, 10), "not_eligible"),  # the 25th birthday: has turned 25
        (dt.date(2026, 3, 11), "not_eligible"),
    ],
)
def test_youth_job_guarantee_from_the_16th_to_the_25th_birthday(shipped_engine, day, status):
    facts = {**UGA, "registered_unemployed_since": day - dt.timedelta(days=120)}
    assert _status(shipped_engine, facts, "SE", day, "youth_job_guarantee") == status


@pytest.mark.parametrize(
    ("days", "status"),
    # Registered on day 0: the 90th calendar day of unemployment is day 89, complete at its end, so
    # "har varit arbetslös … i sammanlagt 90 kalenderdagar" holds from day 90.
    [(89, "not_eligible"), (90, "eligible_after_decision"), (91, "eligible_after_decision")],
)
def test_youth_job_guarantee_after_90_calendar_days(shipped_engine, days, status):
    day = dt.date(2025, 11, 1)
    facts = {**UGA, "registered_unemployed_since": day - dt.timedelta(days=days)}
    assert _status(shipped_engine, facts, "SE", day, "youth_job_guarantee") == status


def test_youth_job_guarantee_counts_earlier_periods_and_other_grounds(shipped_engine):
    # "sammanlagt … under en ramtid om fyra månader", and 5 § andra stycket: a referral can be made
    # before 90 days since the last registration.
    day = dt.date(2025, 11, 1)
    facts = {**UGA, "registered_unemployed_since": day - dt.timedelta(days=30), "youth_guarantee_other_ground": True}
    assert _status(shipped_engine, facts, "SE", day, "youth_job_guarantee") == "eligible_after_decision"
    del facts["youth_guarantee_other_ground"]
    assert _status(shipped_engine, facts, "SE", day, "youth_job_guarantee") == "undetermined"


@pytest.mark.parametrize(
    ("activity", "status"),
    [
        ("upper_secondary", "not_eligible"),  # "en arbetslös person": a pupil is not unemployed
        ("higher_education", "not_eligible"),
        ("employed", "not_eligible_as_a_rule"),  # part-time unemployment can still qualify
        ("adult_education", "not_eligible_as_a_rule"),  # part-time komvux from 20 (Arbetsförmedlingen)
    ],
)
def test_youth_job_guarantee_is_for_the_unemployed(shipped_engine, activity, status):
    day = dt.date(2025, 11, 1)
    facts = {**UGA, "current_activity": activity, "registered_unemployed_since": day - dt.timedelta(days=120)}
    assert _status(shipped_engine, facts, "SE", day, "youth_job_guarantee") == status


# --- förordning (2017:462) 1 § tredje stycket (SFS 2021:290) ------------------------------------
# "Programmet riktar sig till personer som har en funktionsnedsättning som medför nedsatt
# arbetsförmåga …": lönebidrag (andra stycket 6) and SIUS (4) are measures of that programme.
@pytest.mark.parametrize("support", ["lonestod", "sius"])
@pytest.mark.parametrize(("reduction", "status"), [("none", "not_eligible"), ("quarter", "eligible_after_application")])
def test_disability_measures_need_a_reduced_work_capacity(shipped_engine, support, reduction, status):
    facts = {"birth_date": dt.date(2002, 1, 1), "goal": "work", "work_capacity_reduction": reduction}
    assert _status(shipped_engine, facts, "SE", dt.date(2025, 11, 1), support) == status


# --- skollagen (2010:800) 15 kap. 5 och 6 §§, 16 kap. 36 § -----------------------------------------
# 15 kap. 6 § (wording of Lag 2014:530, in force 2014-08-01): "Ungdomar som har gått igenom en
# utbildning på ett nationellt program eller likvärdig utbildning … är inte längre behöriga för
# nationella program och introduktionsprogram i gymnasieskolan." A diploma holder has gone through one,
# so the school is closed outright. Before 2014-08-01 that wording was not read: the main rule of
# 15 kap. 5 § and 16 kap. 36 § ("Huvudmannen … prövar om en sökande är behörig …") stays there.
DIPLOMA = {
    "birth_date": dt.date(2006, 8, 1),  # turns 20 on 2026-08-01: the first half-year of that year ends 2026-06-30
    "completed_compulsory_school": True,
    "completed_upper_secondary": True,
    "current_activity": "unemployed",
}


@pytest.mark.parametrize(
    ("birth", "day", "status", "supported"),
    [
        # the wording of 15 kap. 6 § read starts 2014-08-01 (Lag 2014:530)
        (dt.date(1995, 8, 1), dt.date(2014, 7, 31), "not_eligible_as_a_rule", "true"),
        (dt.date(1995, 8, 1), dt.date(2014, 8, 1), "not_eligible", None),
        (dt.date(1995, 8, 1), dt.date(2014, 8, 2), "not_eligible", None),
        # 20 kap. 19 a § came in on 2017-01-01 (SFS 2016:1184): nothing changes for upper secondary school
        (dt.date(1997, 8, 1), dt.date(2016, 12, 31), "not_eligible", None),
        (dt.date(1997, 8, 1), dt.date(2017, 1, 1), "not_eligible", None),
        (dt.date(2006, 8, 1), dt.date(2026, 6, 30), "not_eligible", None),  # end of the first half-year
        (dt.date(2006, 8, 1), dt.date(2026, 7, 1), "not_eligible", None),  # too late to start, diploma or not
    ],
)
def test_a_diploma_closes_upper_secondary_school(shipped_engine, birth, day, status, supported):
    outcome = _outcome(shipped_engine, {**DIPLOMA, "birth_date": birth}, "SE", day, "upper_secondary_school")
    _assert_status(outcome, status, supported)


# --- folketrygdloven § 11-2 (forutgående medlemskap) --------------------------------------------
# Lov 20. desember 2019 nr. 84 (Prop. 10 L, Innst. 80 L (2019–2020)): "heving av botidskravet …
# arbeidsavklaringspenger … fra tre til fem år" and "avvikling av folketrygdens særskilte bestemmelser
# for flyktninger med hensyn til … arbeidsavklaringspenger"; nav.no: "Endringene gjelder for søknader
# som er sendt inn til NAV fra og med 1. januar 2021."
AAP_CLAIM = {
    "birth_date": dt.date(2001, 4, 12),
    "mental_health_problem": True,
    "work_capacity_reduction": "half",
    "needs_nav_follow_up": True,
    "recognised_occupational_injury": False,
    "receives_aap": False,
    "current_activity": "unemployed",
    "work_percentage": 0,
    "insured_in_eea_country": False,
    "illness_began_while_insured": False,
}


@pytest.mark.parametrize(
    ("years", "refugee", "day", "status", "supported"),
    [
        (4, False, dt.date(2020, 12, 31), "eligible_after_application", None),  # three years were enough
        (4, False, dt.date(2021, 1, 1), "not_eligible_as_a_rule", "false"),  # five years from 2021
        (5, False, dt.date(2021, 1, 1), "eligible_after_application", None),
        # "Vilkårene i første ledd gjelder ikke for en flyktning (§ 1-7) som er medlem i trygden" (to 2020)
        (2, True, dt.date(2020, 12, 31), "eligible_after_application", None),
        (2, True, dt.date(2021, 1, 1), "not_eligible_as_a_rule", "false"),  # abolished
        (2, True, dt.date(2021, 1, 2), "not_eligible_as_a_rule", "false"),
    ],
)
def test_aap_membership_five_years_and_no_refugee_exception_from_2021(
    shipped_engine, years, refugee, day, status, supported
):
    facts = {**AAP_CLAIM, "years_insured_in_norway": years, "recognised_refugee": refugee}
    outcome = _outcome(shipped_engine, facts, "NO", day, "no_aap")
    _assert_status(outcome, status, supported)


# --- folketrygdloven § 11-4, as NAV's circular reads "mellom 18 og 67 år" ------------------------
# "Retten til arbeidsavklaringspenger faller bort når brukeren fyller 67 år. Arbeidsavklaringspenger
# tilstås ut den måned brukeren fyller 67 år."
AAP_67 = {**AAP_CLAIM, "birth_date": dt.date(1959, 3, 10), "years_insured_in_norway": 40}  # 67 on 2026-03-10


@pytest.mark.parametrize(
    ("day", "claim", "recipient"),
    [
        (dt.date(2026, 3, 9), "eligible_after_application", "eligible"),
        (dt.date(2026, 3, 10), "not_eligible", "eligible"),  # the right lapses on the 67th birthday
        (dt.date(2026, 3, 31), "not_eligible", "eligible"),  # a recipient is paid to the end of the month
        (dt.date(2026, 4, 1), "not_eligible", "not_eligible"),
    ],
)
def test_aap_ends_at_67(shipped_engine, day, claim, recipient):
    assert _status(shipped_engine, AAP_67, "NO", day, "no_aap") == claim
    getting = {**AAP_67, "receives_aap": True, "aap_since": dt.date(2025, 6, 1)}
    assert _status(shipped_engine, getting, "NO", day, "no_aap") == recipient


# --- folketrygdloven § 11-14 (AAP for students), as NAV's case processing applies it ----------------
# The statute text was not read. nav.no: someone who "må avbryte studiene på grunn av sykdom" may be
# entitled to AAP as a student; navikt/aap-behandlingsflyt tests the student ground only for studies
# broken off ("Ja, men har avbrutt studiet helt på grunn av sykdom") and assesses a student who carries
# on ("Ja, helt eller delvis") under the ordinary conditions (§§ 11-5, 11-6). So carrying on refuses
# only as a main rule; the assessment is supported when those ordinary conditions are shown.
AAP_STUDENT = {**AAP_CLAIM, "years_insured_in_norway": 10, "current_activity": "higher_education"}


@pytest.mark.parametrize(
    ("facts", "status", "supported"),
    [
        # carrying on with the studies: a main rule, with the ordinary conditions as its ground
        ({"studies_broken_off": False, "education_as_nav_measure": False}, "not_eligible_as_a_rule", "true"),
        # the ordinary conditions fail as well: their verified refusal stands (§ 11-5, § 11-6)
        (
            {"studies_broken_off": False, "education_as_nav_measure": False, "work_capacity_reduction": "quarter"},
            "not_eligible",
            None,
        ),
        (
            {"studies_broken_off": False, "education_as_nav_measure": False, "needs_nav_follow_up": False},
            "not_eligible",
            None,
        ),
        # the education granted as a NAV measure: studying refuses nothing
        ({"studies_broken_off": False, "education_as_nav_measure": True}, "eligible_after_application", None),
        # broken off completely, approved by Lånekassen, treatment needed to resume: the student ground
        (
            {
                "studies_broken_off": True,
                "studies_approved_by_lanekassen": True,
                "treatment_plan": True,
                "work_capacity_reduction": "quarter",
            },
            "eligible_after_application",
            None,
        ),
    ],
)
def test_aap_a_student_who_carries_on_is_refused_only_as_a_main_rule(shipped_engine, facts, status, supported):
    outcome = _outcome(shipped_engine, {**AAP_STUDENT, **facts}, "NO", dt.date(2025, 9, 1), "no_aap")
    _assert_status(outcome, status, supported)


# --- sosialtjenesteloven, the qualification programme's duration (from 2019-01-01) ---------------
# "program gis så lenge deltakeren oppfyller inngangsvilkårene, men likevel ikke lenger enn to år.
# Programmet kan unntaksvis forlenges med inntil ett år når særlige grunner tilsier det." and "Det er
# ikke lenger noen begrensninger for hvor mange ganger en person kan delta …" (Fylkesmannen i Agder)
KVP = {
    "birth_date": dt.date(1998, 5, 5),
    "in_kvp": True,
    "kvp_since": dt.date(2022, 3, 1),
    "substantially_reduced_work_and_earning_capacity": True,
    "receives_nav_benefit": False,
}


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2024, 2, 29), "eligible"),  # within the two years
        (dt.date(2024, 3, 1), "eligible_after_decision"),  # two years used: an extension by exception
        (dt.date(2025, 2, 28), "eligible_after_decision"),
        (dt.date(2025, 3, 1), "not_eligible_as_a_rule"),  # three years used: a new programme can be granted
        (dt.date(2025, 3, 2), "not_eligible_as_a_rule"),
    ],
)
def test_kvp_two_years_plus_one_then_only_a_new_programme(shipped_engine, day, status):
    outcome = _outcome(shipped_engine, KVP, "NO", day, "no_kvp")
    assert str(outcome.status) == status
    if status == "not_eligible_as_a_rule":
        assert [d.supported for d in outcome.discretion] == ["true"]


# --- NAV's youth guarantee (from 2023-07-01) -----------------------------------------------------
# regjeringen.no (budget 2023): "unge under 30 år som trenger hjelp til å komme i arbeid"; the July
# 2023 release: "personer mellom 16 og 30 år" — from the 16th birthday to the day before the 30th.
@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2024, 8, 19), "not_eligible"),  # 15
        (dt.date(2024, 8, 20), "eligible"),  # the 16th birthday
        (dt.date(2038, 8, 19), "eligible"),  # 29: under 30
        (dt.date(2038, 8, 20), "not_eligible"),  # the 30th birthday: no longer under 30
        (dt.date(2038, 8, 21), "not_eligible"),
    ],
)
def test_youth_guarantee_from_16_for_those_under_30(shipped_engine, day, status):
    facts = {"birth_date": dt.date(2008, 8, 20), "needs_nav_follow_up": True}
    assert _status(shipped_engine, facts, "NO", day, "no_youth_guarantee") == status


# --- sosialtjenesteloven § 20 a: activity conditions for recipients under 30, not in an emergency --
# regjeringen.no (ASD, "Aktivitetsplikt for mottakere av sosialhjelp"): "Kommunen skal stille krav om
# aktivitet for sosialhjelpsmottakere under 30 år fra 1. januar 2017." and "Vilkårene for tildeling av
# økonomisk stønad gjelder ikke dersom sosialhjelpsmottakeren er i en nødssituasjon."
SA = {"birth_date": dt.date(1995, 9, 1), "lacks_means_of_support": True, "current_activity": "unemployed"}


@pytest.mark.parametrize(
    ("day", "emergency", "route"),
    [
        (dt.date(2025, 8, 31), False, "no.social_assistance_activity_conditions"),  # 29: under 30
        (dt.date(2025, 9, 1), False, "no.social_assistance_application"),  # the 30th birthday
        (dt.date(2025, 9, 2), False, "no.social_assistance_application"),
        (dt.date(2025, 8, 31), True, "no.social_assistance_emergency"),  # an emergency: no conditions
        (dt.date(2025, 9, 1), True, "no.social_assistance_emergency"),
        (dt.date(2025, 9, 2), True, "no.social_assistance_emergency"),
        (dt.date(2016, 12, 31), False, "no.social_assistance_application"),  # the duty is from 2017
        (dt.date(2017, 1, 1), False, "no.social_assistance_activity_conditions"),
    ],
)
def test_activity_conditions_under_30_but_not_in_an_emergency(shipped_engine, day, emergency, route):
    outcome = _outcome(shipped_engine, {**SA, "in_acute_emergency": emergency}, "NO", day, "no_social_assistance")
    assert str(outcome.status) == "eligible_after_decision"  # the route changes, never the right
    assert outcome.route is not None and outcome.route.id == route


def test_an_unknown_emergency_leaves_the_route_open_for_an_under_30(shipped_engine):
    outcome = _outcome(shipped_engine, SA, "NO", dt.date(2025, 8, 31), "no_social_assistance")
    assert str(outcome.status) == "eligible_after_decision"
    assert outcome.route is None
    assert "in_acute_emergency" in outcome.missing_facts


# --- opplæringslova: the follow-up service (oppfølgingstenesta) ---------------------------------
# Old act § 3-6 (Prop. 57 L (2022–2023) pkt. 45.2): "Tilbod frå tenesta kan givast til og med det året
# den enkelte fyller 21 år." New act § 9-4 from 2024-08-01 (pkt. 68): "utvida øvre aldersgrense for
# målgruppa for oppfølgingstenesta frå 21 til 24 år" — the same calendar-year limit, now the year one
# turns 24 (§ 9-4's own text not read; the rule marks the limit unverified).
FUS = {
    "completed_compulsory_school": True,
    "completed_upper_secondary": False,
    "current_activity": "none",
}


@pytest.mark.parametrize(
    ("birth", "day", "status"),
    [
        # old act: born 2002-06-15 turns 21 in 2023
        (dt.date(2002, 6, 15), dt.date(2023, 12, 31), "eligible"),  # the last day of the year one turns 21
        (dt.date(2002, 6, 15), dt.date(2024, 1, 1), "not_eligible"),
        (dt.date(2002, 6, 15), dt.date(2024, 7, 31), "not_eligible"),
        # new act: the same person turns 24 in 2026
        (dt.date(2002, 6, 15), dt.date(2024, 8, 1), "eligible"),  # the new act reaches her again
        (dt.date(2002, 6, 15), dt.date(2026, 6, 15), "eligible"),  # the 24th birthday
        (dt.date(2002, 6, 15), dt.date(2026, 12, 30), "eligible"),
        (dt.date(2002, 6, 15), dt.date(2026, 12, 31), "eligible"),  # "til og med det året … fyller 24"
        (dt.date(2002, 6, 15), dt.date(2027, 1, 1), "not_eligible"),
        (dt.date(2002, 6, 15), dt.date(2027, 6, 14), "not_eligible"),  # 24 years old, but the year is over
        (dt.date(2002, 6, 15), dt.date(2027, 1, 2), "not_eligible"),
    ],
)
def test_follow_up_service_to_the_end_of_the_year_one_turns_21_then_24(shipped_engine, birth, day, status):
    assert _status(shipped_engine, {**FUS, "birth_date": birth}, "NO", day, "no_follow_up_service") == status


# --- opplæringslova: the right to upper-secondary education, youth and adult -------------------
# Old act § 3-1 after the 2017 amendment (Sogn og Fjordane fylkeskommune): "Retten til vidaregåande
# opplæring gjeld no ut det skuleåret som tek til det året ein fyller 24 år"; § 4A-3: a right "frå og
# med det året dei fyller 25 år". New act (from 2024-08-01; Meld. St. 21 (2020–2021) kap. 3): the right
# "ikke lenger er begrenset i tid". Either way the person has a right at every age; the edges decide
# only which provision carries it.
USS = {"completed_compulsory_school": True, "completed_upper_secondary": False, "current_activity": "none"}


def _deciding_rules(outcome: Any) -> set[str]:
    return {r.rule.split("@")[0] for r in outcome.reasons.rules if r.role == "decisive"}


@pytest.mark.parametrize(
    ("birth", "day", "rules"),
    [
        # old act: born 1998-05-05 turns 24 in 2022, so the school year 2022/23 ends 2023-07-31
        (dt.date(1998, 5, 5), dt.date(2022, 12, 31), {"no.uss.youth_right"}),
        # the year one turns 25: the adult right begins while the school year still runs
        (dt.date(1998, 5, 5), dt.date(2023, 1, 1), {"no.uss.youth_right", "no.uss.adult_right"}),
        (dt.date(1998, 5, 5), dt.date(2023, 7, 31), {"no.uss.youth_right", "no.uss.adult_right"}),
        (dt.date(1998, 5, 5), dt.date(2023, 8, 1), {"no.uss.adult_right"}),  # the school year is over
        # new act: born 2000-03-10 turns 24 in 2024 and 25 in 2025
        (dt.date(2000, 3, 10), dt.date(2024, 12, 30), {"no.uss.youth_right"}),
        (dt.date(2000, 3, 10), dt.date(2024, 12, 31), {"no.uss.youth_right"}),
        (dt.date(2000, 3, 10), dt.date(2025, 1, 1), {"no.uss.adult_right"}),
        (dt.date(2000, 3, 10), dt.date(2025, 3, 10), {"no.uss.adult_right"}),
    ],
)
def test_upper_secondary_right_at_every_age_only_its_provision_moves(shipped_engine, birth, day, rules):
    outcome = _outcome(shipped_engine, {**USS, "birth_date": birth}, "NO", day, "no_upper_secondary")
    assert str(outcome.status) == "eligible_after_application"
    assert _deciding_rules(outcome) == rules


# --- IPS ung: a trial and commission, its age range practice, not law -----------------------------
# regjeringen.no (ASD 2020): "I statsbudsjettet for 2021 har regjeringen tatt initiativ til å sette i
# gang et forsøk med individuell jobbstøtte for unge, IPS-ung." arbeidoghelse.no (NAV's competence
# service): "IPS Ung er et tilbud til unge mellom 16-30 år". The rules read "mellom 16-30 år" as from
# the 16th birthday to the day before the 31st (that upper edge marked unverified).
IPS_UNG = {
    "birth_date": dt.date(2008, 9, 1),
    "mental_health_problem": True,
    "goal": "studies",
    "has_treating_clinician": True,
}


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2024, 8, 31), "not_eligible"),  # 15 (Oslo's reading is from 2023-01-30)
        (dt.date(2024, 9, 1), "eligible"),  # the 16th birthday
        (dt.date(2024, 9, 2), "eligible"),
        (dt.date(2039, 8, 31), "eligible"),  # 30 years old: "mellom 16-30 år"
        (dt.date(2039, 9, 1), "not_eligible"),  # the 31st birthday
        (dt.date(2039, 9, 2), "not_eligible"),
    ],
)
def test_ips_ung_age_range_and_never_a_statutory_right(shipped_engine, day, status):
    outcome = _outcome(shipped_engine, IPS_UNG, "NO-0301", day, "no_ips_ung")
    assert str(outcome.status) == status
    # a budget-funded trial and commission: whatever the age, the answer never reads as a right in law
    assert outcome.legal_status != "mandated_by_law"
    assert "mandated_by_law" not in outcome.legal_status_possible
