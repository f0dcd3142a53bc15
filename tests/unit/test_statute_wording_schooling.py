"""What counts as schooling or studies, at the edges the Swedish statutes' own words draw.

Each expectation is worked out from the provision's wording (quoted beside the test), not from the
rule: the day before, on and after each edge. Texts read in se-lex/sfs-processor, branch
workflow-artifact-data, commit 6d58539d: data/md-markers/2010/sfs-2010-110-markers.md (SFB),
1949/sfs-1949-381-markers.md (FB), 1999/sfs-1999-1395-markers.md (studiestödslagen),
2000/sfs-2000-655-markers.md (studiestödsförordningen), 2010/sfs-2010-800-markers.md (skollagen).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tolka.case import case_from_mapping

BIRTH = dt.date(2006, 3, 14)  # turns 18 on 2024-03-14, 19 in 2025, 20 in 2026, 21 on 2027-03-14, 30 on 2036-03-14


def _outcome(engine: Any, facts: dict[str, object], day: dt.date, support: str, where: str = "SE") -> Any:
    evaluation = engine.evaluate(case_from_mapping(facts, engine.rulebook), where, day)
    return next(o for o in evaluation.outcomes if o.support == support)


def _decisive(outcome: Any) -> set[str]:
    return {r.rule for r in outcome.reasons.rules if r.role in ("decisive", "default")}


# --- SFB 33 kap. 8 § ------------------------------------------------------------------------------
# "En försäkrad som på grund av funktionshinder ännu inte har avslutat sin skolgång på grundskolenivå
# och gymnasial nivå vid ingången av juli det år då han eller hon fyller 19 år har rätt till
# aktivitetsersättning." The level decides, not the school form; 33 kap. 18 §: from July of the year
# of 19 to the month before the month of the 30th birthday.
AE_SCHOOL = {
    "birth_date": BIRTH,
    "insured_in_sweden": True,
    "impairment_prolongs_schooling": True,
    "current_activity": "adult_education",
}


@pytest.mark.parametrize("study_form", ["komvux_basic", "komvux_upper_secondary", "folkhogskola"])
@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2025, 6, 30), "not_eligible"),  # before July of the year of 19
        (dt.date(2025, 7, 1), "eligible_after_application"),  # "från och med juli det år … fyller 19 år"
        (dt.date(2025, 7, 2), "eligible_after_application"),
        (dt.date(2036, 2, 29), "eligible_after_application"),  # last day of the month before the 30th
        (dt.date(2036, 3, 1), "not_eligible"),  # the month of the 30th birthday
    ],
)
def test_prolonged_schooling_counts_the_level_at_komvux_and_folk_high_school(shipped_engine, study_form, day, status):
    facts = {**AE_SCHOOL, "study_form": study_form}
    assert str(_outcome(shipped_engine, facts, day, "activity_compensation_schooling").status) == status


def test_prolonged_schooling_does_not_count_sfi_or_university(shipped_engine):
    day = dt.date(2025, 9, 1)
    sfi = {**AE_SCHOOL, "study_form": "sfi"}
    assert str(_outcome(shipped_engine, sfi, day, "activity_compensation_schooling").status) == "not_eligible"
    university = {**AE_SCHOOL, "current_activity": "higher_education", "study_form": "higher_education"}
    assert str(_outcome(shipped_engine, university, day, "activity_compensation_schooling").status) == "not_eligible"


# --- FB 7 kap. 1 § andra stycket --------------------------------------------------------------------
# "Underhållsskyldigheten upphör när barnet fyller arton år. Går barnet i skolan efter denna
# tidpunkt, är föräldrarna underhållsskyldiga under den tid som skolgången pågår, dock längst intill
# dess barnet fyller tjugoett år. Till skolgång räknas studier i grundskolan eller gymnasieskolan och
# annan jämförlig grundutbildning." Between terms a student is otherwise assessed (HFD 2011:56); the
# parents' duty lasts through the breaks ("under den tid som skolgången pågår").
KOMVUX_BREAK = {
    "birth_date": BIRTH,
    "current_activity": "adult_education",
    "study_form": "komvux_upper_secondary",
    "study_pace": "full_time",
    "in_study_break": True,
    "lacks_means_of_support": True,
    "parents_can_support": True,
    "lives_with_parents": True,
}


@pytest.mark.parametrize(
    ("day", "status", "rule"),
    [
        (dt.date(2024, 3, 14), "not_eligible_as_a_rule", "se.fs.comparable_schooling_parents"),  # turns 18
        (dt.date(2027, 3, 13), "not_eligible_as_a_rule", "se.fs.comparable_schooling_parents"),  # day before 21
        (dt.date(2027, 3, 14), "eligible_after_decision", "se.fs.study_break"),  # "intill dess … fyller tjugoett år"
        (dt.date(2027, 3, 15), "eligible_after_decision", "se.fs.study_break"),
    ],
)
def test_komvux_is_comparable_schooling_until_the_21st_birthday(shipped_engine, day, status, rule):
    outcome = _outcome(shipped_engine, KOMVUX_BREAK, day, "forsorjningsstod")
    assert str(outcome.status) == status
    assert rule in _decisive(outcome)


def test_comparable_schooling_is_a_main_rule_marked_unverified(shipped_engine):
    outcome = _outcome(shipped_engine, KOMVUX_BREAK, dt.date(2025, 9, 1), "forsorjningsstod")
    assert str(outcome.status) == "not_eligible_as_a_rule"
    assert outcome.unverified
    supported = {**KOMVUX_BREAK, "parents_can_support": False}
    outcome = _outcome(shipped_engine, supported, dt.date(2025, 9, 1), "forsorjningsstod")
    assert str(outcome.status) == "not_eligible_as_a_rule"
    assert [d.supported for d in outcome.discretion] == ["true"]


# --- studiestödslagen 3 kap. 2 § and studiestödsförordningen 3 kap. 2 § ---------------------------
# "För studier vid de läroanstalter och utbildningar som anges i avdelning A i bilagan får
# studiemedel lämnas först från och med det andra kalenderhalvåret det år då den studerande fyller
# 20 år." Before that a komvux pupil has studiehjälp, not studiemedel, so the main rule for students
# with studiemedel (RÅ 1996 ref. 13) is not what decides.
KOMVUX_TERM = {**KOMVUX_BREAK, "in_study_break": False}


@pytest.mark.parametrize(
    ("day", "with_studiemedel"),
    [(dt.date(2026, 6, 30), False), (dt.date(2026, 7, 1), True), (dt.date(2026, 7, 2), True)],
)
def test_a_komvux_pupil_is_a_student_with_studiemedel_from_the_second_half_of_the_year_of_20(
    shipped_engine, day, with_studiemedel
):
    outcome = _outcome(shipped_engine, KOMVUX_TERM, day, "forsorjningsstod")
    roles = {r.rule: r.role for r in outcome.reasons.rules}
    applies = roles.get("se.fs.studies_during_term", "not_applicable") != "not_applicable"
    assert applies is with_studiemedel, roles
    studiemedel = _outcome(shipped_engine, {**KOMVUX_TERM, "receives_activity_compensation": False}, day, "studiemedel")
    assert str(studiemedel.status) == ("eligible_after_application" if with_studiemedel else "not_eligible")


# --- studiestödslagen 2 kap. 5 § ----------------------------------------------------------------
# "Studiehjälp får lämnas bara för heltidsstudier, om inte regeringen eller den myndighet som
# regeringen bestämmer föreskriver något annat." A main rule with room for CSN's exceptions
# (studiestödsförordningen 2 kap. 4 §), never a flat no.
@pytest.mark.parametrize(
    ("pace", "status"),
    [
        ("full_time", "eligible_after_application"),
        ("at_least_75", "not_eligible_as_a_rule"),
        ("at_least_50", "not_eligible_as_a_rule"),
        ("under_50", "not_eligible_as_a_rule"),
    ],
)
def test_studiehjalp_is_for_full_time_studies(shipped_engine, pace, status):
    facts = {**KOMVUX_TERM, "study_pace": pace}
    outcome = _outcome(shipped_engine, facts, dt.date(2025, 9, 1), "studiehjalp")
    assert str(outcome.status) == status


def test_studiehjalp_part_time_ends_with_the_first_half_of_the_year_of_20(shipped_engine):
    # 2 kap. 3 §: "Studiehjälp lämnas längst till och med det första kalenderhalvåret det år då den
    # studerande fyller 20 år" — after that it is a flat no, part time or not.
    facts = {**KOMVUX_TERM, "study_pace": "at_least_50"}
    assert str(_outcome(shipped_engine, facts, dt.date(2026, 6, 30), "studiehjalp").status) == "not_eligible_as_a_rule"
    assert str(_outcome(shipped_engine, facts, dt.date(2026, 7, 1), "studiehjalp").status) == "not_eligible"


# --- studiestödsförordningen 3 kap. 1 § and the annex --------------------------------------------
# "Studiemedel får lämnas till studerande vid de läroanstalter och utbildningar som anges i
# bilagan"; the annex names komvux "på grundläggande och gymnasial nivå" and excludes folk-high-
# school courses "som motsvarar kommunal vuxenutbildning i svenska för invandrare".
@pytest.mark.parametrize(
    ("day", "status"),
    [(dt.date(2026, 6, 30), "not_eligible"), (dt.date(2026, 7, 1), "not_eligible"), (dt.date(2030, 9, 1), "not_eligible")],
)
def test_sfi_carries_no_studiemedel(shipped_engine, day, status):
    facts = {**KOMVUX_TERM, "study_form": "sfi", "receives_activity_compensation": False}
    assert str(_outcome(shipped_engine, facts, day, "studiemedel").status) == status
    komvux = {**facts, "study_form": "komvux_basic"}
    expected = "eligible_after_application" if day >= dt.date(2026, 7, 1) else "not_eligible"
    assert str(_outcome(shipped_engine, komvux, day, "studiemedel").status) == expected


# --- SFB 36 kap. 9 a § and 10 § ------------------------------------------------------------------
# 9 a §: "Försäkringskassan får efter ansökan av en försäkrad som under minst tolv månader har fått
# aktivitetsersättning på grund av nedsatt arbetsförmåga besluta att han eller hon får studera …";
# 10 §: "… när den försäkrade förvärvsarbetar eller studerar …". Any studies, gymnasieskolan included.
ON_AE = {
    "birth_date": dt.date(2000, 5, 2),
    "receives_activity_compensation": True,
    "activity_compensation_since": dt.date(2024, 1, 1),
    "current_activity": "upper_secondary",
}


def test_upper_secondary_studies_on_activity_compensation_can_be_tried(shipped_engine):
    day = dt.date(2025, 9, 1)
    facts = {**ON_AE, "impairment_prolongs_schooling": False}
    assert str(_outcome(shipped_engine, facts, day, "studies_on_activity_compensation").status) == "eligible_after_application"
    prolonged = {**ON_AE, "impairment_prolongs_schooling": True}
    assert str(_outcome(shipped_engine, prolonged, day, "studies_on_activity_compensation").status) == "not_eligible"


@pytest.mark.parametrize(
    ("since", "status"),
    # "under minst tolv månader har fått aktivitetsersättning": twelve months from the first month.
    [(dt.date(2024, 9, 2), "not_eligible"), (dt.date(2024, 9, 1), "eligible_after_application"), (dt.date(2024, 8, 31), "eligible_after_application")],
)
def test_studies_on_activity_compensation_after_twelve_months(shipped_engine, since, status):
    facts = {**ON_AE, "impairment_prolongs_schooling": False, "activity_compensation_since": since}
    assert str(_outcome(shipped_engine, facts, dt.date(2025, 9, 1), "studies_on_activity_compensation").status) == status
