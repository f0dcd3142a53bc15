Feature: Study support around the age of 20, and activity compensation
  Studiehjälp ends with the first half of the calendar year a pupil turns 20 (studiestödslagen
  2 kap. 3 §); studiemedel for upper-secondary level starts the second half of that year (3 kap.
  2 §) and is never paid for time with activity compensation (3 kap. 25 §). Activity compensation
  is for 19–29-year-olds with work capacity reduced by at least a quarter for a year (SFB 33 kap.).

  Scenario: A 19-year-old in upper secondary school with psychosis gets the study grant
    Given a person with
      | fact                  | value           |
      | birth_date            | 2006-03-14      |
      | current_activity      | upper_secondary |
      | mental_health_problem | true            |
    When the case is evaluated in SE on 2026-03-01
    Then the status of studiehjalp is eligible
    And the route of studiehjalp is se.csn_automatic_studiebidrag
    And the legal status of studiehjalp is mandated_by_law
    And the status of studiemedel is not_eligible

  Scenario: From the second half of the year she turns 20, studiehjälp has ended
    Given a person with
      | fact             | value           |
      | birth_date       | 2006-03-14      |
      | current_activity | upper_secondary |
    When the case is evaluated in SE on 2026-08-01
    Then the status of studiehjalp is not_eligible
    And the answer on studiehjalp cites "Studiestödslagen (1999:1395) 2 kap. 3 §"

  Scenario: A pupil still in upper secondary school gets studiemedel from 1 July of the year she turns 20
    3 kap. 2 § second paragraph: studiemedel may be paid to students at the schools where studiehjälp
    is paid, "tidigast från och med det andra kalenderhalvåret det år då den studerande fyller 20 år".
    Given a person with
      | fact                           | value           |
      | birth_date                     | 2006-03-14      |
      | current_activity               | upper_secondary |
      | receives_activity_compensation | false           |
    When the case is evaluated in SE on 2026-06-30
    Then the status of studiehjalp is eligible
    And the status of studiemedel is not_eligible
    When the case is evaluated in SE on 2026-07-01
    Then the status of studiehjalp is not_eligible
    And the status of studiemedel is eligible_after_application
    And the answer on studiemedel cites "Studiestödslagen (1999:1395) 3 kap. 2 §"
    When the case is evaluated in SE on 2026-07-02
    Then the status of studiemedel is eligible_after_application
    When the case is evaluated in SE on 2066-12-31
    Then the status of studiemedel is eligible_after_application
    When the case is evaluated in SE on 2067-01-01
    Then the status of studiemedel is not_eligible

  Scenario: A 24-year-old on activity compensation who wants to study cannot also get studiemedel
    Given a person with
      | fact                            | value            |
      | birth_date                      | 2001-04-20       |
      | current_activity                | higher_education |
      | receives_activity_compensation  | true             |
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiemedel is not_eligible
    And the answer on studiemedel cites "Studiestödslagen (1999:1395) 3 kap. 25 §"

  Scenario: A 24-year-old whose work capacity is halved for more than a year
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2001-04-20 |
      | insured_in_sweden           | true       |
      | work_capacity_reduction     | half       |
      | reduction_expected_one_year | true       |
    When the case is evaluated in SE on 2025-09-01
    Then the status of activity_compensation is eligible_after_application
    And the route of activity_compensation is se.fk_application
    And the legal status of activity_compensation is mandated_by_law

  Scenario: A 19-year-old at komvux gets studiehjälp on application until the first half of the year she turns 20 ends
    Studiestödsförordningen 2 kap. 1 §: studiehjälp is paid at the schools in part A of the annex — part A 1
    names "Kommunal vuxenutbildning: utbildning på grundläggande och gymnasial nivå" and folk high school
    beside gymnasieskolan. Studiemedel takes over from the second half of the year of 20 (studiestödslagen
    3 kap. 2 §), so on no day is she without one of the two. She studies full time: studiehjälp "får
    lämnas bara för heltidsstudier" unless CSN provides otherwise (studiestödslagen 2 kap. 5 §).
    Given a person with
      | fact                           | value                  |
      | birth_date                     | 2006-03-14             |
      | current_activity               | adult_education        |
      | study_form                     | komvux_upper_secondary |
      | study_pace                     | full_time              |
      | receives_activity_compensation | false                  |
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiehjalp is eligible_after_application
    And the route of studiehjalp is se.csn_application
    And the answer on studiehjalp cites "Studiestödsförordningen (2000:655) 2 kap. 1 §"
    And the status of studiemedel is not_eligible
    When the case is evaluated in SE on 2026-06-30
    Then the status of studiehjalp is eligible_after_application
    And the status of studiemedel is not_eligible
    When the case is evaluated in SE on 2026-07-01
    Then the status of studiehjalp is not_eligible
    And the status of studiemedel is eligible_after_application
    When the case is evaluated in SE on 2026-07-02
    Then the status of studiehjalp is not_eligible
    And the status of studiemedel is eligible_after_application
    Given the person's study_form is folkhogskola
    When the case is evaluated in SE on 2026-06-30
    Then the status of studiehjalp is eligible_after_application
    When the case is evaluated in SE on 2026-07-01
    Then the status of studiehjalp is not_eligible
    And the status of studiemedel is eligible_after_application
    Given the person's study_form is sfi
    When the case is evaluated in SE on 2026-06-30
    Then the status of studiehjalp is not_eligible

  Scenario: A 16-year-old pupil of a family with a low income can get the extra supplement before the study grant starts
    Studiestödslagen 2 kap. 3 §: "Inackorderingstillägg och extra tillägg kan lämnas även till studerande som
    är yngre"; studiestödsförordningen 2 kap. 9 §: the extra supplement is paid below a financial basis of
    SEK 125,000.
    Given a person with
      | fact                   | value           |
      | birth_date             | 2010-08-20      |
      | current_activity       | upper_secondary |
      | family_financial_basis | 90000           |
    When the case is evaluated in SE on 2026-09-30
    Then the status of studiehjalp is not_eligible_as_a_rule
    And the facts given support an exception to studiehjalp
    And the assessment of studiehjalp cites "Studiestödslagen (1999:1395) 2 kap. 3 §"
    When the case is evaluated in SE on 2026-10-01
    Then the status of studiehjalp is eligible
    Given the person's family_financial_basis is 130000
    When the case is evaluated in SE on 2026-09-30
    Then the status of studiehjalp is not_eligible_as_a_rule
    And the facts given do not show an exception to studiehjalp
