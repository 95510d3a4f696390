package org.relief.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class TodayTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String PASSWORD = "today-test-pass-1";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired JdbcClient jdbc;

  private UserAccount clinician(Role role) {
    return accounts.create(
        new UserAccounts.NewUser(
            "today-" + SEQ.incrementAndGet(), "Dr Today " + SEQ.get(), PASSWORD, Set.of(role)));
  }

  private Http signedIn(UserAccount account) {
    Http http = Http.browser(port);
    http.signIn(account.username(), PASSWORD);
    return http;
  }

  private Patient patient(String family) {
    return patients.register(
        new PatientDetails(
            "TODAY-" + SEQ.incrementAndGet(),
            family,
            "Tess",
            LocalDate.of(1960, 1, 2),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private long visit(Patient p, UserAccount with, VisitKind kind, int hour, int minute) {
    LocalDate today = LocalDate.now(clock.withZone(practice.timeZone()));
    return book.bookSynthetic(
            new AppointmentBook.Booking(
                p.id(), with.id(), kind, LocalDateTime.of(today, LocalTime.of(hour, minute)), null),
            with.id())
        .id();
  }

  @Test
  void aPhysicianSeesTheirOwnListInTimeOrderWithQuestionnairesAndTasks() {
    UserAccount okafor = clinician(Role.PAIN_PHYSICIAN);
    UserAccount other = clinician(Role.PAIN_PHYSICIAN);
    Patient late = patient("Latecomer");
    Patient early = patient("Earlybird");
    Patient elsewhere = patient("Elsewhere");
    visit(late, okafor, VisitKind.POST_PROCEDURE, 11, 0);
    long first = visit(early, okafor, VisitKind.NEW, 8, 30);
    visit(elsewhere, other, VisitKind.FOLLOW_UP, 9, 0);
    notes.addPlanItem(first, okafor.id(), PlanItemKind.PHYSICAL_THERAPY, null, "Six weeks of core");
    notes.sign(
        first, okafor.id(), new NoteDraft("", "", "", "Lumbar strain.", "", "", null, List.of()));

    Http http = signedIn(okafor);
    var sent =
        http.submit(
            "/questionnaires/new?patient=" + late.id(),
            "/questionnaires",
            Map.of("patient", Long.toString(late.id()), "instruments", "nrs"));
    assertThat(sent.statusCode()).isEqualTo(200);

    jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                + " scored_at, score, answered) VALUES (:p, 'nrs', '1', '2026-03-04T10:00:00Z',"
                + " 6, 1)")
        .param("p", early.id())
        .update();
    String page = http.get("/today").body();
    assertThat(page).contains("Your clinic list", "Earlybird, Tess", "Latecomer, Tess");
    assertThat(page.indexOf("Earlybird")).isLessThan(page.indexOf("Latecomer"));
    assertThat(page)
        .contains("08:30", "New patient", "11:00", "Post-procedure")
        .contains("Seen", "Booked", "Signed")
        .contains("Sent, not started", "Last answered 4 Mar 2026")
        .doesNotContain("None sent")
        .contains("Tasks", "Physical therapy", "Six weeks of core")
        .contains("href=\"/visits/" + first + "\"")
        .doesNotContain("Elsewhere")
        .contains("Escalations from the follow-up work-list")
        .doesNotContain("id=\"practice-staff\"");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'READ'"
                        + " AND object_type = 'Encounter' AND object_id = :id")
                .param("id", Long.toString(first))
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theFrontDeskSeesEveryClinicianListAndMarksArrivalsButOpensNoNotes() {
    UserAccount physician = clinician(Role.PAIN_PHYSICIAN);
    UserAccount surgeon = clinician(Role.SURGEON);
    Patient a = patient("Arrowsmith");
    Patient b = patient("Birchwood");
    long visitA = visit(a, physician, VisitKind.FOLLOW_UP, 10, 0);
    visit(b, surgeon, VisitKind.NEW, 10, 0);

    Http desk = Staff.signedIn(accounts, port, Role.FRONT_DESK);
    String page = desk.get("/today").body();
    assertThat(page)
        .contains(physician.displayName(), surgeon.displayName())
        .contains("Arrowsmith, Tess", "Birchwood, Tess", "Arrived")
        .doesNotContain("href=\"/visits/" + visitA + "\"", "Your clinic list", ">Tasks<");
    var arrived =
        desk.submit(
            "/today", "/visits/" + visitA + "/status", Map.of("to", "ARRIVED", "back", "today"));
    assertThat(arrived.statusCode()).isEqualTo(302);
    assertThat(arrived.headers().firstValue("Location").orElseThrow()).endsWith("/today");

    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    assertThat(nurse.get("/today").body())
        .contains("Arrowsmith, Tess", "href=\"/visits/" + visitA + "\"");
  }

  @Test
  void theAdministratorSeesTheStaffButNoPatientsAndOutsidersCannotOpenToday() {
    UserAccount physician = clinician(Role.PAIN_PHYSICIAN);
    visit(patient("Hidden"), physician, VisitKind.FOLLOW_UP, 12, 0);
    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    assertThat(admin.get("/today").body())
        .contains("id=\"practice-staff\"")
        .doesNotContain("Hidden, Tess");
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST}) {
      assertThat(Staff.signedIn(accounts, port, role).get("/today").statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }
}
