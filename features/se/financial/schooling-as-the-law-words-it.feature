Feature: What counts as schooling and studies, as the Swedish statutes word it
  Texts read in se-lex/sfs-processor, branch workflow-artifact-data, commit 6d58539d. SFB 33 kap. 8 §
  names the level of schooling ("skolgång på grundskolenivå och gymnasial nivå"), not gymnasieskolan;
  FB 7 kap. 1 § counts "studier i grundskolan eller gymnasieskolan och annan jämförlig
  grundutbildning"; studiestödslagen 2 kap. 5 § pays studiehjälp "bara för heltidsstudier" unless CSN
  provides otherwise; the annex to studiestödsförordningen (3 kap. 1 §) has no sfi; SFB 36 kap. 9 a §
  and 10 § speak of studies of any kind.

  Scenario: A 19-year-old at komvux whose impairment prolonged her schooling can apply from July
    Given a person with
      | fact                          | value                  |
      | birth_date                    | 2006-03-14             |
      | insured_in_sweden             | true                   |
      | impairment_prolongs_schooling | true                   |
      | current_activity              | adult_education        |
      | study_form                    | komvux_upper_secondary |
    When the case is evaluated in SE on 2025-06-30
    Then the status of activity_compensation_schooling is not_eligible
    When the case is evaluated in SE on 2025-07-01
    Then the status of activity_compensation_schooling is eligible_after_application
    And the answer on activity_compensation_schooling cites "SFB (2010:110) 33 kap. 8 §"
    When the case is evaluated in SE on 2025-07-02
    Then the status of activity_compensation_schooling is eligible_after_application

  Scenario: A 21-year-old at sfi gets no studiemedel; at komvux she would
    Given a person with
      | fact                           | value           |
      | birth_date                     | 2004-05-02      |
      | current_activity               | adult_education |
      | study_form                     | sfi             |
      | receives_activity_compensation | false           |
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiemedel is not_eligible
    And the answer on studiemedel cites "Studiestödsförordningen (2000:655) 3 kap. 1 §"
    Given the person's study_form is komvux_basic
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiemedel is eligible_after_application

  Scenario: Half-time komvux at 19 gives no studiehjälp as a rule, with room for CSN's exceptions
    Given a person with
      | fact             | value           |
      | birth_date       | 2006-03-14      |
      | current_activity | adult_education |
      | study_form       | komvux_basic    |
      | study_pace       | at_least_50     |
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiehjalp is not_eligible_as_a_rule
    And an individual assessment of studiehjalp can grant it when "exception from the full-time requirement"
    And the assessment of studiehjalp cites "Studiestödsförordningen (2000:655) 2 kap. 4 §"
    Given the person's study_pace is full_time
    When the case is evaluated in SE on 2025-09-01
    Then the status of studiehjalp is eligible_after_application

  Scenario: A 19-year-old at komvux living with her parents: their duty of maintenance comes first, as a rule
    Given a person with
      | fact                   | value                  |
      | birth_date             | 2006-03-14             |
      | current_activity       | adult_education        |
      | study_form             | komvux_upper_secondary |
      | study_pace             | full_time              |
      | in_study_break         | false                  |
      | lacks_means_of_support | true                   |
      | parents_can_support    | true                   |
      | lives_with_parents     | true                   |
    When the case is evaluated in SE on 2025-09-01
    Then the status of forsorjningsstod is not_eligible_as_a_rule
    And the answer on forsorjningsstod cites "FB (1949:381) 7 kap. 1 §"
    And the answer on forsorjningsstod is marked unverified
    And the facts given do not show an exception to forsorjningsstod

  Scenario: A 23-year-old on activity compensation who goes back to gymnasiet can apply for the trial period
    Given a person with
      | fact                           | value           |
      | birth_date                     | 2002-05-02      |
      | receives_activity_compensation | true            |
      | activity_compensation_since    | 2024-01-01      |
      | current_activity               | upper_secondary |
      | impairment_prolongs_schooling  | false           |
    When the case is evaluated in SE on 2025-09-01
    Then the status of studies_on_activity_compensation is eligible_after_application
    And the answer on studies_on_activity_compensation cites "SFB (2010:110) 36 kap. 9 a §"
