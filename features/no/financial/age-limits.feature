Feature: Norwegian age limits as the law words them
  Activity conditions apply to recipients of financial support under 30 (sosialtjenesteloven § 20 a):
  the limit is the 30th birthday. The qualification programme's lower age limit was 19 until
  2018-12-31 and 18 from 2019-01-01 (§ 29). The old Education Act's youth right lasted until the end
  of the school year that starts in the year one turns 24 (§ 3-1); the adult right starts with the
  year one turns 25 (§ 4A-3).

  Scenario: A person turning 30 leaves the activity-condition rule for under-30s on the birthday
    Given a person with
      | fact                   | value      |
      | birth_date             | 1996-05-20 |
      | lacks_means_of_support | true       |
      | current_activity       | unemployed |
      | in_acute_emergency     | false      |
    When the case is evaluated in NO-0301 on 2026-05-19
    Then the route of no_social_assistance is no.social_assistance_activity_conditions
    When the case is evaluated in NO-0301 on 2026-05-20
    Then the route of no_social_assistance is no.social_assistance_application

  Scenario: The qualification programme from 19 before 2019, from 18 after
    Given a person with
      | fact                                             | value      |
      | birth_date                                       | 2000-06-15 |
      | in_kvp                                           | false      |
      | substantially_reduced_work_and_earning_capacity  | true       |
      | receives_aap                                     | false      |
      | receives_nav_benefit                             | false      |
    When the case is evaluated in NO-0301 on 2018-12-31
    Then the status of no_kvp is not_eligible
    When the case is evaluated in NO-0301 on 2019-01-01
    Then the status of no_kvp is eligible_after_decision
