Feature: The IPS team brief in Sweden — the team and the agencies around a young adult
  The same brief for a Swedish case names the Swedish roles: the employment specialist
  (arbetsspecialist), the study coach, the social worker (socialsekreterare), the psychiatry
  contact, and the case officers at Försäkringskassan, Arbetsförmedlingen and CSN. SE-EX-A is an
  anonymised example unit of the study that takes self-referrals to IPS and Supported Education.

  Background:
    Given a person with
      | fact                             | value      |
      | birth_date                       | 2005-05-05 |
      | mental_health_problem            | true       |
      | schizophrenia_spectrum_diagnosis | true       |
      | psychiatric_contact              | true       |
      | goal                             | both       |
      | insured_in_sweden                | true       |
      | work_capacity_reduction          | full       |
      | reduction_expected_one_year      | true       |
      | receives_activity_compensation   | true       |
      | activity_compensation_since      | 2024-01-01 |
      | current_activity                 | unemployed |
      | completed_upper_secondary        | true       |

  Scenario: A 20-year-old on activity compensation who wants work and studies
    When the team brief is made in SE-EX-A on 2025-09-01
    Then the brief tells the employment_specialist under work: "Individual Placement and Support (IPS): eligible — Direct contact"
    And the brief tells the employment_specialist under economy: "Activity compensation for reduced work capacity: paid at the latest until the month before the 30th birthday — last day 2035-04-30"
    And the brief tells the study_coach under work: "Supported Education (SEd): eligible"
    And the brief gives the psychiatry_contact the task: "Writes the medical evidence (läkarutlåtande) Försäkringskassan needs."
    And the brief gives the forsakringskassan_officer the task: "needs the medical evidence from health care and to hear about planned studies or work in advance"
    And the brief tells the forsakringskassan_officer under economy: "Studying while on activity compensation (trial period or dormant benefit): eligible after application"

  Scenario: Each unknown is asked of the role that can find it out
    When the team brief is made in SE-EX-A on 2025-09-01
    Then the brief asks the employment_specialist: "Does the person have income from work (which sickness benefit is based on)?"
    And the brief asks the social_worker: "Does the person lack means of support (income, assets or other benefits)?"
    And the brief asks the arbetsformedlingen_officer: "Is the person registered as a jobseeker (Arbetsförmedlingen / NAV)?"
    And the brief has nothing for the csn_officer
