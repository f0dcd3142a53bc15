Feature: What Norwegian municipalities publish about økonomisk stønad and IPS
  Økonomisk stønad is a right under sosialtjenesteloven § 18, assessed individually; the state's
  guidance rates are a starting point for that discretion, and each municipality decides whether to
  follow them or to have its own. Rates, youth rates and short-term rates change the amount, not the
  right, so they are shown beside the route and never decide the status. Whether IPS is offered is
  local, and decides the IPS answer. The readings come from the municipalities' published pages
  (jurisdictions/no/municipalities/).

  Background:
    Given a person with
      | fact                   | value      |
      | birth_date             | 2003-05-10 |
      | mental_health_problem  | true       |
      | lacks_means_of_support | true       |
      | current_activity       | unemployed |
      | goal                   | work       |
      | in_acute_emergency     | false      |

  Scenario: In Trondheim a 22-year-old is told of the local youth rate and the short-term rate for new recipients
    When the case is evaluated in NO-5001 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the route of no_social_assistance is no.social_assistance_activity_conditions
    And the answer on no_social_assistance rests on the reading no_sa_rate_level = state_guidance_rates of NO-5001
    And the answer on no_social_assistance rests on the reading no_sa_young_adult_rate = youth_rates_both of NO-5001
    And the answer on no_social_assistance rests on the reading no_sa_new_recipient_rate = reduced_first_months of NO-5001

  Scenario: In Bergen the city's own rates, higher than the state's, leave the right itself unchanged
    When the case is evaluated in NO-4601 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the answer on no_social_assistance rests on the reading no_sa_rate_level = own_rates_above_state of NO-4601

  Scenario: Before March 2020 Bergen's own higher rates were not yet in force
    When the case is evaluated in NO-4601 on 2019-06-01
    Then the answer on no_social_assistance rests on the reading no_sa_rate_level = state_guidance_rates of NO

  Scenario: Where a municipality has published nothing, the state's guidance rates are the starting point
    When the case is evaluated in NO-4602 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the answer on no_social_assistance rests on the reading no_sa_rate_level = state_guidance_rates of NO
    And the answer on no_social_assistance rests on the reading no_sa_young_adult_rate = no_youth_rate of NO

  Scenario: Rana publishes that it offers IPS, so a person with mental-health problems who wants work is referred
    When the case is evaluated in NO-1833 on 2025-09-01
    Then the status of no_ips is eligible
    And the route of no_ips is no.ips_referral
    And the answer on no_ips rests on the reading no_ips_available = offered of NO-1833

  Scenario: In Skien the IPS offer is known only from a secondary source, and the answer says so
    When the case is evaluated in NO-4003 on 2025-09-01
    Then the status of no_ips is eligible
    And the answer on no_ips rests on the reading no_ips_available = offered of NO-4003
    And the answer on no_ips is marked unverified

  Scenario: Where a municipality has published nothing about IPS, whether it is offered is still open
    When the case is evaluated in NO-4602 on 2025-09-01
    Then the status of no_ips is undetermined
    And the answer on no_ips still needs no_ips_available
