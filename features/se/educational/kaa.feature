Feature: The municipal activity responsibility (KAA) — skollagen 29 kap. 9 §
  The home municipality keeps track of young people under 20 who "har fullgjort sin skolplikt" (or
  were registered in Sweden when no longer of compulsory-school age), are
  not in upper secondary school and lack an upper-secondary diploma, and offers them individual
  measures. The Act asks that compulsory schooling is fulfilled — attended to its end — not that
  it was passed.

  Background:
    Given a person with
      | fact                      | value      |
      | birth_date                | 2008-02-01 |
      | current_activity          | none       |
      | completed_upper_secondary | false      |

  Scenario: A 17-year-old who left compulsory school without pass grades is covered
    Given the person's fulfilled_compulsory_schooling is true
    And the person's completed_compulsory_school is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is eligible
    And the route of kaa is se.kaa_contact
    And the legal status of kaa is mandated_by_law
    And the answer on kaa cites "Skollagen (2010:800) 29 kap. 9 §"

  Scenario: Whether skolplikt is fulfilled decides, when compulsory school was not completed
    Given the person's completed_compulsory_school is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is undetermined
    And the answer on kaa still needs fulfilled_compulsory_schooling, registered_without_school_duty

  Scenario: A young person registered in Sweden after compulsory-school age is covered too
    29 kap. 9 § first paragraph point 2: "har fullgjort sin skolplikt eller har blivit folkbokförda i
    landet vid en tidpunkt då de inte har skolplikt".
    Given the person's fulfilled_compulsory_schooling is false
    And the person's completed_compulsory_school is false
    And the person's registered_without_school_duty is true
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is eligible
    And the answer on kaa cites "Skollagen (2010:800) 29 kap. 9 §"
    Given the person's registered_without_school_duty is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is not_eligible

  Scenario: Covered the day before the 20th birthday, not on it or after
    29 kap. 9 § first paragraph point 1: "inte har fyllt 20 år".
    Given the person's fulfilled_compulsory_schooling is true
    When the case is evaluated in SE on 2028-01-31
    Then the status of kaa is eligible
    When the case is evaluated in SE on 2028-02-01
    Then the status of kaa is not_eligible
    When the case is evaluated in SE on 2028-02-02
    Then the status of kaa is not_eligible

  Scenario: A pupil of upper secondary school is the school's responsibility, not KAA's
    Given the person's fulfilled_compulsory_schooling is true
    And the person's current_activity is upper_secondary
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is not_eligible
