package org.relief.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A module that provides {@link TodayItems} gets its section on every clinician's Today. */
@ReliefIntegrationTest
@Import(TodayItemsTest.Escalations.class)
class TodayItemsTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired Escalations escalations;

  @TestConfiguration(proxyBeanMethods = false)
  static class Escalations {
    long patientId;

    @Bean
    TodayItems testEscalations() {
      return new TodayItems() {
        @Override
        public int order() {
          return 10;
        }

        @Override
        public String heading() {
          return "Escalations from the follow-up work-list";
        }

        @Override
        public List<Item> forClinician(long clinicianId, LocalDate day) {
          return List.of(new Item(patientId, "New leg weakness reported", "/followups"));
        }
      };
    }
  }

  @Test
  void aContributedSectionIsListedUnderTheClinicianList() {
    escalations.patientId =
        patients
            .register(
                new PatientDetails(
                    "ESC-1",
                    "Escalated",
                    "Eve",
                    LocalDate.of(1955, 5, 5),
                    Sex.FEMALE,
                    null,
                    null,
                    "en"))
            .id();
    String page = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN).get("/today").body();
    assertThat(page)
        .contains("Escalations from the follow-up work-list")
        .contains("Escalated, Eve", "New leg weakness reported", "href=\"/followups\"");
  }
}
