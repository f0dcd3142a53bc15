Feature: Housing supplement (bostadstillägg) while activity compensation is dormant
  SFB 101 kap. 3 §: the supplement can be paid to a person receiving activity compensation;
  101 kap. 4 §: "även när … aktivitetsersättning har förklarats vilande" — also while it is dormant
  (not paid) because the person studies or works.

  Background:
    Given a person with
      | fact                           | value      |
      | birth_date                     | 2001-05-01 |
      | current_activity               | higher_education |
      | receives_activity_compensation | false      |

  Scenario: Dormant activity compensation still carries the housing supplement
    Given the person's activity_compensation_dormant is true
    When the case is evaluated in SE on 2025-09-01
    Then the status of bostadstillagg is eligible_after_application
    And the answer on bostadstillagg cites "SFB (2010:110) 101 kap. 4 §"

  Scenario: Not receiving it is not enough to refuse while dormancy is unknown
    When the case is evaluated in SE on 2025-09-01
    Then the status of bostadstillagg is undetermined
    And the answer on bostadstillagg still needs activity_compensation_dormant

  Scenario: Neither receiving nor dormant: no housing supplement
    Given the person's activity_compensation_dormant is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of bostadstillagg is not_eligible
