Feature: Financial assistance (försörjningsstöd) for young adults, and studies
  Försörjningsstöd is a right under the Social Services Act (SoL 2025:400 12 kap. 1 §; before
  2025-07-01 SoL 2001:453 4 kap. 1 §). Students with student finance are as a rule not entitled
  during terms (RÅ 1996 ref. 13), but may be between terms (HFD 2011:56), and some municipalities
  read the law so that studies within a rehabilitation plan are allowed.

  Background:
    Given a person with
      | fact                   | value      |
      | birth_date             | 2003-05-10 |
      | mental_health_problem  | true       |
      | lacks_means_of_support | true       |

  Scenario: A 22-year-old who dropped out of university with depression and lacks means
    Given the person's current_activity is unemployed
    And the person's registered_jobseeker is true
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is eligible_after_decision
    And the route of forsorjningsstod is se.social_assistance_application
    And the legal status of forsorjningsstod is mandated_by_law
    And the answer on forsorjningsstod cites "SoL (2025:400) 12 kap. 1 §"
    And the decision on forsorjningsstod can be appealed to förvaltningsrätt

  Scenario: The same person before the new Social Services Act is cited under the old one
    Given the person's current_activity is unemployed
    And the person's registered_jobseeker is true
    When the case is evaluated in SE on 2025-03-01
    Then the status of forsorjningsstod is eligible_after_decision
    And the answer on forsorjningsstod cites "SoL (2001:453) 4 kap. 1 §"

  Scenario: A university student during term lives on student finance — as a main rule
    Given the person's current_activity is higher_education
    And the person's in_study_break is false
    When the case is evaluated in SE on 2025-10-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod cites "RÅ 1996 ref. 13"
    And an individual assessment of forsorjningsstod can grant it when "the student is in an acute emergency"
    And the assessment of forsorjningsstod cites "RÅ 1996 ref. 13"
    And the facts that would support an exception to forsorjningsstod are in_acute_emergency
    And the facts given do not yet settle an exception to forsorjningsstod

  Scenario: A student in an acute emergency: the facts given are a ground RÅ 1996 ref. 13 names
    Given the person's current_activity is higher_education
    And the person's in_study_break is false
    And the person's in_acute_emergency is true
    When the case is evaluated in SE on 2025-10-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the facts given support an exception to forsorjningsstod

  Scenario: An upper-secondary pupil of 19: the parents' duty is what is reasonable given their means
    Given the person's birth_date is 2006-03-14
    And the person's current_activity is upper_secondary
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod cites "FB (1949:381) 7 kap. 1 §"
    And an individual assessment of forsorjningsstod can grant it when "the parents cannot reasonably provide for the pupil given their combined means"
    And the assessment of forsorjningsstod cites "FB (1949:381) 7 kap. 1 §"
    And the facts that would support an exception to forsorjningsstod are parents_can_support, lives_with_parents
    And the answer on forsorjningsstod is not marked unverified

  Scenario: The pupil's parents cannot provide for her: a ground the law names for assistance
    Given the person's birth_date is 2006-03-14
    And the person's current_activity is upper_secondary
    And the person's parents_can_support is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the facts given support an exception to forsorjningsstod

  Scenario: Haparanda's "exceptions only for strong reasons" is a main rule with an exception, not a flat no
    Given the person's birth_date is 2006-03-14
    And the person's current_activity is upper_secondary
    And the person's parents_can_support is true
    And the person's lives_with_parents is true
    When the case is evaluated in SE-2583 on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And an individual assessment of forsorjningsstod can grant it when "there are strong reasons"
    And the answer on forsorjningsstod rests on the reading gymnasium_pupils_assistance = exceptional_reasons of SE-2583
    And the facts given do not show an exception to forsorjningsstod

  Scenario: At 21 the parents' duty of maintenance has ended (FB 7 kap. 1 §: "längst intill dess barnet fyller tjugoett år")
    In a break between two terms, the day before her 21st birthday the parents' duty still applies as a main
    rule; from the birthday nothing bars assistance: neither the parents' duty nor student finance (HFD 2011:56).
    Given the person's birth_date is 2004-08-31
    And the person's current_activity is upper_secondary
    And the person's in_study_break is true
    And the person's lacks_means_of_support is true
    When the case is evaluated in SE on 2025-08-30
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod cites "FB (1949:381) 7 kap. 1 §"
    When the case is evaluated in SE on 2025-08-31
    Then the status of forsorjningsstod is eligible_after_decision
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is eligible_after_decision

  Scenario: A pupil of 21 in upper secondary school studies with studiemedel: during term assistance is refused as a rule
    From the second half of the year of turning 20 a pupil's studies carry studiemedel (studiestödslagen
    3 kap. 2 § second paragraph), so the main rule for students during term applies as to any student.
    Given the person's birth_date is 2004-08-31
    And the person's current_activity is upper_secondary
    And the person's receives_activity_compensation is false
    And the person's in_study_break is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiemedel is eligible_after_application
    And the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod cites "RÅ 1996 ref. 13"

  Scenario: Between two terms a student cannot be required to have saved student finance
    Given the person's current_activity is higher_education
    And the person's in_study_break is true
    When the case is evaluated in SE on 2025-07-15
    Then the status of forsorjningsstod is eligible_after_decision
    And the answer on forsorjningsstod cites "HFD 2011:56"

  Scenario: Studies within a rehabilitation plan: two study units read the law differently
    Given the person's current_activity is higher_education
    And the person's in_study_break is false
    And the person's rehabilitation_plan is true
    When the case is compared between SE-EX-A and SE-EX-B on 2025-10-01
    Then in SE-EX-A the status of forsorjningsstod is eligible_after_decision
    And in SE-EX-B the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod rests on the reading financial_support_during_studies = not_during_term of SE-EX-B

  Scenario: Whether the person lacks means is not known yet
    Given the person's lacks_means_of_support is unknown
    And the person's current_activity is unemployed
    And the person's registered_jobseeker is true
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is undetermined
    And the answer on forsorjningsstod still needs lacks_means_of_support

  Scenario: A 17-year-old whose parents cannot provide for her: FB 7 kap. 1 § weighs their means
    Given the person's birth_date is 2008-03-14
    And the person's current_activity is upper_secondary
    And the person's parents_can_support is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the assessment of forsorjningsstod cites "FB (1949:381) 7 kap. 1 §"
    And the facts given support an exception to forsorjningsstod

  Scenario: Not registered as a jobseeker: acceptable reasons keep the right (SoL 12 kap. 3 § second paragraph)
    Given the person's current_activity is unemployed
    And the person's work_capacity_reduction is none
    And the person's registered_jobseeker is false
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And an individual assessment of forsorjningsstod can grant it when "acceptable reasons (godtagbara skäl)"
    And the assessment of forsorjningsstod cites "SoL (2025:400) 12 kap. 3 §"
    And the facts given support an exception to forsorjningsstod
