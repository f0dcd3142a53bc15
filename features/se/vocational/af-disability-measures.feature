Feature: Arbetsförmedlingen's measures for people whose disability reduces work capacity
  Förordning (2017:462) 1 § tredje stycket: "Programmet riktar sig till personer som har en
  funktionsnedsättning som medför nedsatt arbetsförmåga och som till följd av detta har behov av stöd
  för att stärka sina möjligheter att få eller behålla ett arbete." Lönebidrag and SIUS are two of
  the programme's measures (andra stycket 4 and 6).

  Background:
    Given a person with
      | fact                    | value      |
      | birth_date              | 2002-01-01 |
      | goal                    | work       |
      | mental_health_problem   | true       |

  Scenario: Without a reduced work capacity the programme's wage subsidy is refused
    Given the person's work_capacity_reduction is none
    When the case is evaluated in SE on 2025-11-01
    Then the status of lonestod is not_eligible
    And the answer on lonestod cites "Förordning (2017:462) 1 § 3 st."

  Scenario: A reduced work capacity opens the measures, on Arbetsförmedlingen's decision
    Given the person's work_capacity_reduction is quarter
    When the case is evaluated in SE on 2025-11-01
    Then the status of lonestod is eligible_after_application
    And the status of sius is eligible_after_application
    And the route of lonestod is se.af_registration
