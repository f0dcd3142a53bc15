Feature: IPS ung and NAV's youth guarantee
  IPS ung is for 16–30-year-olds with mental-health or substance problems who need help into work
  or school; the treating clinician refers and NAV's employment specialist sits in the treatment
  team. Whether it is offered is local: Oslo runs five IPS ung teams (published 2023-01-30). The
  youth guarantee (16–30) applies from 2023-07-01.

  Background:
    Given a person with
      | fact                   | value      |
      | birth_date             | 2006-02-10 |
      | mental_health_problem  | true       |
      | goal                   | studies    |
      | has_treating_clinician | true       |
      | current_activity       | none       |
      | needs_nav_follow_up    | true       |

  Scenario: A 19-year-old with anxiety who wants to get back to school is referred to IPS ung in Oslo
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_ips_ung is eligible
    And the route of no_ips_ung is no.health_referral_ips_ung
    And the legal status of no_ips_ung is discretionary
    And the answer on no_ips_ung rests on the reading no_ips_ung_available = offered of NO-0301
    And the answer on no_ips_ung cites "IPS (individuell jobbstøtte), nasjonal veiledning IPS ung (16–30 år)"

  Scenario: Where no local reading is known, whether IPS ung is offered decides the answer
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_ips_ung is undetermined
    And the answer on no_ips_ung still needs no_ips_ung_available

  Scenario: A 31-year-old is past IPS ung's age range
    Given the person's birth_date is 1994-01-05
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_ips_ung is not_eligible

  Scenario: The youth guarantee gives the 19-year-old a fixed contact person at NAV
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_youth_guarantee is eligible
    And the route of no_youth_guarantee is no.nav_youth_follow_up
    And the legal status of no_youth_guarantee is recommended_by_national_guidance

  Scenario: Before July 2023 there was no youth guarantee
    When the case is evaluated in NO-0301 on 2023-03-01
    Then the status of no_youth_guarantee is not_offered

  # regjeringen.no: the youth guarantee is for "unge under 30 år som trenger hjelp til å komme i arbeid".
  Scenario: On the 30th birthday the youth guarantee no longer applies
    Given the person's birth_date is 1995-09-01
    When the case is evaluated in NO-0301 on 2025-08-31
    Then the status of no_youth_guarantee is eligible
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_youth_guarantee is not_eligible
