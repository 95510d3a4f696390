package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.outcomes.episodes.Timepoint;

class OutcomeSettingsTest {

  private static OutcomeSettings settings(double warning, int mmeDays, double odiMcid) {
    return new OutcomeSettings(
        warning, Period.ofDays(7), Period.ofDays(90), mmeDays, odiMcid, 10, Set.of());
  }

  @Test
  void refusesValuesThatCannotBeMeant() {
    assertThatThrownBy(() -> settings(1.5, 90, 10)).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> settings(0.8, 0, 10)).hasMessageContaining("mme-window-days");
    assertThatThrownBy(() -> settings(0.8, 90, 0)).hasMessageContaining("odi-mcid");
  }

  @Test
  void unconfirmedValuesStayUnconfirmedUntilListed() {
    assertThat(settings(0.8, 90, 10).isConfirmed("odi-mcid")).isFalse();
    var confirmed =
        new OutcomeSettings(
            0.8, Period.ofDays(7), Period.ofDays(90), 90, 10, 10, Set.of("odi-mcid"));
    assertThat(confirmed.isConfirmed("odi-mcid")).isTrue();
  }

  @Test
  void timePointsAreIsoPeriodsInOneSpelling() {
    assertThat(Timepoint.parse("P12M", "timepoint").code()).isEqualTo("P1Y");
    assertThat(Timepoint.parse("p2w", "timepoint").code()).isEqualTo("P14D");
    assertThat(Timepoint.parse("P2W", "timepoint").label()).isEqualTo("2 weeks");
    assertThat(Timepoint.parse("P3M", "timepoint").label()).isEqualTo("3 months");
    assertThat(Timepoint.parse("P1Y", "timepoint").shortLabel()).isEqualTo("1 yr");
    for (String bad : new String[] {"PT6H", "3 months", "P0D", "P-3M", ""}) {
      assertThatThrownBy(() -> Timepoint.parse(bad, "timepoint"))
          .as(bad)
          .isInstanceOf(InvalidParameter.class)
          .hasMessageContaining("ISO-8601");
    }
  }
}
