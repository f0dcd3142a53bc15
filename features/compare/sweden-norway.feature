Feature: One person in Stockholm and in Oslo — the two welfare systems side by side
  A researcher compares the same young adult under Swedish and Norwegian law. The supports differ
  by country, so they are lined up by counterpart (aktivitetsersättning ↔ AAP, försörjningsstöd ↔
  økonomisk stønad, studiemedel ↔ Lånekassen, IPS ↔ IPS); the fact vocabulary keeps one name for
  one meaning, and a fact only one country's rules need is asked only there.

  Background:
    Given a person with
      | fact                    | value      |
      | birth_date              | 2001-04-12 |
      | mental_health_problem   | true       |
      | goal                    | work       |
      | current_activity        | unemployed |
      | work_capacity_reduction | half       |
      | lacks_means_of_support  | true       |

  Scenario: Benefits for reduced work capacity and for subsistence line up by counterpart
    When the case is compared between SE-0180 and NO-0301 on 2026-11-23
    Then side by side, activity_compensation in SE-0180 is lined up with no_aap in NO-0301
    And side by side, forsorjningsstod in SE-0180 is lined up with no_social_assistance in NO-0301
    And side by side, studiemedel in SE-0180 is lined up with no_lanekassen in NO-0301
    And side by side, ips in SE-0180 is lined up with no_ips in NO-0301

  Scenario: Each country asks only what its own rules need
    When the case is compared between SE-0180 and NO-0301 on 2026-11-23
    Then insured_in_sweden is still asked in SE-0180 but not in NO-0301
    And years_insured_in_norway is still asked in NO-0301 but not in SE-0180

  Scenario: The same lack of means gives social assistance after a decision on both sides; in Norway with activity conditions under 30
    Given the person's in_acute_emergency is false
    When the case is compared between SE-0180 and NO-0301 on 2026-11-23
    Then in SE-0180 the status of forsorjningsstod is eligible_after_decision
    And in NO-0301 the status of no_social_assistance is eligible_after_decision
    And the route of no_social_assistance is no.social_assistance_activity_conditions
