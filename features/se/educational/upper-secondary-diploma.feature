Feature: A young person who already has an upper-secondary diploma
  Skollagen 15 kap. 5 §: "Gymnasieskolan ska vara öppen endast för ungdomar som avslutat sin
  grundskoleutbildning eller motsvarande utbildning och som påbörjar sin gymnasieutbildning under tiden
  till och med det första kalenderhalvåret det år de fyller 20 år". Nothing in it closes the school to a
  diploma holder; the organiser decides on admission (16 kap. 36 §). So a diploma shuts the way only as a
  rule, while the age limit shuts it outright.

  Background:
    Given a person with
      | fact                        | value      |
      | birth_date                  | 2006-08-01 |
      | completed_compulsory_school | true       |
      | completed_upper_secondary   | true       |
      | current_activity            | unemployed |

  Scenario: Before the age limit a diploma holder is not eligible as a rule, and the organiser can still admit
    When the case is evaluated in SE on 2026-06-30
    Then the status of upper_secondary_school is not_eligible_as_a_rule
    And an individual assessment of upper_secondary_school can grant it when "the organiser decides to admit them"
    And the assessment of upper_secondary_school cites "Skollagen (2010:800) 16 kap. 36 §"
    And the facts given support an exception to upper_secondary_school

  Scenario: After the first half of the year one turns 20 the school is closed whatever the diploma
    When the case is evaluated in SE on 2026-07-01
    Then the status of upper_secondary_school is not_eligible
    And the status of komvux_upper_secondary is eligible_after_application
