package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.platform.RuleViolation;

class MmeCalculatorTest {

  private final MmeCalculator calculator = new MmeCalculator(new MmeSettings(new BigDecimal("90")));

  private MmeCalculation calculate(OpioidDose... doses) {
    return calculator.calculate(List.of(doses));
  }

  private static BigDecimal mme(String value) {
    return new BigDecimal(value);
  }

  private List<String> guidanceCodes(MmeCalculation calculation) {
    return calculation.guidance().stream().map(Guidance::code).toList();
  }

  @Test
  void convertsFortyMilligramsOxycodoneToSixtyMme() {
    var result = calculate(OpioidDose.milligramsPerDay("oxycodone", "40"));

    assertThat(result.totalMme()).isEqualTo(mme("60.0"));
    assertThat(result.medications())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.drug()).isEqualTo("oxycodone");
              assertThat(m.factor()).isEqualByComparingTo("1.5");
              assertThat(m.mme()).isEqualTo(mme("60.0"));
              assertThat(m.counted()).isTrue();
              assertThat(m.provenance().source()).isEqualTo("clinical-rules.md §2a");
              assertThat(m.provenance().confirmed()).isTrue();
            });
  }

  /** Every worked example of clinical-rules.md §2c. */
  @Nested
  class WorkedExamplesOfSection2c {

    @Test
    void hydrocodoneFiveMilligramsFourTimesDailyIsTwentyMme() {
      var result = calculate(OpioidDose.milligramsTimesDaily("hydrocodone", "5", 4));
      assertThat(result.medications().get(0).dose()).isEqualByComparingTo("20");
      assertThat(result.totalMme()).isEqualByComparingTo("20");
    }

    @Test
    void oxycodoneErTenMilligramsTwiceDailyIsThirtyMme() {
      var result = calculate(OpioidDose.milligramsTimesDaily("oxycodone", "10", 2));
      assertThat(result.medications().get(0).dose()).isEqualByComparingTo("20");
      assertThat(result.totalMme()).isEqualByComparingTo("30");
    }

    @Test
    void fentanylPatchTwentyFiveMicrogramsPerHourIsSixtyMme() {
      var result = calculate(OpioidDose.microgramsPerHour("fentanyl-transdermal", "25"));
      assertThat(result.medications().get(0).unit()).isEqualTo("mcg/h");
      assertThat(result.totalMme()).isEqualTo(mme("60.0"));
    }

    @Test
    void methadoneTenMilligramsThreeTimesDailyIsOneHundredFortyOneMmeNotThe2016TwoHundredForty() {
      var result = calculate(OpioidDose.milligramsTimesDaily("methadone", "10", 3));
      assertThat(result.medications().get(0).dose()).isEqualByComparingTo("30");
      assertThat(result.totalMme()).isEqualByComparingTo("141");
    }

    @Test
    void tramadolFiftyMilligramsSixTimesDailyIsSixtyMme() {
      var result = calculate(OpioidDose.milligramsTimesDaily("tramadol", "50", 6));
      assertThat(result.medications().get(0).dose()).isEqualByComparingTo("300");
      assertThat(result.totalMme()).isEqualByComparingTo("60");
    }

    @Test
    void hydromorphoneFourMilligramsFourTimesDailyIsEightyMme() {
      var result = calculate(OpioidDose.milligramsTimesDaily("hydromorphone", "4", 4));
      assertThat(result.medications().get(0).dose()).isEqualByComparingTo("16");
      assertThat(result.totalMme()).isEqualByComparingTo("80");
    }
  }

  /** Each factor row of clinical-rules.md §2a, applied to a round dose. */
  @ParameterizedTest(name = "{0}: {1} {2} x {3} = {4} MME")
  @CsvSource({
    "codeine,              100, mg/day, 0.15, 15.0",
    "fentanyl-transdermal,  50, mcg/h,  2.4,  120.0",
    "hydrocodone,          100, mg/day, 1.0,  100.0",
    "hydromorphone,        100, mg/day, 5.0,  500.0",
    "methadone,            100, mg/day, 4.7,  470.0",
    "morphine,             100, mg/day, 1.0,  100.0",
    "oxycodone,            100, mg/day, 1.5,  150.0",
    "oxymorphone,          100, mg/day, 3.0,  300.0",
    "tapentadol,           100, mg/day, 0.4,  40.0",
    "tramadol,             100, mg/day, 0.2,  20.0",
  })
  void appliesTheCdc2022FactorOfEachOpioid(
      String drug, String dose, String unit, String factor, String expected) {
    var medication = calculator.convert(new OpioidDose(drug, new BigDecimal(dose), unit));

    assertThat(medication.factor()).isEqualByComparingTo(factor);
    assertThat(medication.mme()).isEqualTo(mme(expected));
    assertThat(medication.provenance().status()).isEqualTo("P");
  }

  @Test
  void roundsEachMedicationToOneDecimalHalfUp() {
    assertThat(calculator.convert(OpioidDose.milligramsPerDay("codeine", "33")).mme())
        .isEqualTo(mme("5.0"));
    assertThat(calculator.convert(OpioidDose.milligramsPerDay("codeine", "32.9")).mme())
        .isEqualTo(mme("4.9"));
  }

  @Test
  void totalsAllOpioidsFromTheirRoundedParts() {
    var result =
        calculate(
            OpioidDose.milligramsPerDay("oxycodone", "20"),
            OpioidDose.microgramsPerHour("fentanyl-transdermal", "12"),
            OpioidDose.milligramsPerDay("codeine", "33"),
            OpioidDose.milligramsPerDay("codeine", "33"));

    assertThat(result.medications())
        .extracting(MedicationMme::mme)
        .containsExactly(mme("30.0"), mme("28.8"), mme("5.0"), mme("5.0"));
    assertThat(result.totalMme()).isEqualTo(mme("68.8"));
  }

  @Test
  void listsBuprenorphineWithoutCountingItAndSaysWhy() {
    var result =
        calculate(
            OpioidDose.milligramsPerDay("oxycodone", "20"),
            OpioidDose.microgramsPerHour("buprenorphine", "10"));

    assertThat(result.totalMme()).isEqualTo(mme("30.0"));
    assertThat(result.medications().get(1))
        .satisfies(
            m -> {
              assertThat(m.counted()).isFalse();
              assertThat(m.factor()).isNull();
              assertThat(m.mme()).isNull();
            });
    assertThat(result.guidance())
        .filteredOn(g -> g.code().equals("buprenorphine-not-counted"))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.text()).contains("partial mu-agonist").contains("opioid use disorder");
              assertThat(g.provenance().source()).isEqualTo("clinical-rules.md §2b.6");
            });
  }

  @Test
  void addsTheTableCautionsForMethadoneFentanylTapentadolAndTramadolOncePerDrug() {
    var result =
        calculate(
            OpioidDose.milligramsPerDay("methadone", "5"),
            OpioidDose.milligramsPerDay("methadone", "5"),
            OpioidDose.microgramsPerHour("fentanyl-transdermal", "12"),
            OpioidDose.milligramsPerDay("tapentadol", "50"),
            OpioidDose.milligramsPerDay("tramadol", "50"));

    assertThat(guidanceCodes(result))
        .containsOnlyOnce(
            "methadone-caution",
            "fentanyl-transdermal-caution",
            "tapentadol-caution",
            "tramadol-caution");
    assertThat(result.guidance())
        .filteredOn(g -> g.code().equals("methadone-caution"))
        .singleElement()
        .satisfies(g -> assertThat(g.text()).contains("half-life is long and variable"));
    assertThat(result.guidance())
        .filteredOn(g -> g.code().equals("tramadol-caution"))
        .singleElement()
        .satisfies(g -> assertThat(g.text()).contains("serotonin"));
  }

  @Test
  void alwaysSaysThatMmeIsAnEstimateNotADoseToSwitchTo() {
    var result = calculate(OpioidDose.milligramsPerDay("morphine", "10"));

    assertThat(result.guidance()).extracting(Guidance::code).containsExactly("mme-is-an-estimate");
    assertThat(result.guidance().get(0).text())
        .contains("advises against using calculated MME to choose the dose")
        .contains("not an order");
  }

  @Nested
  class Thresholds {

    @Test
    void belowFiftyMmeGivesNoThresholdGuidance() {
      var result = calculate(OpioidDose.milligramsPerDay("morphine", "49.9"));

      assertThat(result.totalMme()).isEqualTo(mme("49.9"));
      assertThat(result.thresholds()).noneMatch(MmeThreshold::reached);
      assertThat(guidanceCodes(result))
          .doesNotContain("reassess-benefits-and-risks", "offer-naloxone", "legacy-threshold");
    }

    @Test
    void atFiftyMmeSuggestsReassessingAndOfferingNaloxone() {
      var result = calculate(OpioidDose.milligramsPerDay("morphine", "50"));

      assertThat(result.thresholds().get(0).reached()).isTrue();
      assertThat(result.thresholds().get(1).reached()).isFalse();
      assertThat(guidanceCodes(result))
          .contains("reassess-benefits-and-risks", "offer-naloxone")
          .doesNotContain("legacy-threshold");
      assertThat(result.guidance())
          .filteredOn(g -> g.code().equals("offer-naloxone"))
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.text()).contains("naloxone").contains("suggests");
                assertThat(g.provenance().source()).isEqualTo("clinical-rules.md §2d");
                assertThat(g.provenance().confirmed()).isTrue();
              });
    }

    @Test
    void reachesFiftyFromTheSumOfSeveralOpioids() {
      var result =
          calculate(
              OpioidDose.milligramsPerDay("oxycodone", "20"),
              OpioidDose.milligramsPerDay("morphine", "20"));

      assertThat(result.totalMme()).isEqualTo(mme("50.0"));
      assertThat(guidanceCodes(result)).contains("offer-naloxone");
    }

    @Test
    void atNinetyMmeAddsTheLegacyThresholdMarkedConfigurableAndUnconfirmed() {
      var result = calculate(OpioidDose.milligramsPerDay("oxycodone", "60"));

      assertThat(result.totalMme()).isEqualTo(mme("90.0"));
      assertThat(guidanceCodes(result))
          .contains("reassess-benefits-and-risks", "offer-naloxone", "legacy-threshold");
      MmeThreshold legacy = result.thresholds().get(1);
      assertThat(legacy.reached()).isTrue();
      assertThat(legacy.configurable()).isTrue();
      assertThat(legacy.setting()).isEqualTo("relief.patients.mme.legacy-threshold");
      assertThat(legacy.provenance().confirmed()).isFalse();
      assertThat(legacy.provenance().note())
          .startsWith("unconfirmed — confirm locally")
          .contains("not a CDC 2022 recommendation");
    }

    @Test
    void justBelowNinetyMmeDoesNotReachTheLegacyThreshold() {
      var result = calculate(OpioidDose.milligramsPerDay("morphine", "89.9"));

      assertThat(result.thresholds().get(1).reached()).isFalse();
      assertThat(guidanceCodes(result)).doesNotContain("legacy-threshold");
    }

    @Test
    void fiftyIsFixedWhileTheLegacyThresholdComesFromSettings() {
      var strict = new MmeCalculator(new MmeSettings(new BigDecimal("80")));
      var result = strict.calculate(List.of(OpioidDose.milligramsPerDay("morphine", "80")));

      assertThat(result.thresholds().get(0).configurable()).isFalse();
      assertThat(result.thresholds().get(1).mme()).isEqualByComparingTo("80");
      assertThat(guidanceCodes(result)).contains("legacy-threshold");
      assertThat(result.guidance())
          .filteredOn(g -> g.code().equals("legacy-threshold"))
          .singleElement()
          .satisfies(g -> assertThat(g.text()).contains("at or above 80 MME/day"));
    }

    @Test
    void refusesALegacyThresholdThatIsNotPositive() {
      assertThatThrownBy(() -> new MmeSettings(BigDecimal.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("relief.patients.mme.legacy-threshold");
    }
  }

  @Nested
  class RefusedInput {

    private RuleViolation refusal(OpioidDose... doses) {
      return catchRefusal(() -> calculate(doses));
    }

    private RuleViolation catchRefusal(Runnable call) {
      try {
        call.run();
      } catch (RuleViolation e) {
        return e;
      }
      throw new AssertionError("expected a RuleViolation");
    }

    @Test
    void refusesAMisspelledOpioidSuggestingTheGenericName() {
      var e = refusal(OpioidDose.milligramsPerDay("oxycodon", "40"));
      assertThat(e.code()).isEqualTo("unknown-opioid");
      assertThat(e.getMessage())
          .startsWith(
              "Unknown opioid 'oxycodon': use a generic name in lower case such as 'oxycodone'");
    }

    @Test
    void refusesACapitalisedNameSuggestingTheLowerCaseOne() {
      assertThat(refusal(OpioidDose.milligramsPerDay("Morphine", "10")).getMessage())
          .contains("'Morphine'")
          .contains("such as 'morphine'");
    }

    @Test
    void refusesPlainFentanylPointingToTheTransdermalRow() {
      assertThat(refusal(OpioidDose.microgramsPerHour("fentanyl", "25")).getMessage())
          .contains("such as 'fentanyl-transdermal'");
    }

    @Test
    void refusesANonOpioidListingTheKnownOpioids() {
      assertThat(refusal(OpioidDose.milligramsPerDay("ibuprofen", "1200")).getMessage())
          .contains("'ibuprofen'")
          .contains("one of codeine, fentanyl-transdermal, hydrocodone");
    }

    @Test
    void refusesFentanylPatchInMilligramsPerDay() {
      var e = refusal(OpioidDose.milligramsPerDay("fentanyl-transdermal", "25"));
      assertThat(e.code()).isEqualTo("unit-not-for-drug");
      assertThat(e.getMessage()).startsWith("fentanyl-transdermal is dosed in mcg/h, not mg/day");
    }

    @Test
    void refusesOralOpioidInMicrogramsPerHour() {
      assertThat(refusal(OpioidDose.microgramsPerHour("oxycodone", "25")).getMessage())
          .startsWith("oxycodone is dosed in mg/day, not mcg/h");
    }

    @Test
    void refusesAnUnknownUnit() {
      var e = refusal(new OpioidDose("oxycodone", BigDecimal.TEN, "mg"));
      assertThat(e.code()).isEqualTo("unknown-unit");
      assertThat(e.getMessage())
          .startsWith("Unit 'mg' is not known: give the dose of oxycodone in mg/day");
    }

    @Test
    void refusesAMissingUnit() {
      assertThat(refusal(new OpioidDose("oxycodone", BigDecimal.TEN, null)).code())
          .isEqualTo("unit-missing");
    }

    @Test
    void refusesAZeroDose() {
      var e = refusal(OpioidDose.milligramsPerDay("oxycodone", "0"));
      assertThat(e.code()).isEqualTo("dose-not-positive");
      assertThat(e.getMessage()).contains("oxycodone must be greater than zero, not 0 mg/day");
    }

    @Test
    void refusesANegativeDose() {
      assertThat(refusal(OpioidDose.milligramsPerDay("oxycodone", "-5")).code())
          .isEqualTo("dose-not-positive");
    }

    @Test
    void refusesADoseNoRegimenCouldHave() {
      var e = refusal(OpioidDose.milligramsPerDay("morphine", "1e999999999"));
      assertThat(e.code()).isEqualTo("dose-implausible");
      assertThat(e.getMessage())
          .isEqualTo(
              "The dose of morphine, 1E+999999999 mg/day, is not plausible: check the amount and"
                  + " the unit.");
      assertThat(refusal(OpioidDose.milligramsPerDay("morphine", "1e-999999999")).code())
          .isEqualTo("dose-implausible");
    }

    @Test
    void acceptsDosesAtTheEdgesOfPlausibility() {
      assertThat(calculate(OpioidDose.milligramsPerDay("morphine", "0.001")).totalMme())
          .isEqualTo(mme("0.0"));
      assertThat(calculate(OpioidDose.milligramsPerDay("morphine", "100000")).totalMme())
          .isEqualTo(mme("100000.0"));
    }

    @Test
    void refusesAMissingDose() {
      var e = refusal(new OpioidDose("oxycodone", null, "mg/day"));
      assertThat(e.code()).isEqualTo("dose-missing");
      assertThat(e.getMessage()).isEqualTo("oxycodone has no dose: give the dose in mg/day.");
    }

    @Test
    void refusesAMissingDrugNamingItsPosition() {
      var e =
          refusal(
              OpioidDose.milligramsPerDay("oxycodone", "10"),
              new OpioidDose(" ", BigDecimal.TEN, "mg/day"));
      assertThat(e.code()).isEqualTo("drug-missing");
      assertThat(e.getMessage()).startsWith("Medication 2 has no drug");
    }

    @Test
    void refusesAnEmptyList() {
      var e = catchRefusal(() -> calculator.calculate(List.of()));
      assertThat(e.code()).isEqualTo("no-medications");
    }

    @Test
    void refusesZeroDosesPerDay() {
      var e = catchRefusal(() -> OpioidDose.milligramsTimesDaily("oxycodone", "10", 0));
      assertThat(e.code()).isEqualTo("doses-per-day-not-positive");
    }

    @Test
    void refusesTheWholeListWhenOneMedicationIsWrong() {
      var e =
          refusal(
              OpioidDose.milligramsPerDay("oxycodone", "40"),
              OpioidDose.milligramsPerDay("oxycodon", "40"));
      assertThat(e.code()).isEqualTo("unknown-opioid");
    }

    @Test
    void cutsVeryLongInputShortInTheMessage() {
      String longName = "x".repeat(500);
      assertThat(refusal(OpioidDose.milligramsPerDay(longName, "1")).getMessage())
          .hasSizeLessThan(400);
    }
  }
}
