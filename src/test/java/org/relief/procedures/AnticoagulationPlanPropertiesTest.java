package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AnticoagulationPlanPropertiesTest {

  private static final List<String> DRUGS =
      List.of(
          "aspirin",
          "cilostazol",
          "dipyridamole",
          "warfarin",
          "acenocoumarol",
          "heparin",
          "enoxaparin",
          "dalteparin",
          "fondaparinux",
          "dabigatran",
          "rivaroxaban",
          "apixaban",
          "edoxaban",
          "clopidogrel",
          "prasugrel",
          "ticagrelor",
          "cangrelor",
          "abciximab",
          "eptifibatide",
          "tirofiban",
          "fish-oil",
          "garlic",
          "ginkgo",
          "ginseng",
          "vitamin-e",
          "diclofenac",
          "ketorolac",
          "ibuprofen",
          "etodolac",
          "indomethacin",
          "naproxen",
          "meloxicam",
          "nabumetone",
          "oxaprozin",
          "piroxicam",
          "celecoxib",
          "gabapentin");

  private final AnticoagulationPlanner planner = Planners.planner();
  private final ProcedureCatalogue catalogue = new ProcedureCatalogue();

  @Provide
  Arbitrary<String> drugs() {
    return Arbitraries.of(DRUGS);
  }

  @Provide
  Arbitrary<String> procedures() {
    return Arbitraries.of(catalogue.all().stream().map(ProcedureType::code).toList());
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers()
        .between(0, 3650)
        .map(days -> LocalDate.of(2024, 1, 1).plusDays(days));
  }

  @Property
  void lastDoseIsNeverAfterTheProcedureDay(
      @ForAll("drugs") String drug,
      @ForAll("procedures") String procedure,
      @ForAll("dates") LocalDate date,
      @ForAll boolean highBleedingRisk) {
    MedicationPlan plan =
        planner
            .plan(procedure, date, highBleedingRisk, List.of(new MedicationTaken(drug)))
            .medications()
            .get(0);

    if (plan.action() == Action.HOLD) {
      assertThat(plan.lastDoseOn()).isBefore(date);
      assertThat(plan.stopBeforeHours()).isPositive();
    } else {
      assertThat(plan.lastDoseOn()).isNull();
    }
    if (plan.restartAfterHours() != null) {
      assertThat(plan.restartAfterHours()).isNotNegative();
    }
  }

  @Property
  void lastDoseDayIsTheHoldRoundedUpToWholeDays(
      @ForAll("dates") LocalDate date, @ForAll @IntRange(min = 1, max = 400) int hours) {
    LocalDate lastDose = AnticoagulationPlanner.lastDoseOn(date, hours);

    assertThat(lastDose).isBefore(date);
    assertThat(lastDose.plusDays(1).atStartOfDay().plusHours(hours))
        .isAfterOrEqualTo(date.atStartOfDay());
    assertThat(lastDose.atStartOfDay().plusHours(hours)).isBeforeOrEqualTo(date.atStartOfDay());
  }

  @Property
  void aHighBleedingRiskNeverLowersTheClass(@ForAll("procedures") String procedure) {
    RiskClass usual =
        planner.plan(procedure, LocalDate.of(2026, 12, 1), false, List.of()).riskClass();
    RiskClass raised =
        planner.plan(procedure, LocalDate.of(2026, 12, 1), true, List.of()).riskClass();

    assertThat(raised.ordinal()).isBetween(usual.ordinal(), RiskClass.HIGH.ordinal());
    assertThat(raised.ordinal() - usual.ordinal()).isLessThanOrEqualTo(1);
  }
}
