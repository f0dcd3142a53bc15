Feature: Norwegian amounts follow G from 1 May and the state's guidance rates by date
  Kvalifiseringsstønad is 2 G a year, and 2/3 of that for participants under 25 (sosialtjenesteloven
  § 35). G was 124 028 kroner from 1 May 2024 and 130 160 kroner from 1 May 2025 (NAV's G table).
  Økonomisk stønad starts from the state's guidance rate — 7 850 kroner a month for a single person
  in 2024 (rundskriv A-3/2023) — with housing on top, as far as the person cannot provide for
  themselves by work or by claiming economic rights (§ 18).

  Background:
    Given a person with
      | fact                                            | value      |
      | birth_date                                      | 1999-03-10 |
      | mental_health_problem                           | true       |
      | substantially_reduced_work_and_earning_capacity | true       |
      | in_kvp                                          | true       |
      | kvp_since                                       | 2024-01-01 |
      | receives_aap                                    | false      |
      | monthly_income                                  | 0          |
      | monthly_housing_cost                            | 6000       |
      | household_size                                  | 1          |
      | monthly_tax_on_benefits                         | 0          |

  Scenario: The qualification benefit changes with G overnight on 1 May 2025
    When the case is evaluated in NO on 2025-04-30
    Then the amount of no_kvp_benefit is exactly 248056 NOK per_year
    And the step yearly of no_kvp_benefit reads no.grunnbelop = 124028
    And the step yearly of no_kvp_benefit cites "sosialtjenesteloven § 35"
    When the case is evaluated in NO on 2025-05-01
    Then the amount of no_kvp_benefit is exactly 260320 NOK per_year
    When the case is evaluated in NO on 2025-05-02
    Then the amount of no_kvp_benefit is exactly 260320 NOK per_year

  Scenario: A participant under 25 gets two thirds of 2 G
    Given the person's birth_date is 2002-03-10
    When the case is evaluated in NO on 2025-05-01
    Then the amount of no_kvp_benefit is exactly 173546.67 NOK per_year

  Scenario: Økonomisk stønad starts from the state's 2024 rate for a single person, plus housing
    Given the person's in_kvp is false
    When the case is evaluated in NO on 2024-06-01
    Then the step rate of no_social_assistance reads no.sa.state_rate.single = 7850
    And the step need of no_social_assistance is exactly 13850

  Scenario: Without a sourced guidance rate for 2025 the amount is not made up
    Given the person's in_kvp is false
    When the case is evaluated in NO on 2025-06-01
    Then the amount of no_social_assistance is not known, for want of no.sa.state_rate.single

  Scenario: Trondheim's published youth rate lowers the starting point for a 22-year-old
    Trondheim's guideline gives young people under 25 without dependants two thirds of the state's
    rate for a single person; the state's rates have no youth rate.
    Given the person's in_kvp is false
    And the person's birth_date is 2002-03-10
    And the person's lives_with_parents is false
    When the case is evaluated in NO on 2024-06-01
    Then the step rate of no_social_assistance is exactly 7850
    When the case is evaluated in NO-5001 on 2024-06-01
    Then the step rate of no_social_assistance is exactly 5233.33
    And the step need of no_social_assistance is exactly 11233.33
    And the step rate of no_social_assistance reads no.sa.state_rate.single = 7850
