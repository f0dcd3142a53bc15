Feature: Finishing upper-secondary school, and the follow-up service
  The old Education Act (to 2024-07-31) gave a youth right usable until the school year starting in
  the year one turns 24; the new act (from 2024-08-01) gives a right until qualification is
  achieved (§ 5-1). The county's follow-up service covers young people neither in education nor in
  work: up to 21 under the old act (§ 3-6), up to 24 under the new one (§ 9-4).

  Background:
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2002-06-15 |
      | mental_health_problem       | true       |
      | completed_compulsory_school | true       |
      | completed_upper_secondary   | false      |
      | current_activity            | none       |

  Scenario: A 23-year-old who dropped out of upper secondary has a right to finish it under the new act
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_upper_secondary is eligible_after_application
    And the route of no_upper_secondary is no.county_upper_secondary_application
    And the legal status of no_upper_secondary is mandated_by_law
    And the answer on no_upper_secondary cites "opplæringslova § 5-1"

  Scenario: Before 1 August 2024 the same right rested on the old act's youth right
    When the case is evaluated in NO-0301 on 2024-03-01
    Then the status of no_upper_secondary is eligible_after_application
    And the answer on no_upper_secondary cites "opplæringslova (1998) § 3-1"
    And the answer on no_upper_secondary is marked unverified

  Scenario: The follow-up service now reaches a 23-year-old who is neither in school nor in work
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_follow_up_service is eligible
    And the route of no_follow_up_service is no.follow_up_service_contact
    And the answer on no_follow_up_service cites "opplæringslova § 9-4"

  Scenario: Under the old act the follow-up service ended with the year one turned 21
    When the case is evaluated in NO-0301 on 2024-03-01
    Then the status of no_follow_up_service is not_eligible
    And the answer on no_follow_up_service cites "opplæringslova (1998) § 3-6"
