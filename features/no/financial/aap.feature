Feature: Work assessment allowance (AAP) for young adults, as a NAV social worker explains it
  AAP (folketrygdloven kapittel 11) is for people aged 18–67 whose work capacity is reduced by at
  least half and who need treatment, a measure or follow-up to get work. Working alongside AAP
  reduces it in proportion to the hours; above 60 % it is as a rule not paid, except during an
  agreed gradual return (up to 80 %). AAP granted from 2018 lasts 3 years, extendable by up to 2.
  New recipients under 25 have a lower minimum benefit.

  Background:
    Given a person with
      | fact                           | value      |
      | birth_date                     | 2001-04-12 |
      | mental_health_problem          | true       |
      | work_capacity_reduction        | half       |
      | needs_nav_follow_up            | true       |
      | years_insured_in_norway        | 24         |
      | recognised_occupational_injury | false      |

  Scenario: A 24-year-old on AAP who starts working 70 % – AAP is as a rule not paid
    Given the person's receives_aap is true
    And the person's aap_since is 2024-03-01
    And the person's current_activity is employed
    And the person's work_percentage is 70
    And the person's in_gradual_return is false
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_aap is not_eligible
    And the answer on no_aap cites "folketrygdloven § 11-23 fjerde ledd"
    And the legal status of no_aap is mandated_by_law

  Scenario: The same 24-year-old keeps AAP while working 70 % in an agreed gradual return
    Given the person's receives_aap is true
    And the person's aap_since is 2024-03-01
    And the person's current_activity is employed
    And the person's work_percentage is 70
    And the person's in_gradual_return is true
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_aap is eligible
    And the answer on no_aap cites "folketrygdloven § 11-23 sjette ledd"

  Scenario: A 24-year-old on AAP working 40 % keeps a reduced AAP
    Given the person's receives_aap is true
    And the person's aap_since is 2024-03-01
    And the person's current_activity is employed
    And the person's work_percentage is 40
    And the person's in_gradual_return is false
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_aap is eligible
    And the answer on no_aap cites "folketrygdloven § 11-23"
    And the step paid of no_aap cites "folketrygdloven § 11-23"
    # the eligibility rests on verified rules, but the answer now carries the amount, whose minimum
    # from 1 July 2024 (2,041 G) is seen only in NAV's code: the answer says so
    And the amount of no_aap is marked unverified
    And the answer on no_aap is marked unverified

  Scenario: After three years on AAP it continues only if NAV decides to extend it
    Given the person's receives_aap is true
    And the person's aap_since is 2022-06-01
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_aap is eligible_after_decision
    And the answer on no_aap cites "folketrygdloven § 11-12"

  Scenario: A 22-year-old with depression applies for AAP and gets the lower minimum for under-25s
    Given the person's birth_date is 2003-02-01
    And the person's receives_aap is false
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is eligible_after_application
    And the route of no_aap is no.nav_aap_application
    And the answer on no_aap cites "folketrygdloven § 11-20 første ledd"
    And the answer on no_aap is marked unverified

  # The text of § 11-14 was not read. NAV's case processing tests the student ground only when the
  # studies are broken off (StudentGrunnlag.skalVurdereStudent); a student who carries on ("Ja, helt
  # eller delvis") is assessed under the ordinary conditions, so carrying on refuses only as a main rule.
  Scenario: A student who carries on studying does not get AAP as a rule, but NAV can assess the ordinary conditions
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is false
    And the person's education_as_nav_measure is false
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is not_eligible_as_a_rule
    And the answer on no_aap cites "folketrygdloven § 11-14"
    And an individual assessment of no_aap can grant it when "the studies do not stand in the way of a work capacity reduced by at least half"
    And the assessment of no_aap cites "folketrygdloven § 11-5"
    And the assessment of no_aap cites "folketrygdloven § 11-6"
    And the answer on no_aap is marked unverified

  Scenario: A student granted the education as a NAV training measure is not refused for studying
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is false
    And the person's education_as_nav_measure is true
    And the person's work_capacity_reduction is half
    And the person's needs_nav_follow_up is true
    And the person's years_insured_in_norway is 10
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is eligible_after_application

  # § 11-14 as NAV applies it (navikt/aap-behandlingsflyt, StudentVurdering.erOppfylt): studies broken
  # off because of illness, a study approved by Lånekassen, a need for treatment to resume it. The
  # capacity to study is judged, not the capacity for all work; the need for assistance still counts.
  Scenario: A student who broke off an approved study and needs treatment to resume it can apply, whatever her capacity for other work
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is true
    And the person's studies_approved_by_lanekassen is true
    And the person's treatment_plan is true
    And the person's work_capacity_reduction is quarter
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is eligible_after_application
    And the route of no_aap is no.nav_aap_application
    And the answer on no_aap cites "folketrygdloven § 11-14"
    And the answer on no_aap is marked unverified

  Scenario: Without a need for treatment the student ground does not apply, and the ordinary conditions decide
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is true
    And the person's studies_approved_by_lanekassen is true
    And the person's treatment_plan is false
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is eligible_after_application
    And the answer on no_aap cites "folketrygdloven § 11-5"

  Scenario: A study Lånekassen does not approve leaves only the ordinary test against all work
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is true
    And the person's studies_approved_by_lanekassen is false
    And the person's treatment_plan is true
    And the person's work_capacity_reduction is quarter
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is not_eligible
    And the answer on no_aap cites "folketrygdloven § 11-5"

  Scenario: Whether Lånekassen approves the study is asked when only the student ground can carry the claim
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is true
    And the person's treatment_plan is true
    And the person's work_capacity_reduction is quarter
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is undetermined
    And the answer on no_aap still needs studies_approved_by_lanekassen

  Scenario: A student who needs no follow-up from NAV is not helped by the student ground either
    Given the person's receives_aap is false
    And the person's current_activity is higher_education
    And the person's studies_broken_off is true
    And the person's studies_approved_by_lanekassen is true
    And the person's treatment_plan is true
    And the person's needs_nav_follow_up is false
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is not_eligible
    And the answer on no_aap cites "folketrygdloven § 11-6"

  Scenario: Without knowing how long she has been a member of folketrygden, NAV cannot say yet
    Given the person's years_insured_in_norway is unknown
    And the person's receives_aap is false
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is undetermined
    And the answer on no_aap still needs years_insured_in_norway

  Scenario: Fewer than 5 years of membership refuses AAP as a rule only: § 11-2 has exceptions
    Given the person's years_insured_in_norway is 3
    And the person's receives_aap is false
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is not_eligible_as_a_rule
    And the assessment of no_aap cites "folketrygdloven § 11-2"
    And the facts that would support an exception to no_aap are insured_in_eea_country, illness_began_while_insured
    And the answer on no_aap is marked unverified

  # Lov 20. desember 2019 nr. 84 (Prop. 10 L, Innst. 80 L (2019–2020)) raised the requirement from 3 to 5
  # years and abolished the refugee exception, for applications sent from 1 January 2021 (nav.no,
  # "Regelendringer og satser fra 1. januar 2021").
  Scenario: A refugee applying in 2025 is no longer exempt from the membership requirement
    Given the person's years_insured_in_norway is 3
    And the person's receives_aap is false
    And the person's recognised_refugee is true
    And the person's insured_in_eea_country is false
    And the person's illness_began_while_insured is false
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2025-09-01
    Then the status of no_aap is not_eligible_as_a_rule
    And the facts given do not show an exception to no_aap

  Scenario: Until the end of 2020 the membership requirement did not apply to a refugee
    Given the person's years_insured_in_norway is 2
    And the person's receives_aap is false
    And the person's recognised_refugee is true
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2020-12-31
    Then the status of no_aap is eligible_after_application

  Scenario: Four years of membership were enough on 2020-12-31 and are, as a rule, not enough from 2021-01-01
    Given the person's years_insured_in_norway is 4
    And the person's receives_aap is false
    And the person's recognised_refugee is false
    And the person's current_activity is unemployed
    And the person's work_percentage is 0
    When the case is evaluated in NO on 2020-12-31
    Then the status of no_aap is eligible_after_application
    When the case is evaluated in NO on 2021-01-01
    Then the status of no_aap is not_eligible_as_a_rule
