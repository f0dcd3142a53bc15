Feature: Day activity (sysselsättning) for people with a psychiatric disability who work or study
  The Social Services Act sets no bar for people who work or study: the right to an insats
  (SoL 11 kap. 1 §) follows the need. The bar comes from LSS's definition of daily activity
  (9 § 10: for people "som saknar förvärvsarbete och inte utbildar sig") and municipal pages, so a
  student is refused as a main rule only.

  Background:
    Given a person with
      | fact                                 | value      |
      | birth_date                           | 2001-05-01 |
      | mental_health_problem                | true       |
      | considerable_difficulties_daily_life | true       |
      | current_activity                     | higher_education |

  Scenario: A student is refused as a main rule, cited to LSS, with room for an assessment under SoL
    When the case is evaluated in SE on 2025-09-01
    Then the status of sysselsattning is not_eligible_as_a_rule
    And the answer on sysselsattning cites "LSS (1993:387) 9 § 10 p."
    And an individual assessment of sysselsattning can grant it when "the work or studies do not meet the person's need for a meaningful occupation"
    And the assessment of sysselsattning cites "SoL (2025:400) 11 kap. 1 §"
    And the facts that would support an exception to sysselsattning are activity_meets_occupation_need

  Scenario: Studies that do not meet the need are a ground the Act names
    Given the person's activity_meets_occupation_need is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of sysselsattning is not_eligible_as_a_rule
    And the facts given support an exception to sysselsattning
