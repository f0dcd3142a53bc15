Feature: Financial support (økonomisk stønad) and activity conditions for young adults
  Økonomisk stønad is a right for people who cannot provide for themselves (sosialtjenesteloven
  § 18); it is subsidiary. Since 2017-01-01 the NAV office must set activity conditions for
  recipients under 30 unless weighty reasons argue against it (§ 20 a). Students are as a main
  rule expected to live on Lånekassen support (inferred, unverified).

  Background:
    Given a person with
      | fact                   | value      |
      | mental_health_problem  | true       |
      | lacks_means_of_support | true       |
      | current_activity       | unemployed |
      | in_acute_emergency     | false      |

  Scenario: A 22-year-old receiving økonomisk stønad – activity conditions apply unless weighty reasons argue against it
    Given the person's birth_date is 2003-05-10
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the route of no_social_assistance is no.social_assistance_activity_conditions
    And the answer on no_social_assistance cites "sosialtjenesteloven § 20 a"
    And the legal status of no_social_assistance is mandated_by_law
    And the answer on no_social_assistance rests on the reading no_weighty_reasons_mental_illness = individual_assessment of NO

  Scenario: A 31-year-old has no activity duty under § 20 a, though conditions may be set under § 20
    Given the person's birth_date is 1994-03-01
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the route of no_social_assistance is no.social_assistance_application
    And the answer on no_social_assistance cites "sosialtjenesteloven § 20"

  # regjeringen.no (ASD, "Aktivitetsplikt for mottakere av sosialhjelp"): "Vilkårene for tildeling av
  # økonomisk stønad gjelder ikke dersom sosialhjelpsmottakeren er i en nødssituasjon."
  Scenario: A 22-year-old in an acute emergency gets emergency help without the activity condition of § 20 a
    Given the person's birth_date is 2003-05-10
    And the person's in_acute_emergency is true
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And the route of no_social_assistance is no.social_assistance_emergency
    And the answer on no_social_assistance cites "sosialtjenesteloven § 20 a"

  Scenario: The day before, on and after the 30th birthday, an emergency is helped without conditions
    Given the person's birth_date is 1995-09-01
    And the person's in_acute_emergency is true
    When the case is evaluated in NO-0301 on 2025-08-31
    Then the route of no_social_assistance is no.social_assistance_emergency
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the route of no_social_assistance is no.social_assistance_emergency
    When the case is evaluated in NO-0301 on 2025-09-02
    Then the route of no_social_assistance is no.social_assistance_emergency

  Scenario: Until it is known whether the person is in an emergency, the route for an under-30 is open
    Given the person's birth_date is 2003-05-10
    And the person's in_acute_emergency is unknown
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is eligible_after_decision
    And no route for no_social_assistance is decided yet
    And the answer on no_social_assistance still needs in_acute_emergency

  Scenario: Before 2017 the activity duty for under-30s was not yet in force
    Given the person's birth_date is 1994-05-10
    When the case is evaluated in NO-0301 on 2016-06-01
    Then the route of no_social_assistance is no.social_assistance_application

  Scenario: A university student is as a rule expected to live on Lånekassen support
    Given the person's birth_date is 2003-05-10
    And the person's current_activity is higher_education
    When the case is evaluated in NO-0301 on 2025-10-01
    Then the status of no_social_assistance is not_eligible_as_a_rule
    And the answer on no_social_assistance rests on the reading no_social_assistance_during_studies = not_during_studies of NO
    And the answer on no_social_assistance is marked unverified
    And an individual assessment of no_social_assistance can grant it when "at its discretion gives support in a special case (§ 19)"
    And the assessment of no_social_assistance cites "sosialtjenesteloven § 19"
    And the facts that would support an exception to no_social_assistance are in_acute_emergency, rehabilitation_plan

  Scenario: Outside § 18 the NAV office can still give support in special cases (§ 19), so the refusal is only a main rule
    § 19: "Kommunen kan i særlige tilfeller, selv om vilkårene i § 18 ikke er tilstede, yte økonomisk
    hjelp til personer som trenger det for å kunne overvinne eller tilpasse seg en vanskelig livssituasjon."
    Given the person's birth_date is 2003-05-10
    And the person's lacks_means_of_support is false
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is not_eligible_as_a_rule
    And the answer on no_social_assistance cites "sosialtjenesteloven § 18"
    And an individual assessment of no_social_assistance can grant it when "overcome or adapt to a difficult life situation"
    And the assessment of no_social_assistance cites "sosialtjenesteloven § 19"
    And the facts that would support an exception to no_social_assistance are needs_help_with_difficult_life_situation
    And the facts given do not yet settle an exception to no_social_assistance

  Scenario: A person who needs help to overcome a difficult life situation shows the ground § 19 names
    Given the person's birth_date is 2003-05-10
    And the person's lacks_means_of_support is false
    And the person's needs_help_with_difficult_life_situation is true
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is not_eligible_as_a_rule
    And the facts given support an exception to no_social_assistance

  Scenario: Whether the person lacks means is not known yet
    Given the person's birth_date is 2003-05-10
    And the person's lacks_means_of_support is unknown
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_social_assistance is undetermined
    And the answer on no_social_assistance still needs lacks_means_of_support
