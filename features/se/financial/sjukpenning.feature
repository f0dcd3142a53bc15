Feature: Sickness benefit (sjukpenning) without work income now
  Socialförsäkringsbalken 26 kap.: an SGI set on earlier work is protected (SGI-skyddad tid, 9 §) while
  the person "står till arbetsmarknadens förfogande" (13 § 2) and "under högst tre månader i följd för en
  försäkrad som avbryter sitt förvärvsarbete" (18 §); in studies or a programme with activity support
  only work income during that time counts (19 §). So no work income now refuses only as a main rule.

  Background:
    Given a person with
      | fact                       | value      |
      | birth_date                 | 2002-05-10 |
      | insured_in_sweden          | true       |
      | current_activity           | unemployed |
      | has_work_income            | false      |
      | work_capacity_reduction    | half       |
      | in_labour_market_programme | false      |

  Scenario: A young person who lost her job and registered at Arbetsförmedlingen keeps a protected SGI
    Given the person's registered_jobseeker is true
    When the case is evaluated in SE on 2025-11-01
    Then the status of sjukpenning is not_eligible_as_a_rule
    And an individual assessment of sjukpenning can grant it when "registered as a job seeker, 26 kap. 13 § 2"
    And the assessment of sjukpenning cites "SFB (2010:110) 26 kap. 13 §"
    And the assessment of sjukpenning cites "SFB (2010:110) 26 kap. 18 §"
    And the facts given support an exception to sjukpenning

  Scenario: Not registered as a job seeker: the three months after work stopped are still named
    Given the person's registered_jobseeker is false
    When the case is evaluated in SE on 2025-11-01
    Then the status of sjukpenning is not_eligible_as_a_rule
    And the facts given do not show an exception to sjukpenning

  Scenario: In a labour-market programme with activity support only work income during it counts
    Given the person's registered_jobseeker is true
    And the person's in_labour_market_programme is true
    When the case is evaluated in SE on 2025-11-01
    Then the status of sjukpenning is not_eligible_as_a_rule
    And the facts given do not show an exception to sjukpenning

  Scenario: Without a reduced work capacity the answer is a flat no
    Given the person's registered_jobseeker is true
    And the person's work_capacity_reduction is none
    When the case is evaluated in SE on 2025-11-01
    Then the status of sjukpenning is not_eligible
