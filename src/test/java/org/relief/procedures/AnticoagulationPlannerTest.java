package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.platform.RuleViolation;

class AnticoagulationPlannerTest {

  private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

  // one procedure of each class of clinical-rules.md §1a
  private static final String LOW = "lumbar-mbb";
  private static final String INTERMEDIATE = "lumbar-tfesi";
  private static final String HIGH = "scs-trial";

  private final AnticoagulationPlanner planner = Planners.planner();

  private MedicationPlan plan(String procedure, String drug) {
    return plan(procedure, drug, null);
  }

  private MedicationPlan plan(String procedure, String drug, String regimen) {
    return planner
        .plan(procedure, DEC_1, false, List.of(new MedicationTaken(drug, regimen)))
        .medications()
        .get(0);
  }

  @Test
  void holdsApixabanThreeDaysBeforeHighRiskProcedure() {
    MedicationPlan apixaban = plan(HIGH, "apixaban");

    assertThat(apixaban.action()).isEqualTo(Action.HOLD);
    assertThat(apixaban.stopBeforeHours()).isEqualTo(72);
    assertThat(apixaban.lastDoseOn()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(apixaban.restartAfterHours()).isEqualTo(24);
    assertThat(apixaban.source()).isEqualTo("§1b");
  }

  @Test
  void reportsRowsMarkedUnconfirmedAsUnconfirmed() {
    MedicationPlan apixaban = plan(INTERMEDIATE, "apixaban");

    assertThat(apixaban.confirmed()).isFalse();
    assertThat(apixaban.note()).contains("unconfirmed — confirm locally");
    assertThat(plan(HIGH, "clopidogrel").confirmed()).isFalse();
    assertThat(plan(HIGH, "celecoxib").confirmed()).isFalse();
    assertThat(plan(HIGH, "fish-oil").confirmed()).isFalse();
  }

  @Test
  void reportsRowsConfirmedLocallyAsConfirmed() {
    AnticoagulationPlanner confirmedLocally = Planners.planner(List.of("apixaban"), Map.of());

    MedicationPlan apixaban =
        confirmedLocally
            .plan(INTERMEDIATE, DEC_1, false, List.of(new MedicationTaken("apixaban")))
            .medications()
            .get(0);

    assertThat(apixaban.confirmed()).isTrue();
    assertThat(apixaban.note()).doesNotContain("unconfirmed");
  }

  @Test
  void reportsConfirmedRowsAsConfirmed() {
    assertThat(plan(HIGH, "warfarin").confirmed()).isTrue();
    assertThat(plan(HIGH, "naproxen").confirmed()).isTrue();
    assertThat(plan(HIGH, "aspirin", "primary-prophylaxis").confirmed()).isTrue();
  }

  // clinical-rules.md §1a: one procedure per class, and the raise for high bleeding risk
  @ParameterizedTest
  @CsvSource({
    "lumbar-mbb, false, low",
    "lumbar-mbb, true, intermediate",
    "lumbar-tfesi, false, intermediate",
    "lumbar-tfesi, true, high",
    "scs-trial, false, high",
    "scs-trial, true, high"
  })
  void raisesTheRiskClassOneStepForAPatientAtHighBleedingRisk(
      String procedure, boolean highBleedingRisk, String riskClass) {
    AnticoagulationPlan plan = planner.plan(procedure, DEC_1, highBleedingRisk, List.of());

    assertThat(plan.riskClass().code()).isEqualTo(riskClass);
  }

  @Test
  void appliesTheRaisedClassToTheDrugs() {
    MedicationPlan lowRisk =
        planner
            .plan(LOW, DEC_1, false, List.of(new MedicationTaken("warfarin")))
            .medications()
            .get(0);
    MedicationPlan raised =
        planner
            .plan(LOW, DEC_1, true, List.of(new MedicationTaken("warfarin")))
            .medications()
            .get(0);

    assertThat(lowRisk.action()).isEqualTo(Action.SHARED_DECISION);
    assertThat(raised.action()).isEqualTo(Action.HOLD);
    assertThat(raised.stopBeforeHours()).isEqualTo(120);
    assertThat(raised.lastDoseOn()).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  // clinical-rules.md §1b, every row: drug, regimen, procedure class, action, stop h, restart h
  @ParameterizedTest(name = "{0} {1} before a {2}-risk procedure: {3} {4} h, restart {5} h")
  @CsvSource(
      nullValues = "-",
      value = {
        "aspirin, primary-prophylaxis, high, hold, 144, 24",
        "aspirin, primary-prophylaxis, intermediate, shared-decision, -, 24",
        "aspirin, primary-prophylaxis, low, continue, -, -",
        "aspirin, secondary-prophylaxis, high, shared-decision, -, 24",
        "aspirin, secondary-prophylaxis, intermediate, shared-decision, -, 24",
        "aspirin, secondary-prophylaxis, low, continue, -, -",
        "aspirin, -, high, shared-decision, -, 24",
        "ibuprofen, -, high, hold, 24, 24",
        "ibuprofen, -, intermediate, continue, -, -",
        "ibuprofen, -, low, continue, -, -",
        "cilostazol, -, high, hold, 48, 24",
        "cilostazol, -, intermediate, continue, -, -",
        "cilostazol, -, low, continue, -, -",
        "dipyridamole, -, high, hold, 48, -",
        "dipyridamole, -, intermediate, continue, -, -",
        "dipyridamole, -, low, continue, -, -",
        "warfarin, -, high, hold, 120, 6",
        "warfarin, -, intermediate, hold, 120, 6",
        "warfarin, -, low, shared-decision, -, 6",
        "acenocoumarol, -, high, hold, 72, 24",
        "acenocoumarol, -, intermediate, hold, 72, 24",
        "acenocoumarol, -, low, shared-decision, -, 24",
        "heparin, iv, high, hold, 6, 2",
        "heparin, iv, intermediate, hold, 6, 2",
        "heparin, iv, low, hold, 6, 2",
        "heparin, sc, high, hold, 24, 6",
        "heparin, sc, intermediate, hold, 6, 2",
        "heparin, sc, low, hold, 6, 2",
        "heparin, -, high, hold, 24, 6",
        "enoxaparin, prophylactic, high, hold, 12, 24",
        "enoxaparin, prophylactic, intermediate, hold, 12, 24",
        "enoxaparin, prophylactic, low, hold, 12, 4",
        "enoxaparin, therapeutic, high, hold, 24, 24",
        "enoxaparin, therapeutic, intermediate, hold, 24, 24",
        "enoxaparin, therapeutic, low, hold, 24, 4",
        "enoxaparin, -, low, hold, 24, 4",
        "dalteparin, -, high, hold, 24, 24",
        "dalteparin, -, intermediate, hold, 24, 24",
        "dalteparin, -, low, hold, 24, 4",
        "fondaparinux, -, high, hold, 96, 24",
        "fondaparinux, -, intermediate, hold, 96, 24",
        "fondaparinux, -, low, shared-decision, -, 6",
        "dabigatran, -, high, hold, 120, 24",
        "dabigatran, -, intermediate, hold, 120, 24",
        "dabigatran, -, low, shared-decision, -, 24",
        "rivaroxaban, -, high, hold, 72, 24",
        "rivaroxaban, -, intermediate, hold, 72, 24",
        "rivaroxaban, -, low, shared-decision, -, 24",
        "apixaban, -, high, hold, 72, 24",
        "apixaban, -, intermediate, hold, 72, 24",
        "apixaban, -, low, shared-decision, -, 24",
        "edoxaban, -, high, hold, 72, 24",
        "edoxaban, -, intermediate, hold, 72, 24",
        "edoxaban, -, low, shared-decision, -, 24",
        "clopidogrel, -, high, hold, 168, 24",
        "clopidogrel, -, intermediate, hold, 168, 24",
        "clopidogrel, -, low, shared-decision, -, 24",
        "prasugrel, -, high, hold, 240, 24",
        "prasugrel, -, intermediate, hold, 240, 24",
        "prasugrel, -, low, shared-decision, -, 24",
        "ticagrelor, -, high, hold, 120, 24",
        "ticagrelor, -, intermediate, hold, 120, 24",
        "ticagrelor, -, low, shared-decision, -, 24",
        "cangrelor, -, high, hold, 3, -",
        "cangrelor, -, intermediate, hold, 3, -",
        "cangrelor, -, low, shared-decision, -, -",
        "abciximab, -, high, hold, 120, 12",
        "eptifibatide, -, high, hold, 24, 12",
        "tirofiban, -, high, hold, 24, 12",
        "tirofiban, -, intermediate, shared-decision, -, 12",
        "ginkgo, -, high, shared-decision, -, -",
        "ginkgo, -, low, continue, -, -"
      })
  void followsTheStopAndRestartIntervalsOfSection1b(
      String drug,
      String regimen,
      String riskClass,
      String action,
      Integer stopBeforeHours,
      Integer restartAfterHours) {
    String procedure =
        switch (riskClass) {
          case "low" -> LOW;
          case "intermediate" -> INTERMEDIATE;
          default -> HIGH;
        };

    MedicationPlan plan = plan(procedure, drug, regimen);

    assertThat(plan.action().code()).isEqualTo(action);
    assertThat(plan.stopBeforeHours()).isEqualTo(stopBeforeHours);
    assertThat(plan.restartAfterHours()).isEqualTo(restartAfterHours);
  }

  // clinical-rules.md §1c: 5 half-lives before a high-risk procedure
  @ParameterizedTest
  @CsvSource({
    "diclofenac, 1",
    "ketorolac, 1",
    "ibuprofen, 1",
    "etodolac, 2",
    "indomethacin, 2",
    "naproxen, 4",
    "meloxicam, 4",
    "nabumetone, 6",
    "oxaprozin, 10",
    "piroxicam, 10"
  })
  void holdsNsaidsByHalfLifeBeforeHighRiskProcedures(String nsaid, int days) {
    MedicationPlan plan = plan(HIGH, nsaid);

    assertThat(plan.action()).isEqualTo(Action.HOLD);
    assertThat(plan.stopBeforeHours()).isEqualTo(days * 24);
    assertThat(plan.lastDoseOn()).isEqualTo(DEC_1.minusDays(days));
    assertThat(plan.source()).isEqualTo("§1c");
    assertThat(plan(INTERMEDIATE, nsaid).action()).isEqualTo(Action.CONTINUE);
  }

  @Test
  void continuesCelecoxibAsUnconfirmed() {
    MedicationPlan celecoxib = plan(HIGH, "celecoxib");

    assertThat(celecoxib.action()).isEqualTo(Action.CONTINUE);
    assertThat(celecoxib.confirmed()).isFalse();
    assertThat(celecoxib.source()).isEqualTo("§1c");
  }

  @ParameterizedTest
  @CsvSource({
    "6, 2026-11-30",
    "12, 2026-11-30",
    "24, 2026-11-30",
    "25, 2026-11-29",
    "72, 2026-11-28"
  })
  void roundsHoursOfHoldUpToWholeDaysForTheLastDoseDay(int hours, LocalDate lastDose) {
    assertThat(AnticoagulationPlanner.lastDoseOn(DEC_1, hours)).isEqualTo(lastDose);
  }

  @Test
  void continuesDrugsWithoutBleedingAdvice() {
    MedicationPlan gabapentin = plan(HIGH, "gabapentin");

    assertThat(gabapentin.action()).isEqualTo(Action.CONTINUE);
    assertThat(gabapentin.source())
        .isEqualTo("not an anticoagulant or antiplatelet known to Relief");
    assertThat(gabapentin.lastDoseOn()).isNull();
  }

  @Test
  void refusesAnUnknownDrugNamingIt() {
    assertThatThrownBy(() -> plan(HIGH, "apixiban"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("Unknown drug 'apixiban'");
  }

  @Test
  void refusesAnUnknownProcedureNamingIt() {
    assertThatThrownBy(() -> plan("lumbar-fusion", "apixaban"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("Unknown procedure 'lumbar-fusion'");
  }

  @Test
  void refusesARegimenThatDoesNotApplyToTheDrug() {
    assertThatThrownBy(() -> plan(HIGH, "heparin", "prophylactic"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("Unknown regimen 'prophylactic' for heparin: use one of iv, sc.");
  }

  @Test
  void appliesConfiguredValuesOfUnconfirmedRowsAndStillShowsThemUnconfirmed() {
    AnticoagulationPlanner configured =
        Planners.planner(
            List.of(),
            Map.of(
                "clopidogrel",
                new AnticoagulationSettings.UnconfirmedRow(
                    null, null, "hold 120h", null, null, 12)));

    MedicationPlan clopidogrel =
        configured
            .plan(HIGH, DEC_1, false, List.of(new MedicationTaken("clopidogrel")))
            .medications()
            .get(0);

    assertThat(clopidogrel.stopBeforeHours()).isEqualTo(120);
    assertThat(clopidogrel.restartAfterHours()).isEqualTo(12);
    assertThat(clopidogrel.confirmed()).isFalse();
    assertThat(clopidogrel.note())
        .contains("relief.procedures.anticoagulation.unconfirmed-rows.clopidogrel");
  }

  @Test
  void refusesSettingsForRowsThatAreNotUnconfirmed() {
    assertThatThrownBy(
            () ->
                Planners.planner(
                    List.of(),
                    Map.of(
                        "warfarin",
                        new AnticoagulationSettings.UnconfirmedRow(
                            null, null, "continue", null, null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no row of clinical-rules.md §1b/§1c marked U");
  }
}
