package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.relief.patients.medications.OpioidConversion;
import org.relief.platform.RuleViolation;

class MmeProperties {

  private final MmeCalculator calculator = new MmeCalculator(new MmeSettings(new BigDecimal("90")));

  @Property
  void mmeOfAnyPositiveDoseIsNonNegative(@ForAll("doses") OpioidDose dose) {
    MedicationMme medication = calculator.convert(dose);

    if (medication.counted()) {
      assertThat(medication.mme()).isNotNegative();
    } else {
      assertThat(medication.drug()).isEqualTo("buprenorphine");
    }
  }

  @Property
  void mmeIsTheDoseTimesTheFactorRoundedToOneDecimal(@ForAll("countedDoses") OpioidDose dose) {
    MedicationMme medication = calculator.convert(dose);

    assertThat(medication.mme())
        .isEqualTo(dose.dose().multiply(medication.factor()).setScale(1, RoundingMode.HALF_UP));
  }

  @Property
  void mmeIsLinearInDoseUpToRounding(
      @ForAll("countedDoses") OpioidDose dose, @ForAll @IntRange(min = 1, max = 20) int times) {
    OpioidDose multiplied =
        new OpioidDose(dose.drug(), dose.dose().multiply(BigDecimal.valueOf(times)), dose.unit());

    BigDecimal once = calculator.convert(dose).mme();
    BigDecimal scaled = calculator.convert(multiplied).mme();

    // each side is off the exact product by at most half a unit of the last decimal
    BigDecimal tolerance = new BigDecimal("0.05").multiply(BigDecimal.valueOf(times + 1L));
    assertThat(scaled.subtract(once.multiply(BigDecimal.valueOf(times))).abs())
        .isLessThanOrEqualTo(tolerance);
  }

  @Property
  void wholeMilligramDosesOfOneDecimalFactorsAreExactlyLinear(
      @ForAll("wholeDosesOfOneDecimalFactors") OpioidDose dose,
      @ForAll @IntRange(min = 1, max = 20) int times) {
    OpioidDose multiplied =
        new OpioidDose(dose.drug(), dose.dose().multiply(BigDecimal.valueOf(times)), dose.unit());

    assertThat(calculator.convert(multiplied).mme())
        .isEqualByComparingTo(calculator.convert(dose).mme().multiply(BigDecimal.valueOf(times)));
  }

  @Property
  void totalIsTheSumOfTheCountedParts(
      @ForAll @Size(min = 1, max = 8) List<@From("doses") OpioidDose> doses) {
    MmeCalculation calculation = calculator.calculate(doses);

    BigDecimal sum =
        calculation.medications().stream()
            .filter(MedicationMme::counted)
            .map(MedicationMme::mme)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(calculation.totalMme()).isEqualByComparingTo(sum);
    assertThat(calculation.medications()).hasSameSizeAs(doses);
  }

  @Property
  void thresholdGuidanceFollowsTheTotal(
      @ForAll @Size(min = 1, max = 4) List<@From("doses") OpioidDose> doses) {
    MmeCalculation calculation = calculator.calculate(doses);
    List<String> codes = calculation.guidance().stream().map(Guidance::code).toList();

    boolean atFifty = calculation.totalMme().compareTo(new BigDecimal("50")) >= 0;
    boolean atNinety = calculation.totalMme().compareTo(new BigDecimal("90")) >= 0;
    assertThat(codes.contains("offer-naloxone")).isEqualTo(atFifty);
    assertThat(codes.contains("legacy-threshold")).isEqualTo(atNinety);
  }

  @Property
  void unknownDrugsAreAlwaysRefused(
      @ForAll @StringLength(min = 1, max = 40) String drug,
      @ForAll("positiveDoses") BigDecimal dose) {
    Assume.that(OpioidConversion.of(drug).isEmpty() && !drug.isBlank());

    assertThatThrownBy(() -> calculator.calculate(List.of(new OpioidDose(drug, dose, "mg/day"))))
        .isInstanceOfSatisfying(
            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("unknown-opioid"));
  }

  @Property
  void knownNamesInAnotherCaseAreRefusedToo(@ForAll("countedDoses") OpioidDose dose) {
    String shouted = dose.drug().toUpperCase(java.util.Locale.ROOT);

    assertThatThrownBy(() -> calculator.convert(new OpioidDose(shouted, dose.dose(), dose.unit())))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            e -> assertThat(e.getMessage()).contains("such as '" + dose.drug() + "'"));
  }

  @Provide
  Arbitrary<BigDecimal> positiveDoses() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("0.001"), new BigDecimal("5000"))
        .ofScale(3);
  }

  @Provide
  Arbitrary<OpioidDose> doses() {
    return doseOf(Arbitraries.of(OpioidConversion.class), positiveDoses());
  }

  @Provide
  Arbitrary<OpioidDose> countedDoses() {
    return doseOf(
        Arbitraries.of(
            Arrays.stream(OpioidConversion.values()).filter(o -> o.factor().isPresent()).toList()),
        positiveDoses());
  }

  @Provide
  Arbitrary<OpioidDose> wholeDosesOfOneDecimalFactors() {
    return doseOf(
        Arbitraries.of(
            Arrays.stream(OpioidConversion.values())
                .filter(o -> o.factor().filter(f -> f.scale() <= 1).isPresent())
                .toList()),
        Arbitraries.integers().between(1, 2000).map(BigDecimal::valueOf));
  }

  private static Arbitrary<OpioidDose> doseOf(
      Arbitrary<OpioidConversion> drugs, Arbitrary<BigDecimal> amounts) {
    return Combinators.combine(drugs, amounts)
        .as((o, amount) -> new OpioidDose(o.drug(), amount, o.usualUnit().code()));
  }
}
