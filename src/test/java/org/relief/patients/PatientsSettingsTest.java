package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The module's settings bind from properties as a practice would write them. */
class PatientsSettingsTest {

  private static Binder binder(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties));
  }

  @Test
  void legacyThresholdDefaultsToNinetyMme() {
    MmeSettings settings = binder(Map.of()).bindOrCreate("relief.patients.mme", MmeSettings.class);

    assertThat(settings.legacyThreshold()).isEqualByComparingTo("90");
  }

  @Test
  void legacyThresholdIsSetByThePractice() {
    MmeSettings settings =
        binder(Map.of("relief.patients.mme.legacy-threshold", "80"))
            .bindOrCreate("relief.patients.mme", MmeSettings.class);

    assertThat(settings.legacyThreshold()).isEqualByComparingTo("80");
  }

  @Test
  void negativeLegacyThresholdStopsTheStart() {
    assertThatThrownBy(
            () ->
                binder(Map.of("relief.patients.mme.legacy-threshold", "-1"))
                    .bindOrCreate("relief.patients.mme", MmeSettings.class))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage(
            "relief.patients.mme.legacy-threshold must be a positive number of MME/day");
  }

  @Test
  void nothingIsLocallyConfirmedByDefault() {
    DrugClassSettings settings =
        binder(Map.of()).bindOrCreate("relief.patients.drug-classes", DrugClassSettings.class);

    assertThat(settings.locallyConfirmed()).isEmpty();
  }

  @Test
  void locallyConfirmedDrugsAreAListOfNames() {
    DrugClassSettings settings =
        binder(Map.of("relief.patients.drug-classes.locally-confirmed", "clopidogrel,apixaban"))
            .bindOrCreate("relief.patients.drug-classes", DrugClassSettings.class);

    assertThat(settings.locallyConfirmed()).containsExactly("clopidogrel", "apixaban");
  }
}
