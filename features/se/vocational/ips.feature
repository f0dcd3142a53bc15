Feature: IPS (individual placement and support) — offered, by which route, on what basis
  No statute names IPS. Whether a unit offers it, whether a needs-assessed decision is required,
  and whether it is read as a right under the Social Services Act are local readings. The six
  example units are the anonymised units of the study (DOI 10.1080/2156857X.2024.2368162).

  Background:
    Given a person with
      | fact                             | value      |
      | birth_date                       | 2002-02-02 |
      | mental_health_problem            | true       |
      | schizophrenia_spectrum_diagnosis | true       |
      | psychiatric_contact              | true       |
      | goal                             | work       |

  Scenario: In a unit that takes self-referrals, IPS starts on direct contact and cannot be appealed
    When the case is evaluated in SE-EX-A on 2025-09-01
    Then the status of ips is eligible
    And the route of ips is se.sol_direct_contact
    And the decision on ips cannot be appealed
    And the legal status of ips is mandated_by_local_reading
    And the answer on ips cites "SoL (2025:400) 11 kap. 5 §"

  Scenario: In a unit that requires a needs-assessed decision, the decision can be appealed
    When the case is evaluated in SE-EX-C on 2025-09-01
    Then the status of ips is eligible_after_decision
    And the route of ips is se.sol_needs_assessed_insats
    And the decision on ips can be appealed to förvaltningsrätt
    And the legal status of ips is recommended_by_national_guidance
    And the answer on ips cites "SoL (2025:400) 11 kap. 1 §"

  Scenario: Example unit B moved from self-referral to required decisions "from next year"
    When the case is compared between SE-EX-B and SE-EX-C on 2022-06-01
    Then in SE-EX-B the status of ips is eligible
    And the answer on ips is marked unverified
    When the case is evaluated in SE-EX-B on 2024-03-01
    Then the status of ips is eligible_after_decision

  Scenario: Which year unit B's "next year" was is not given, so 2023 is not decided on an assumed date
    When the case is evaluated in SE-EX-B on 2023-06-01
    Then the status of ips is undetermined
    And the answer on ips still needs vocational_support_access_route
    And the statuses still possible for ips are eligible, eligible_after_decision, not_eligible

  Scenario: Example unit D lowered its age limit from 20 to 18; before the study its limit is unknown
    Given the person's birth_date is 2001-08-01
    When the case is evaluated in SE-EX-D on 2020-09-01
    Then the status of ips is eligible_after_decision
    When the case is evaluated in SE-EX-D on 2023-03-01
    Then the status of ips is eligible_after_decision

  Scenario: From the study on, unit D takes young adults from 18; a younger person can still apply under SoL
    Given the person's birth_date is 2006-08-01
    When the case is evaluated in SE-EX-D on 2023-03-01
    Then the status of ips is not_eligible_as_a_rule
    And an individual assessment of ips can grant it when "the service's own age range does not bind that assessment"
    And the assessment of ips cites "SoL (2001:453) 4 kap. 1 §"
    And the facts given support an exception to ips

  Scenario: Where no reading is known, whether IPS is offered decides and is asked for
    When the case is evaluated in SE on 2025-09-01
    Then the status of ips is undetermined
    And the answer on ips still needs vocational_support_offered, vocational_support_mandate

  Scenario: IPS in psychiatric care needs enrolment there
    Given the person's psychiatric_contact is false
    When the case is evaluated in SE-EX-F on 2025-09-01
    Then the status of ips is not_eligible
    And the route of ips is se.psychiatry_enrolment
