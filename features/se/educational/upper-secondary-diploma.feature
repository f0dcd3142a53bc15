Feature: A young person who already has an upper-secondary diploma
  Skollagen 15 kap. 6 § (wording of Lag 2014:530): "Ungdomar som har gått igenom en utbildning på ett
  nationellt program eller likvärdig utbildning eller har avlagt International Baccalaureate (IB) är inte
  längre behöriga för nationella program och introduktionsprogram i gymnasieskolan." A diploma holder has
  gone through such a programme, so the school is closed to them before the age limit of 15 kap. 5 § as
  after it; adult education is open to them even before 20 (20 kap. 20 § second paragraph).

  Background:
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2006-08-01 |
      | completed_compulsory_school | true       |
      | completed_upper_secondary   | true       |
      | current_activity            | unemployed |

  Scenario: Before the age limit a diploma holder is no longer eligible for upper secondary school
    When the case is evaluated in SE on 2026-06-30
    Then the status of upper_secondary_school is not_eligible
    And the answer on upper_secondary_school cites "Skollagen (2010:800) 15 kap. 6 §"
    And the status of komvux_upper_secondary is eligible_after_application

  Scenario: After the first half of the year one turns 20 the school is closed whatever the diploma
    When the case is evaluated in SE on 2026-07-01
    Then the status of upper_secondary_school is not_eligible
    And the status of komvux_upper_secondary is eligible_after_application
