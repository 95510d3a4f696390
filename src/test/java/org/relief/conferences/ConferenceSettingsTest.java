package org.relief.conferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConferenceSettingsTest {

  private static ConferenceSettings bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("relief.conferences", ConferenceSettings.class);
  }

  @Test
  void followThroughLooksBackNinetyDaysUnlessSetOtherwise() {
    assertThat(bind(Map.of()).followThroughDays()).isEqualTo(90);
    assertThat(bind(Map.of("relief.conferences.follow-through-days", "30")).followThroughDays())
        .isEqualTo(30);
  }

  @Test
  void refusesAFollowThroughOutsideOneDayToTenYears() {
    assertThatThrownBy(() -> bind(Map.of("relief.conferences.follow-through-days", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("1 to 3650");
    assertThatThrownBy(() -> bind(Map.of("relief.conferences.follow-through-days", "soon")))
        .isInstanceOf(BindException.class);
  }
}
