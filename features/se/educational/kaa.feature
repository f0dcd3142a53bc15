Feature: The municipal activity responsibility (KAA) — skollagen 29 kap. 9 §
  The home municipality keeps track of young people under 20 who "har fullgjort sin skolplikt", are
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
    And the answer on kaa still needs fulfilled_compulsory_schooling

  Scenario: A pupil of upper secondary school is the school's responsibility, not KAA's
    Given the person's fulfilled_compulsory_schooling is true
    And the person's current_activity is upper_secondary
    When the case is evaluated in SE on 2025-09-01
    Then the status of kaa is not_eligible
