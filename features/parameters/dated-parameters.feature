Feature: Dated parameters — the figure in force is the one for the day asked about
  Amounts in Swedish and Norwegian welfare law are multiples of a base amount that changes by date:
  Sweden's prisbasbelopp is set for each calendar year by a government ordinance under
  2 kap. 6–8 §§ socialförsäkringsbalken; Norway's grunnbeløp (G) changes on 1 May each year after
  the trygdeoppgjør. A case worker asking about a day gets that day's figure, with its source,
  and a day without a sourced figure says so instead of showing zero.

  Scenario: Norway's G changes overnight on 1 May 2025
    When the parameters in force on 2025-04-30 are listed
    Then the parameter no.grunnbelop has value 124028 NOK per_year
    When the parameters in force on 2025-05-01 are listed
    Then the parameter no.grunnbelop has value 130160 NOK per_year
    And the value of no.grunnbelop is not marked unverified

  Scenario: G from 1 May 2026 is NAV's 136 549 kroner
    When the parameters in force on 2026-04-30 are listed
    Then the parameter no.grunnbelop has value 130160 NOK per_year
    When the parameters in force on 2026-05-01 are listed
    Then the parameter no.grunnbelop has value 136549 NOK per_year

  Scenario: The prisbasbelopp for 2024 is the one the government's own page announces
    When the parameters in force on 2024-06-01 are listed
    Then the parameter se.prisbasbelopp has value 57300 SEK per_year
    And the value of se.prisbasbelopp is not marked unverified

  Scenario: A figure seen only in NAV's code is marked unverified
    When the parameters in force on 2024-07-01 are listed
    Then the parameter no.aap.minimum has value 2.041 G per_year
    And the value of no.aap.minimum is marked unverified
    When the parameters in force on 2024-06-30 are listed
    Then the parameter no.aap.minimum has value 2 G per_year
    And the value of no.aap.minimum is not marked unverified

  Scenario: Sweden's prisbasbelopp for 2026 is the one SFS 2025:872 sets
    When the parameters in force on 2026-01-01 are listed
    Then the parameter se.prisbasbelopp has value 59200 SEK per_year
    And the value of se.prisbasbelopp cites "SFB 2 kap. 6–8 §§"
    And the value of se.prisbasbelopp is not marked unverified

  Scenario: The prisbasbelopp changes overnight on 1 January 2026
    When the parameters in force on 2025-12-31 are listed
    Then the parameter se.prisbasbelopp has value 58800 SEK per_year
    When the parameters in force on 2026-01-01 are listed
    Then the parameter se.prisbasbelopp has value 59200 SEK per_year

  Scenario: The riksnorm before 2025 was not read, and none is made up
    When the parameters in force on 2024-12-31 are listed
    Then the parameter se.riksnorm.personal.single_adult has no sourced value
    When the parameters in force on 2025-07-01 are listed
    Then the parameter se.riksnorm.personal.single_adult has value 3910 SEK per_month
    And the value of se.riksnorm.personal.single_adult cites "SoF (2025:468) 12 kap. 2 §"
    When the parameters in force on 2025-06-30 are listed
    Then the value of se.riksnorm.personal.single_adult cites "SoF (2001:937) 2 kap. 1 §"
    When the parameters in force on 2026-01-01 are listed
    Then the parameter se.riksnorm.personal.single_adult has value 3940 SEK per_month
    And the parameter se.riksnorm.common.household_1 has value 1280 SEK per_month
    And the value of se.riksnorm.personal.single_adult cites "SoF (2025:468) 12 kap. 2 §"
