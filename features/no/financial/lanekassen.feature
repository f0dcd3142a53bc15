Feature: Lånekassen when a student falls ill
  The sick-leave grant turns the loan into a grant from day 15 for a student at least 50 % unable
  to study, who applied for support before falling ill; it is not paid for the same period as AAP.

  Background:
    Given a person with
      | fact                              | value            |
      | birth_date                        | 2002-09-01       |
      | current_activity                  | higher_education |
      | mental_health_problem             | true             |
      | lanekassen_applied_before_illness | true             |
      | ill_since                         | 2025-09-01       |
      | unable_to_study_at_least_half     | true             |

  Scenario: A student ill for three weeks gets the loan turned into a grant
    Given the person's receives_aap is false
    When the case is evaluated in NO-0301 on 2025-09-22
    Then the status of no_sick_grant is eligible_after_application
    And the route of no_sick_grant is no.lanekassen_application
    And the answer on no_sick_grant cites "Lånekassens tildelingsregelverk sykestipend (omgjøring av lån til stipend ved sykdom)"

  Scenario: A student who has been granted AAP cannot also get the sick-leave grant
    Given the person's receives_aap is true
    When the case is evaluated in NO-0301 on 2025-09-22
    Then the status of no_sick_grant is not_eligible
    And the answer on no_sick_grant cites "Lånekassens tildelingsregelverk sykestipend (omgjøring av lån til stipend ved sykdom)"

  Scenario: The grant starts on day 15 of the illness: not on day 14, from day 15
    Lånekassen: "Du får ikke sykestipend for de to første ukene du er syk. Derfor får du sykestipend
    først fra dag 15 av sykdomsperioden." Ill from 1 September (day 1), day 15 is 15 September.
    Given the person's receives_aap is false
    When the case is evaluated in NO-0301 on 2025-09-14
    Then the status of no_sick_grant is not_eligible
    When the case is evaluated in NO-0301 on 2025-09-15
    Then the status of no_sick_grant is eligible_after_application
    And the answer on no_sick_grant cites "Lånekassens tildelingsregelverk sykestipend (omgjøring av lån til stipend ved sykdom)"
    When the case is evaluated in NO-0301 on 2025-09-16
    Then the status of no_sick_grant is eligible_after_application

  Scenario: A student who fell ill before applying is refused only as a main rule
    Lånekassen: "Du får heller ikke sykestipend hvis du ble syk før du søkte om stipend og lån fra oss.
    Vi kan gjøre unntak for dette hvis du var i støtteberettiget utdanning i semesteret før du ble syk."
    Given the person's receives_aap is false
    And the person's lanekassen_applied_before_illness is false
    When the case is evaluated in NO-0301 on 2025-09-22
    Then the status of no_sick_grant is not_eligible_as_a_rule
    And an individual assessment of no_sick_grant can grant it when "in the semester before falling ill"
    And the facts that would support an exception to no_sick_grant are in_supported_education_semester_before_illness
    And the facts given do not yet settle an exception to no_sick_grant

  Scenario: Studying with support the semester before is the ground Lånekassen names
    Given the person's receives_aap is false
    And the person's lanekassen_applied_before_illness is false
    And the person's in_supported_education_semester_before_illness is true
    When the case is evaluated in NO-0301 on 2025-09-22
    Then the status of no_sick_grant is not_eligible_as_a_rule
    And the facts given support an exception to no_sick_grant

  Scenario: On AAP as well, the refusal is flat: AAP bars the grant whatever the application date
    Given the person's receives_aap is true
    And the person's lanekassen_applied_before_illness is false
    When the case is evaluated in NO-0301 on 2025-09-22
    Then the status of no_sick_grant is not_eligible

  Scenario: After only ten days of illness it is too early
    Given the person's receives_aap is false
    When the case is evaluated in NO-0301 on 2025-09-11
    Then the status of no_sick_grant is not_eligible
