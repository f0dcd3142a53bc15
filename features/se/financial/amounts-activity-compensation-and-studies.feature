Feature: What a 22-year-old on aktivitetsersättning gets a month, and what changes if she studies
  Sara is 22, her work capacity is wholly reduced by a psychiatric illness, and she has had
  aktivitetsersättning since January 2024. She lives alone, pays 6 000 kr a month in rent, has no
  earnings and no income before the illness. She wants to study.

  What the law says, in the words the figures come from:
  - Aktivitetsersättning's guarantee level is 2,53 prisbasbelopp a year "från och med den månad då
    den försäkrade fyller 21 år till och med månaden före den månad då han eller hon fyller 23 år"
    (SFB 35 kap. 19 §); without income-related compensation the guarantee compensation is the whole
    level (35 kap. 23 §). The monthly amount is the yearly one "avrundas till närmaste hela krontal
    som är jämnt delbart med tolv" (36 kap. 30 §). Prisbasbeloppet is 58 800 kr for 2025 and
    59 200 kr for 2026 (regeringen.se; SFS 2025:872).
  - Bostadstillägg counts 96 % of the housing cost up to 5 000 kr and 70 % of the part above, up
    to 7 500 kr (SFB 102 kap. 22 §); it can be paid while the compensation is dormant (101 kap. 4 §).
  - Studiemedel may not be paid for time with aktivitetsersättning (studiestödslagen 3 kap.
    25 §); studying on aktivitetsersättning is prövotid (SFB 36 kap. 9 a §), or the compensation is
    declared dormant and "betalas inte ut" (36 kap. 11 §) while studiemedel is paid: 5,74 % of the
    prisbasbelopp per week at full time, of which 1,74 % is the grant (studiestödslagen 3 kap.
    11–12 §§).
  - Försörjningsstöd covers the riksnorm — 3 940 kr personal costs and 1 280 kr household costs for
    one person in 2026 (SoF 12 kap. 2 §) — and the housing cost (SoL 12 kap. 7 §), as far as the
    need cannot be met in another way (SoL 12 kap. 1 §).

  Background:
    Given a person with
      | fact                            | value      |
      | birth_date                      | 2004-03-15 |
      | insured_in_sweden               | true       |
      | mental_health_problem           | true       |
      | work_capacity_reduction         | full       |
      | reduction_expected_one_year     | true       |
      | receives_activity_compensation  | true       |
      | activity_compensation_since     | 2024-01-01 |
      | activity_compensation_dormant   | false      |
      | ae_assumed_income               | 0          |
      | current_activity                | none       |
      | goal                            | studies    |
      | lacks_means_of_support          | true       |
      | monthly_income                  | 0          |
      | monthly_housing_cost            | 6000       |
      | household_size                  | 1          |
      | monthly_tax_on_benefits         | 1500       |

  Scenario: Before she studies: aktivitetsersättning and bostadstillägg from Försäkringskassan
    When the case is evaluated in SE on 2026-09-01
    Then the amount of activity_compensation is exactly 12481 SEK per_month
    And the step guarantee_multiple of activity_compensation reads se.ae.guarantee_21_22 = 2.53
    And the step guarantee_multiple of activity_compensation cites "SFB (2010:110) 35 kap. 19 §"
    And the step guarantee_level of activity_compensation reads se.prisbasbelopp = 59200
    And the step guarantee_level of activity_compensation is exactly 149776
    And the step yearly of activity_compensation is exactly 149772
    And the step yearly of activity_compensation cites "SFB (2010:110) 36 kap. 30 §"
    And the amount of activity_compensation is not marked unverified
    And the amount of bostadstillagg is exactly 5500 SEK per_month
    And the step counted_cost of bostadstillagg cites "SFB 102 kap. 21–22 §§"
    And studiemedel has no amount

  Scenario: Försörjningsstöd tops up nothing: her benefits after tax exceed the riksnorm and rent
    When the case is evaluated in SE on 2026-09-01
    Then the step need of forsorjningsstod is exactly 11220
    And the step personal of forsorjningsstod reads se.riksnorm.personal.single_adult = 3940
    And the step household_common of forsorjningsstod reads se.riksnorm.common.household_1 = 1280
    And the step benefits of forsorjningsstod is exactly 17981
    And the amount of forsorjningsstod is exactly 0 SEK per_month

  Scenario: Without the tax on her benefits, the top-up is a range, never a made-up figure
    Given the person's monthly_tax_on_benefits is unknown
    When the case is evaluated in SE on 2026-09-01
    Then the amount of forsorjningsstod is between 0 and 11220 SEK per_month
    And the amount of forsorjningsstod is not known, for want of monthly_tax_on_benefits

  Scenario: She studies full time with the compensation dormant: CSN pays instead of Försäkringskassan
    Given the person's receives_activity_compensation is false
    And the person's activity_compensation_dormant is true
    And the person's activity_compensation_dormant_extent is whole
    And the person's current_activity is higher_education
    And the person's study_form is higher_education
    And the person's study_pace is full_time
    When the case is evaluated in SE on 2026-09-01
    Then the amount of activity_compensation is exactly 0 SEK per_month
    And the step paid_share of activity_compensation cites "SFB (2010:110) 36 kap. 11 §"
    And the amount of studiemedel is exactly 3398.08 SEK per_week
    And the step grant of studiemedel is exactly 1030.08
    And the step grant_share of studiemedel reads se.studiemedel.grant_full_time = 0.0174
    And the step loan of studiemedel is exactly 2368
    And the amount of bostadstillagg is exactly 5500 SEK per_month

  Scenario: She tries studying during prövotid: aktivitetsersättning continues, no studiemedel
    Given the person's current_activity is higher_education
    And the person's study_form is higher_education
    And the person's study_pace is full_time
    When the case is evaluated in SE on 2026-09-01
    Then the amount of activity_compensation is exactly 12481 SEK per_month
    And the status of studiemedel is not_eligible
    And studiemedel has no amount

  Scenario: The prisbasbelopp for the new year moves her compensation on 1 January
    When the case is evaluated in SE on 2025-12-31
    Then the amount of activity_compensation is exactly 12397 SEK per_month
    And the step guarantee_level of activity_compensation reads se.prisbasbelopp = 58800
    When the case is evaluated in SE on 2026-01-01
    Then the amount of activity_compensation is exactly 12481 SEK per_month
    When the case is evaluated in SE on 2026-01-02
    Then the amount of activity_compensation is exactly 12481 SEK per_month

  Scenario: The guarantee level rises from the month she turns 21, not from the birthday
    Given the person's birth_date is 2005-10-20
    When the case is evaluated in SE on 2026-09-30
    Then the amount of activity_compensation is exactly 12235 SEK per_month
    And the step guarantee_multiple of activity_compensation reads se.ae.guarantee_under_21 = 2.48
    When the case is evaluated in SE on 2026-10-01
    Then the amount of activity_compensation is exactly 12481 SEK per_month

  Scenario: A year without a sourced prisbasbelopp gives no amount, not zero
    When the case is evaluated in SE on 2027-01-01
    Then the amount of activity_compensation is not known, for want of se.prisbasbelopp
