Feature: The qualification programme (KVP) and its benefit
  KVP is a right under sosialtjenesteloven § 29 for people of working age with substantially
  reduced work and earning capacity and no or very limited national-insurance benefits. The lower
  age limit fell from 19 to 18 on 2019-01-01. Participants under 25 get 2/3 of the benefit (§ 35).

  Background:
    Given a person with
      | fact                                            | value      |
      | birth_date                                      | 2000-11-20 |
      | mental_health_problem                           | true       |
      | substantially_reduced_work_and_earning_capacity | true       |
      | receives_aap                                    | false      |
      | receives_nav_benefit                            | false      |
      | in_kvp                                          | false      |

  Scenario: An 18-year-old with no benefits can be taken into KVP since 2019
    When the case is evaluated in NO-0301 on 2019-03-01
    Then the status of no_kvp is eligible_after_decision
    And the route of no_kvp is no.kvp_application
    And the legal status of no_kvp is mandated_by_law
    And the answer on no_kvp cites "sosialtjenesteloven § 29"

  Scenario: Before 2019 the same 18-year-old was below the age limit of 19
    When the case is evaluated in NO-0301 on 2018-12-01
    Then the status of no_kvp is not_eligible

  Scenario: A young person on AAP that is more than very limited is followed up under AAP, not in KVP
    Given the person's receives_aap is true
    And the person's receives_nav_benefit is true
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_kvp is not_eligible
    And the status of no_kvp_benefit is not_eligible

  Scenario: § 29 excludes only benefits that are more than very limited: receiving AAP alone does not decide
    Given the person's receives_aap is true
    And the person's receives_nav_benefit is unknown
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_kvp is undetermined
    And the answer on no_kvp still needs receives_nav_benefit

  Scenario: A person whose AAP is very limited can still be taken into KVP
    Given the person's receives_aap is true
    And the person's receives_nav_benefit is false
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_kvp is eligible_after_decision

  Scenario: A 24-year-old in the programme receives the qualification benefit at the under-25 rate
    Given the person's in_kvp is true
    And the person's kvp_since is 2025-01-15
    When the case is evaluated in NO-0301 on 2025-09-01
    Then the status of no_kvp is eligible
    And the status of no_kvp_benefit is eligible
    And the route of no_kvp_benefit is no.kvp_benefit_automatic
    And the answer on no_kvp_benefit cites "sosialtjenesteloven § 35"

  # From 2019-01-01 a programme lasts as long as the entry conditions are met, at most two years,
  # extendable by up to one year by exception, and "Det er ikke lenger noen begrensninger for hvor
  # mange ganger en person kan delta i kvalifiseringsprogrammet" (Fylkesmannen i Agder).
  Scenario: After three years in the programme a new programme is still possible while § 29 is met
    Given the person's in_kvp is true
    And the person's kvp_since is 2022-03-01
    When the case is evaluated in NO-0301 on 2025-03-01
    Then the status of no_kvp is not_eligible_as_a_rule
    And an individual assessment of no_kvp can grant it when "the NAV office can grant a new programme"
    And the facts given support an exception to no_kvp
