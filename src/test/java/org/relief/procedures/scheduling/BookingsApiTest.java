package org.relief.procedures.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.platform.Role;
import org.relief.procedures.BookedProcedure;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.Problems;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ReliefIntegrationTest
class BookingsApiTest {

  @LocalServerPort int port;
  @Autowired SchedulingService scheduling;
  @Autowired ProcedureRooms rooms;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MedicationList medications;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired MutableClock clock;

  SchedulingFixture fixture;
  Http api;

  @BeforeEach
  void setUp() {
    fixture = new SchedulingFixture(rooms, registry, accounts, medications, diagnoses);
    api = Http.api(port);
  }

  private String bearer(String scopes) {
    return "Bearer " + api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, scopes);
  }

  @Test
  void listsTheDaysBookingsWithReadinessByIdsOnly() {
    LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).plusDays(11);
    SessionDay session = fixture.session(day);
    Patient patient = fixture.man();
    BookedProcedure booking =
        scheduling.book(
            SchedulingFixture.tfesi(patient, session, "14:00"), fixture.user(Role.FRONT_DESK).id());

    var response =
        api.get(
            "/api/v1/procedures/bookings?date=" + day,
            "Authorization",
            bearer("system/Appointment.rs"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode b : Http.json(response)) {
      if (b.get("id").asLong() == booking.id()) {
        mine = b;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("patientId").asLong()).isEqualTo(patient.id());
    assertThat(mine.get("procedure").asText()).isEqualTo("lumbar-tfesi");
    assertThat(mine.get("status").asText()).isEqualTo("booked");
    assertThat(mine.get("readiness").get("state").asText()).isEqualTo("not-ready");
    assertThat(mine.get("readiness").get("openItems").asInt()).isEqualTo(5);
    assertThat(response.body()).doesNotContain(patient.familyName());
  }

  @Test
  void refusesAWrongScopeNoTokenAndABadDate() {
    assertThat(api.get("/api/v1/procedures/bookings?date=2026-12-01").statusCode()).isEqualTo(401);
    assertThat(
            api.get(
                    "/api/v1/procedures/bookings?date=2026-12-01",
                    "Authorization",
                    bearer("system/Procedure.rs"))
                .statusCode())
        .isEqualTo(403);
    Problems.refused(
        api.get(
            "/api/v1/procedures/bookings?date=tomorrow",
            "Authorization",
            bearer("system/Appointment.rs")),
        422,
        "date-invalid");
  }
}
