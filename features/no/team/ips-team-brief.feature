Feature: The IPS team brief in Norway — what the employment specialist, the NAV social worker and the therapist need for this person
  In the IPS collaboration meetings of the Norwegian study the NAV social workers mostly explained
  benefit rules in general terms, and nobody was sure who was responsible for what. The brief gives
  each role the lines that concern this person: when the AAP period ends, what more work or studies
  would do to it (evaluated, not guessed), which medical documentation is needed, which supports and
  routes are open, and the questions still unknown — each asked of the role that can find it out.

  Background:
    Given a person with
      | fact                           | value      |
      | birth_date                     | 2001-04-12 |
      | home_country                   | NO         |
      | mental_health_problem          | true       |
      | has_treating_clinician         | true       |
      | goal                           | both       |
      | work_capacity_reduction        | half       |
      | needs_nav_follow_up            | true       |
      | years_insured_in_norway        | 24         |
      | recognised_occupational_injury | false      |
      | completed_compulsory_school    | true       |
      | completed_upper_secondary      | false      |

  Scenario: Ida, 24, on AAP since March 2024 and working 40 % — the NAV social worker's page
    Given the person's receives_aap is true
    And the person's aap_since is 2024-03-01
    And the person's current_activity is employed
    And the person's work_percentage is 40
    And the person's in_gradual_return is false
    When the team brief is made in NO-0301 on 2026-11-23
    Then the brief tells the no_nav_social_worker under economy: "Work assessment allowance (AAP): ordinary maximum period (can be extended by up to 2 years) — last day 2027-02-28"
    And the brief tells the no_nav_social_worker under economy: "were 61 per cent, it would be: not eligible"
    And the brief tells the no_nav_social_worker under economy: "were in upper secondary school, it would be: undetermined — it would then depend on: Has the student had to break off the studies completely"
    And the brief gives the no_nav_social_worker the task: "when the AAP period ends and whether it can be extended"

  Scenario: The same person's employment specialist sees the routes open, and the therapist the referral to IPS ung
    Given the person's receives_aap is true
    And the person's aap_since is 2024-03-01
    And the person's current_activity is employed
    And the person's work_percentage is 40
    And the person's in_gradual_return is false
    When the team brief is made in NO-0301 on 2026-11-23
    Then the brief tells the no_employment_specialist under work: "Right to upper-secondary education: eligible after application — Application to the county authority"
    And the brief tells the no_employment_specialist under treatment: "IPS for young people (IPS ung): eligible — Referral from the treating clinician"
    And the brief tells the no_therapist under treatment: "IPS for young people (IPS ung): eligible"
    And the brief gives the no_therapist the task: "IPS ung is reached by referral from the treating clinician"

  Scenario: A student off sick — the therapist is asked for the sick-note confirmation Lånekassen needs
    Given the person's birth_date is 2004-06-01
    And the person's current_activity is higher_education
    And the person's lanekassen_applied_before_illness is true
    And the person's ill_since is 2025-08-01
    And the person's receives_aap is false
    When the team brief is made in NO-0301 on 2025-09-01
    Then the brief gives the no_therapist the task: "confirm the student is at least 50 % unable to study"
    And the brief asks the no_therapist: "Has a doctor (or another person allowed to issue sick notes) confirmed that the student is at least 50 % unable to study?"
    And the brief asks the no_therapist: "Is there a treatment plan from a doctor or therapist?"
    And the brief asks the no_employment_specialist: "Has the student had to break off the studies completely (unable to attend teaching, study at home, hand in work or sit exams)?"
    And the brief asks the no_nav_social_worker: "Has NAV granted the education as a work-oriented (training) measure in the activity plan?"

  # sosialtjenesteloven § 30: a programme is granted for up to one year and can be extended to two,
  # by exception by up to one more year. The end is the programme's, so it is told under work.
  Scenario: A person in the qualification programme since January 2025 — the NAV social worker sees when it ends
    Given the person's in_kvp is true
    And the person's kvp_since is 2025-01-15
    And the person's receives_aap is false
    When the team brief is made in NO-0301 on 2026-03-01
    Then the brief tells the no_nav_social_worker under work: "Qualification programme (KVP): up to two years (by exception one more) — last day 2027-01-14"
