Feature: Swedish age limits fall where the statute's calendar puts them
  The law words its age limits by quarter, half-year, month or calendar year, not by birthday:
  studiebidrag from the quarter after the quarter in which the pupil turns 16 (studiestödslagen
  2 kap. 3 §), studiehjälp up to the end of the first calendar half-year of the year of turning 20
  (same section), activity compensation from July of the year one turns 19 up to and including the
  month before the month one turns 30 (SFB 33 kap. 18 §), student finance up to and including the
  calendar year one turns 60 — 56 for time before 2022 (studiestödslagen 3 kap. 3 §, SFS 2021:475).

  Scenario: A pupil born 2006-05-15 gets the study grant from 2022-07-01, not from her birthday
    Before that quarter only the study grant waits: "Inackorderingstillägg och extra tillägg kan lämnas
    även till studerande som är yngre" (same section), so studiehjälp is refused as a main rule only.
    Given a person with
      | fact             | value           |
      | birth_date       | 2006-05-15      |
      | current_activity | upper_secondary |
    When the case is evaluated in SE on 2022-05-15
    Then the status of studiehjalp is not_eligible_as_a_rule
    And an individual assessment of studiehjalp can grant it when "extra supplement"
    When the case is evaluated in SE on 2022-06-30
    Then the status of studiehjalp is not_eligible_as_a_rule
    When the case is evaluated in SE on 2022-07-01
    Then the status of studiehjalp is eligible
    When the case is evaluated in SE on 2022-07-02
    Then the status of studiehjalp is eligible
    And the answer on studiehjalp cites "Studiestödslagen (1999:1395) 2 kap. 3 §"

  Scenario: Studiehjälp ends with June of the year the pupil turns 20, whatever the birthday
    Given a person with
      | fact             | value           |
      | birth_date       | 2004-10-10      |
      | current_activity | upper_secondary |
    When the case is evaluated in SE on 2024-06-30
    Then the status of studiehjalp is eligible
    When the case is evaluated in SE on 2024-07-01
    Then the status of studiehjalp is not_eligible

  Scenario: Activity compensation ends with the month before the month of the 30th birthday
    Given a person with
      | fact                        | value      |
      | birth_date                  | 1996-05-20 |
      | insured_in_sweden           | true       |
      | work_capacity_reduction     | full       |
      | reduction_expected_one_year | true       |
    When the case is evaluated in SE on 2026-04-30
    Then the status of activity_compensation is eligible_after_application
    When the case is evaluated in SE on 2026-05-01
    Then the status of activity_compensation is not_eligible

  Scenario: Activity compensation starts in July of the year one turns 19, not on the birthday
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2007-02-01 |
      | insured_in_sweden           | true       |
      | work_capacity_reduction     | full       |
      | reduction_expected_one_year | true       |
    When the case is evaluated in SE on 2026-06-30
    Then the status of activity_compensation is not_eligible
    When the case is evaluated in SE on 2026-07-01
    Then the status of activity_compensation is eligible_after_application

  Scenario: Student finance until the year one turns 60 — and 56 for time before 2022
    Given a person with
      | fact                           | value            |
      | birth_date                     | 1964-06-01       |
      | current_activity               | higher_education |
      | receives_activity_compensation | false            |
    When the case is evaluated in SE on 2021-06-01
    Then the status of studiemedel is not_eligible
    When the case is evaluated in SE on 2022-01-03
    Then the status of studiemedel is eligible_after_application
    When the case is evaluated in SE on 2024-12-31
    Then the status of studiemedel is eligible_after_application
    When the case is evaluated in SE on 2025-01-01
    Then the status of studiemedel is not_eligible

  Scenario: The end of studiestartsstöd rests on the act that repealed it
    Given a person with
      | fact                      | value      |
      | birth_date                | 1995-02-02 |
      | registered_jobseeker      | true       |
      | completed_upper_secondary | false      |
      | study_form                | komvux_basic |
    When the case is evaluated in SE on 2026-01-01
    Then the status of studiestartsstod is not_eligible
    And the legal status of studiestartsstod is not_offered
    And the answer on studiestartsstod cites "Lag (2025:1545) om upphävande av lagen (2017:527) om studiestartsstöd punkterna 1–2"
    When the case is evaluated in SE on 2025-12-31
    Then the status of studiestartsstod is eligible_after_application
