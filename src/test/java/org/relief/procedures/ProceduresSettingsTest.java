package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.patients.DrugClassSettings;
import org.relief.patients.DrugClassifier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The planner's settings bind from properties as a practice would write them. */
class ProceduresSettingsTest {

  private static AnticoagulationSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate(AnticoagulationSettings.PREFIX, AnticoagulationSettings.class);
  }

  private static AnticoagulationPlanner planner(AnticoagulationSettings settings) {
    return new AnticoagulationPlanner(
        new ProcedureCatalogue(), new DrugClassifier(new DrugClassSettings(List.of())), settings);
  }

  @Test
  void continuesOpioidsAndCommonCoAnalgesicsByDefault() {
    AnticoagulationSettings settings = bind(Map.of());

    assertThat(settings.withoutBleedingAdvice())
        .contains("acetaminophen", "gabapentin", "oxycodone", "buprenorphine");
    assertThat(settings.unconfirmedRows()).isEmpty();
  }

  @Test
  void unconfirmedRowsAreSetPerRow() {
    AnticoagulationSettings settings =
        bind(
            Map.of(
                "relief.procedures.anticoagulation.unconfirmed-rows.dietary-supplements.high",
                "hold 168h",
                "relief.procedures.anticoagulation.unconfirmed-rows.dietary-supplements.restart-high",
                "24"));

    MedicationPlan garlic =
        planner(settings)
            .plan(
                "scs-trial",
                LocalDate.of(2026, 12, 1),
                false,
                List.of(new MedicationTaken("garlic")))
            .medications()
            .get(0);

    assertThat(garlic.action()).isEqualTo(Action.HOLD);
    assertThat(garlic.lastDoseOn()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(garlic.restartAfterHours()).isEqualTo(24);
    assertThat(garlic.confirmed()).isFalse();
  }

  @Test
  void aMalformedStopStopsTheStart() {
    AnticoagulationSettings settings =
        bind(Map.of("relief.procedures.anticoagulation.unconfirmed-rows.apixaban.high", "3 days"));

    assertThatThrownBy(() -> planner(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "relief.procedures.anticoagulation.unconfirmed-rows.apixaban.high is '3 days'");
  }

  @Test
  void anAnticoagulantListedAsWithoutBleedingAdviceStopsTheStart() {
    AnticoagulationSettings settings =
        bind(Map.of("relief.procedures.anticoagulation.without-bleeding-advice", "apixaban"));

    assertThatThrownBy(() -> planner(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lists 'apixaban', which is a drug of clinical-rules.md §1b/§1c");
  }
}
