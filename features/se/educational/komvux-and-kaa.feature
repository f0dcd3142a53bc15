Feature: Komvux and the municipal activity responsibility around the age of 20
  The activity responsibility covers young people who have not turned 20 (skollagen 29 kap. 9 §):
  it ends on the 20th birthday. The right to komvux at basic level starts with the second calendar
  half-year of the year one turns 20 (20 kap. 11 §). The right to upper-secondary komvux for basic
  eligibility (20 kap. 19 §) exists from 2017-01-01 (SFS 2016:1184).

  Scenario: The activity responsibility ends on the 20th birthday
    Given a person with
      | fact                         | value      |
      | birth_date                   | 2005-09-15 |
      | completed_compulsory_school  | true       |
      | completed_upper_secondary    | false      |
      | current_activity             | unemployed |
    When the case is evaluated in SE on 2025-09-14
    Then the status of kaa is eligible
    When the case is evaluated in SE on 2025-09-15
    Then the status of kaa is not_eligible

  Scenario: Komvux at basic level from July of the year one turns 20
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2005-09-15 |
      | completed_compulsory_school | false      |
      | current_activity            | unemployed |
    When the case is evaluated in SE on 2025-06-30
    Then the status of komvux_basic is not_eligible
    When the case is evaluated in SE on 2025-07-01
    Then the status of komvux_basic is eligible_after_application
    And the answer on komvux_basic cites "Skollagen (2010:800) 20 kap. 11 §"

  Scenario: The right to upper-secondary komvux for basic eligibility is not claimed before 2017
    Given a person with
      | fact                      | value      |
      | birth_date                | 1990-09-15 |
      | completed_upper_secondary | false      |
      | current_activity          | unemployed |
    When the case is evaluated in SE on 2017-01-02
    Then the status of komvux_upper_secondary is eligible_after_application
    And the answer on komvux_upper_secondary cites "Skollagen (2010:800) 20 kap. 19 §"
    When the case is evaluated in SE on 2016-12-30
    Then the status of komvux_upper_secondary is not_eligible

  Scenario: A 19-year-old who went through gymnasiet without a diploma may study at komvux but not return to gymnasiet
    Skollagen 20 kap. 20 § second paragraph: a person younger than the second half of the year they turn
    20 is eligible for upper-secondary komvux if they have "slutfört utbildning på ett nationellt program i
    gymnasieskolan eller likvärdig utbildning" — a diploma is not required. 15 kap. 6 §: one who "har gått
    igenom en utbildning på ett nationellt program" is no longer eligible for national or introductory
    programmes. The same person without the programme, for comparison, waits for July of the year of 20.
    Given a person with
      | fact                         | value      |
      | birth_date                   | 2006-03-14 |
      | completed_compulsory_school  | true       |
      | completed_upper_secondary    | false      |
      | completed_national_programme | true       |
      | current_activity             | unemployed |
    When the case is evaluated in SE on 2025-09-01
    Then the status of komvux_upper_secondary is eligible_after_application
    And the answer on komvux_upper_secondary cites "Skollagen (2010:800) 20 kap. 20 §"
    And the status of upper_secondary_school is not_eligible
    And the answer on upper_secondary_school cites "Skollagen (2010:800) 15 kap. 6 §"
    When the case is evaluated in SE on 2026-06-30
    Then the status of komvux_upper_secondary is eligible_after_application
    And the status of upper_secondary_school is not_eligible
    When the case is evaluated in SE on 2026-07-01
    Then the status of komvux_upper_secondary is eligible_after_application
    And the status of upper_secondary_school is not_eligible
    When the case is evaluated in SE on 2026-07-02
    Then the status of komvux_upper_secondary is eligible_after_application
    Given the person's completed_national_programme is false
    When the case is evaluated in SE on 2026-06-30
    Then the status of komvux_upper_secondary is not_eligible
    And the status of upper_secondary_school is eligible_after_application
    When the case is evaluated in SE on 2026-07-01
    Then the status of komvux_upper_secondary is eligible_after_application
    And the status of upper_secondary_school is not_eligible
    When the case is evaluated in SE on 2026-07-02
    Then the status of komvux_upper_secondary is eligible_after_application

  Scenario: Whether a young person went through a national programme is asked, not assumed
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2006-03-14 |
      | completed_compulsory_school | true       |
      | completed_upper_secondary   | false      |
      | current_activity            | unemployed |
    When the case is evaluated in SE on 2025-09-01
    Then the answer on komvux_upper_secondary still needs completed_national_programme
    And the answer on upper_secondary_school still needs completed_national_programme
    Given the person's current_activity is upper_secondary
    When the case is evaluated in SE on 2025-09-01
    Then the status of komvux_upper_secondary is not_eligible
