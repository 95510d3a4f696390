package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.ChartSection;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@ReliefIntegrationTest
@Import(ChartSectionTest.Sections.class)
class ChartSectionTest {

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;

  /** Two sections as another module would contribute them; one stays silent for this patient. */
  @TestConfiguration
  static class Sections {
    @Bean
    ChartSection laterSection() {
      return new Fixed(20, "Second section", true);
    }

    @Bean
    ChartSection earlierSection() {
      return new Fixed(10, "First section", true);
    }

    @Bean
    ChartSection silentSection() {
      return new Fixed(15, "Silent section", false);
    }
  }

  record Fixed(int order, String title, boolean shows) implements ChartSection {
    @Override
    public Optional<Rendered> render(long patientId) {
      return shows
          ? Optional.of(
              new Rendered(
                  "test/chart-section",
                  "section",
                  Map.of("title", title, "note", "<b>not bold</b> for " + patientId)))
          : Optional.empty();
    }
  }

  @Test
  void chartRendersContributedSectionsInOrderEscapingTheirText() {
    var p =
        registry.register(
            new PatientDetails(
                "CS-1",
                "Sectioned",
                "Sue",
                LocalDate.of(1960, 1, 1),
                Sex.FEMALE,
                null,
                null,
                null));
    accounts.create(
        new UserAccounts.NewUser("cs.nurse", "N", "a-long-enough-pass", Set.of(Role.NURSE)));
    Http nurse = Http.browser(port);
    nurse.signIn("cs.nurse", "a-long-enough-pass");
    String chart = nurse.get("/patients/" + p.id()).body();
    assertThat(chart).contains("First section", "Second section").doesNotContain("Silent section");
    assertThat(chart.indexOf("First section")).isLessThan(chart.indexOf("Second section"));
    assertThat(chart).contains("&lt;b&gt;not bold&lt;/b&gt; for " + p.id());
  }
}
