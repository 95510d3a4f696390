package org.relief.procedures.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class SchedulePagesTest {

  @LocalServerPort int port;
  @Autowired SchedulingService scheduling;
  @Autowired ProcedureRooms rooms;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MedicationList medications;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  SchedulingFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new SchedulingFixture(rooms, registry, accounts, medications, diagnoses);
  }

  private LocalDate inDays(int days) {
    return LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).plusDays(days);
  }

  private Map<String, String> bookingForm(Patient patient, SessionDay session, String start) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("patient", Long.toString(patient.id()));
    form.put("session", Long.toString(session.id()));
    form.put("procedure", "lumbar-tfesi");
    form.put("levels", "l4-l5, L5-S1");
    form.put("side", "left");
    form.put("steroid", "");
    form.put("start", start);
    form.put("minutes", "");
    return form;
  }

  @Test
  void theAdministratorAddsARoomAndASessionDay() {
    Http admin = Http.browser(port);
    admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    String name = "Suite " + SchedulingFixture.next();

    var added =
        admin.postRaw(
            "/procedures/rooms",
            "name="
                + name.replace(' ', '+')
                + "&imaging=FLUOROSCOPY&imaging=ULTRASOUND&_csrf="
                + Http.csrfTokenOf(admin.get("/procedures/rooms").body()));
    assertThat(added.statusCode()).isEqualTo(302);
    ProcedureRoom room =
        rooms.rooms().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    assertThat(room.imaging()).containsExactly(Imaging.FLUOROSCOPY, Imaging.ULTRASOUND);

    long physician = fixture.user(Role.PAIN_PHYSICIAN).id();
    Map<String, String> session = new LinkedHashMap<>();
    session.put("room", Long.toString(room.id()));
    session.put("physician", Long.toString(physician));
    session.put("date", inDays(2).toString());
    session.put("start", "13:00");
    session.put("end", "17:30");
    assertThat(admin.submit("/procedures/rooms", "/procedures/sessions", session).statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/procedures/rooms").body()).contains(name, "13:00–17:30");

    var overlapping = admin.submit("/procedures/rooms", "/procedures/sessions", session);
    assertThat(overlapping.statusCode()).isEqualTo(422);
    assertThat(overlapping.body()).contains(name + " already has a session 13:00–17:30.");
    var duplicate = admin.submit("/procedures/rooms", "/procedures/rooms", Map.of("name", name));
    assertThat(duplicate.statusCode()).isEqualTo(422);
    assertThat(duplicate.body()).contains("There is already a room called " + name);
  }

  @Test
  void onlyTheAdministratorKeepsRoomsAndSessions() {
    for (Role role :
        new Role[] {
          Role.PAIN_PHYSICIAN, Role.NURSE, Role.FRONT_DESK, Role.RECRUITER, Role.SPECIALIST
        }) {
      Http browser = Staff.signedIn(accounts, port, role);
      assertThat(browser.get("/procedures/rooms").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(
              browser
                  .submit("/account/security", "/procedures/rooms", Map.of("name", "Sneaky"))
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
      assertThat(
              browser
                  .submit("/account/security", "/procedures/sessions", Map.of("room", "1"))
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }

  @Test
  void theFrontDeskBooksFromTheChartAndTicksItemsWithAPlainFormOrHtmx() {
    SessionDay session = fixture.session(inDays(3));
    Patient patient = fixture.man();
    Http desk = Staff.signedIn(accounts, port, Role.FRONT_DESK);

    String chart = desk.get("/patients/" + patient.id()).body();
    assertThat(chart).contains("Booked procedures", "id=\"book-procedure-link\"");
    String form = "/procedures/bookings/new?patient=" + patient.id();
    assertThat(desk.get(form).body()).contains(session.roomName());

    var booked = desk.submit(form, "/procedures/bookings", bookingForm(patient, session, "14:00"));
    assertThat(booked.statusCode()).isEqualTo(302);
    String checklistPath = booked.headers().firstValue("Location").orElseThrow();
    assertThat(checklistPath).matches(".*/procedures/bookings/\\d+$");
    long bookingId = Long.parseLong(checklistPath.replaceAll(".*/", ""));
    BookedProcedure booking = scheduling.find(bookingId).orElseThrow();
    assertThat(booking.levels()).containsExactly("L4–L5", "L5–S1");
    assertThat(booking.steroid()).isTrue();

    String page = desk.get("/procedures/bookings/" + bookingId).body();
    assertThat(page)
        .contains("id=\"state-consent\"", "id=\"done-consent\"", "Not ready (5 open)")
        .doesNotContain("id=\"start-procedure\"", "id=\"override-consent\"");

    var ticked =
        desk.submit(
            "/procedures/bookings/" + bookingId,
            "/procedures/bookings/" + bookingId + "/items/consent/done",
            Map.of("note", "signed on paper"));
    assertThat(ticked.statusCode()).isEqualTo(302);
    String token = Http.csrfTokenOf(desk.get("/procedures/bookings/" + bookingId).body());
    var htmx =
        desk.postForm(
            "/procedures/bookings/" + bookingId + "/items/imaging/done",
            Map.of("_csrf", token),
            "HX-Request",
            "true");
    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.body())
        .startsWith("<div id=\"checklist\"")
        .doesNotContain("<html")
        .contains("Not ready (3 open)", "signed on paper");

    var list = desk.get("/procedures/schedule?date=" + inDays(3) + "&room=" + session.roomId());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("id=\"booking-" + bookingId + "\"", "data-readiness=\"not-ready\"")
        .contains("Not ready (3 open)", patient.mrn());
    assertThat(
            desk.get(
                    "/procedures/schedule?date="
                        + inDays(3)
                        + "&physician="
                        + (session.physicianId() + 100000))
                .body())
        .contains("No procedures booked for this day.");

    var again =
        desk.submit(form, "/procedures/bookings", bookingForm(fixture.man(), session, "14:10"));
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body())
        .contains(session.roomName() + " is already booked 14:00–14:30 for another procedure.")
        .contains("value=\"14:10\"");
  }

  @Test
  void onlyAPainPhysicianOverridesAndStartsAndAnOpenChecklistIsNamed() {
    SessionDay session = fixture.session(inDays(3));
    Patient patient = fixture.man();
    BookedProcedure booking =
        scheduling.book(
            SchedulingFixture.tfesi(patient, session, "15:00"), fixture.user(Role.FRONT_DESK).id());
    String path = "/procedures/bookings/" + booking.id();

    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    assertThat(
            nurse.submit(path, path + "/items/consent/override", Map.of("note", "x")).statusCode())
        .isEqualTo(403);
    assertThat(nurse.submit(path, path + "/start", Map.of()).statusCode()).isEqualTo(403);

    Http physician = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    assertThat(physician.get(path).body())
        .contains("id=\"start-procedure\"", "id=\"override-consent\"");
    var refused = physician.submit(path, path + "/start", Map.of());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Not ready to start. Open: Consent signed; Contrast allergy checked;");
    var overridden =
        physician.submit(
            path, path + "/items/consent/override", Map.of("note", "Consent on the ward"));
    assertThat(overridden.statusCode()).isEqualTo(302);
    assertThat(physician.get(path).body())
        .contains("Consent on the ward", "data-state=\"overridden\"");
  }

  @Test
  void surgeonsSeeTheListButDoNotBookAndOutsidersSeeNothing() {
    SessionDay session = fixture.session(inDays(4));
    Patient patient = fixture.man();
    BookedProcedure booking =
        scheduling.book(
            SchedulingFixture.tfesi(patient, session, "15:00"), fixture.user(Role.FRONT_DESK).id());
    String path = "/procedures/bookings/" + booking.id();

    Http surgeon = Staff.signedIn(accounts, port, Role.SURGEON);
    assertThat(surgeon.get("/procedures/schedule").statusCode()).isEqualTo(200);
    assertThat(surgeon.get(path).statusCode()).isEqualTo(200);
    assertThat(surgeon.get("/procedures/bookings/new?patient=" + patient.id()).statusCode())
        .isEqualTo(403);
    assertThat(
            surgeon
                .submit(path, "/procedures/bookings", bookingForm(patient, session, "16:00"))
                .statusCode())
        .isEqualTo(403);
    assertThat(surgeon.submit(path, path + "/items/consent/done", Map.of()).statusCode())
        .isEqualTo(403);

    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.PRACTICE_ADMIN}) {
      Http outsider = Staff.signedIn(accounts, port, role);
      assertThat(outsider.get("/procedures/schedule").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(outsider.get(path).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(
              outsider
                  .submit("/account/security", path + "/items/consent/done", Map.of())
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
      assertThat(
              outsider
                  .submit(
                      "/account/security",
                      "/procedures/bookings",
                      bookingForm(patient, session, "16:00"))
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }

  @Test
  void anUnknownBookingOrPatientIsNotFoundAndReadingAChecklistIsAudited() {
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    assertThat(nurse.get("/procedures/bookings/99999999").statusCode()).isEqualTo(404);
    assertThat(nurse.get("/procedures/bookings/new?patient=99999999").statusCode()).isEqualTo(404);

    SessionDay session = fixture.session(inDays(5));
    BookedProcedure booking =
        scheduling.book(
            SchedulingFixture.tfesi(fixture.man(), session, "15:00"),
            fixture.user(Role.FRONT_DESK).id());
    assertThat(nurse.get("/procedures/bookings/" + booking.id()).statusCode()).isEqualTo(200);
    long reads =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE object_type = 'Appointment'"
                    + " AND object_id = ? AND action = 'READ'")
            .param(Long.toString(booking.id()))
            .query(Long.class)
            .single();
    assertThat(reads).isGreaterThanOrEqualTo(1);
  }
}
