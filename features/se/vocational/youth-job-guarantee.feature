Feature: The youth job guarantee (jobbgarantin för ungdomar)
  Förordning (2007:813) 5 §: "En anvisning till jobbgarantin för ungdomar får göras för en arbetslös
  person som har fyllt 16 men inte 25 år och som har varit arbetslös och anmäld hos den offentliga
  arbetsförmedlingen i sammanlagt 90 kalenderdagar under en ramtid om fyra månader."
  Arbetsförmedlingen decides on the referral.

  Background:
    Given a person with
      | fact                         | value      |
      | birth_date                   | 2001-03-10 |
      | registered_jobseeker         | true       |
      | current_activity             | unemployed |
      | registered_unemployed_since  | 2025-10-01 |
      | youth_guarantee_other_ground | false      |

  Scenario: A 24-year-old unemployed for more than 90 days can be referred
    When the case is evaluated in SE on 2026-03-09
    Then the status of youth_job_guarantee is eligible_after_decision
    And the route of youth_job_guarantee is se.af_registration
    And the legal status of youth_job_guarantee is discretionary
    And the answer on youth_job_guarantee cites "Förordning (2007:813) 5 §"
    And the answer on youth_job_guarantee is not marked unverified

  Scenario: On the 25th birthday the person has turned 25 and falls outside the guarantee
    When the case is evaluated in SE on 2026-03-10
    Then the status of youth_job_guarantee is not_eligible

  Scenario: Before 90 days, with no other ground of 5 §, there is no referral yet
    When the case is evaluated in SE on 2025-12-29
    Then the status of youth_job_guarantee is not_eligible

  Scenario: The 90 days are complete at the end of the 90th calendar day
    When the case is evaluated in SE on 2025-12-30
    Then the status of youth_job_guarantee is eligible_after_decision

  Scenario: A person who works is not unemployed as a rule, but part-time unemployment can qualify
    Given the person's current_activity is employed
    When the case is evaluated in SE on 2026-01-15
    Then the status of youth_job_guarantee is not_eligible_as_a_rule
    And an individual assessment of youth_job_guarantee can grant it when "only works part-time"
