package org.relief.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.consultations.Clinic.Person;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class VisitBookingTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired ClinicList clinicList;

  private Clinic clinic;
  private Person desk;
  private Person doctor;

  @BeforeEach
  void setUp() {
    clinic = new Clinic(accounts, patients, port);
    desk = clinic.person(Role.FRONT_DESK);
    doctor = clinic.person(Role.PAIN_PHYSICIAN);
  }

  private LocalDate tomorrow() {
    return LocalDate.now(clock.withZone(practice.timeZone())).plusDays(1);
  }

  private HttpResponse<String> book(Http http, Map<String, String> form) {
    return http.submit("/visits", "/visits", form);
  }

  private long visitsOf(long clinicianId) {
    return jdbc.sql("SELECT count(*) FROM visit WHERE clinician_id = :c")
        .param("c", clinicianId)
        .query(Long.class)
        .single();
  }

  private long audited(String action, String id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'Encounter'"
                + " AND object_id = :id")
        .param("a", action)
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void frontDeskBooksAVisitThatAppearsOnTheClinicianListAndIsAudited() {
    Patient p = clinic.patient();
    var booked = book(desk.http(), Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "09:00"));
    assertThat(booked.statusCode()).isEqualTo(302);
    assertThat(booked.headers().firstValue("Location").orElseThrow())
        .contains("/visits?day=" + tomorrow());

    var list = clinicList.day(doctor.id(), tomorrow());
    assertThat(list)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.patientId()).isEqualTo(p.id());
              assertThat(v.kind()).isEqualTo(VisitKind.NEW);
              assertThat(v.status()).isEqualTo(VisitStatus.BOOKED);
              assertThat(java.time.Duration.between(v.startsAt(), v.endsAt()).toMinutes())
                  .isEqualTo(45);
            });
    long id = list.get(0).id();
    assertThat(audited("CREATE", Long.toString(id))).isEqualTo(1);

    String page = desk.http().get("/visits?day=" + tomorrow()).body();
    assertThat(page)
        .contains(doctor.account().displayName(), "Visiting, Vera", p.mrn(), "New patient")
        .contains("09:00–09:45", "Booked");
  }

  @Test
  void aClinicianCannotBeBookedTwiceAtTheSameTimeAndTheDeskIsToldWhy() {
    Patient first = clinic.patient();
    Patient second = clinic.patient();
    book(desk.http(), Clinic.booking(first, doctor.id(), "NEW", tomorrow(), "10:00"));
    var clash =
        book(desk.http(), Clinic.booking(second, doctor.id(), "FOLLOW_UP", tomorrow(), "10:30"));
    assertThat(clash.statusCode()).isEqualTo(422);
    assertThat(clash.body())
        .contains(
            "already has a visit from 10:00 to 10:45 on " + tomorrow() + "; choose another time")
        .contains("value=\"" + second.mrn() + "\"", "value=\"10:30\"");
    assertThat(visitsOf(doctor.id())).isEqualTo(1);

    var after =
        book(desk.http(), Clinic.booking(second, doctor.id(), "FOLLOW_UP", tomorrow(), "10:45"));
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(visitsOf(doctor.id())).isEqualTo(2);
  }

  @Test
  void theDatabaseRefusesOverlappingVisitsOfOneClinicianButNotCancelledOnes() {
    Patient p = clinic.patient();
    Instant nine = tomorrow().atTime(9, 0).atZone(practice.timeZone()).toInstant();
    insert(p.id(), doctor.id(), nine, nine.plusSeconds(1800), "BOOKED");
    assertThatThrownBy(
            () ->
                insert(
                    p.id(), doctor.id(), nine.plusSeconds(900), nine.plusSeconds(2700), "BOOKED"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("visit_clinician_not_double_booked");
    insert(p.id(), doctor.id(), nine.plusSeconds(900), nine.plusSeconds(2700), "CANCELLED");
    insert(p.id(), doctor.id(), nine.plusSeconds(1800), nine.plusSeconds(3600), "BOOKED");
    Person other = clinic.person(Role.SURGEON);
    insert(p.id(), other.id(), nine, nine.plusSeconds(1800), "BOOKED");
    assertThat(visitsOf(doctor.id())).isEqualTo(3);
  }

  private void insert(long patientId, long clinicianId, Instant from, Instant to, String status) {
    jdbc.sql(
            "INSERT INTO visit (patient_id, clinician_id, kind, starts_at, ends_at, status,"
                + " booked_by, booked_at, updated_at) VALUES (:p, :c, 'FOLLOW_UP', :f, :t, :s, 1,"
                + " now(), now())")
        .param("p", patientId)
        .param("c", clinicianId)
        .param("f", Timestamp.from(from))
        .param("t", Timestamp.from(to))
        .param("s", status)
        .update();
  }

  @Test
  void cancellingFreesTheTimeForAnotherPatient() {
    Patient first = clinic.patient();
    book(desk.http(), Clinic.booking(first, doctor.id(), "FOLLOW_UP", tomorrow(), "11:00"));
    long id = clinicList.day(doctor.id(), tomorrow()).get(0).id();
    var cancelled =
        desk.http().submit("/visits", "/visits/" + id + "/status", Map.of("to", "CANCELLED"));
    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(audited("UPDATE", Long.toString(id))).isEqualTo(1);
    var again =
        book(
            desk.http(),
            Clinic.booking(clinic.patient(), doctor.id(), "FOLLOW_UP", tomorrow(), "11:00"));
    assertThat(again.statusCode()).isEqualTo(302);
    var cancelTwice =
        desk.http().submit("/visits", "/visits/" + id + "/status", Map.of("to", "CANCELLED"));
    assertThat(cancelTwice.statusCode()).isEqualTo(422);
    assertThat(cancelTwice.body()).contains("is cancelled; only a booked visit can be marked");
  }

  @Test
  void badBookingsAreRefusedInWordsAndKeepWhatWasTyped() {
    Patient p = clinic.patient();
    var unknown = book(desk.http(), Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "09:00"));
    assertThat(unknown.statusCode()).isEqualTo(302);

    Map<String, String> noPatient = Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "13:00");
    noPatient.put("mrn", "NOPE-404");
    var refused = book(desk.http(), noPatient);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("No patient has the MRN &#39;NOPE-404&#39;", "value=\"13:00\"");

    var past =
        book(desk.http(), Clinic.booking(p, doctor.id(), "NEW", tomorrow().minusDays(3), "09:00"));
    assertThat(past.statusCode()).isEqualTo(422);
    assertThat(past.body()).contains("has passed; book a time from now on");

    Person nurse = clinic.person(Role.NURSE);
    var notClinician = book(desk.http(), Clinic.booking(p, nurse.id(), "NEW", tomorrow(), "14:00"));
    assertThat(notClinician.statusCode()).isEqualTo(422);
    assertThat(notClinician.body()).contains("active pain physician or spine surgeon");

    Map<String, String> badTime = Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "25:99");
    var malformed = book(desk.http(), badTime);
    assertThat(malformed.statusCode()).isEqualTo(422);
    assertThat(malformed.body()).contains("The time must be a time such as 09:30.");

    Map<String, String> tooLong = Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "15:00");
    tooLong.put("minutes", "600");
    assertThat(book(desk.http(), tooLong).body()).contains("between 5 minutes and 4 hours");
    assertThat(visitsOf(doctor.id())).isEqualTo(1);
  }

  @Test
  void aPatientWhoseMrnHasNoDigitsIsFoundByIt() {
    Patient p =
        patients.register(
            new org.relief.patients.PatientDetails(
                "NODIGITS-" + (char) ('A' + (int) (doctor.id() % 26)),
                "Lettered",
                "Lou",
                LocalDate.of(1975, 7, 7),
                org.relief.patients.Sex.MALE,
                null,
                null,
                "en"));
    Map<String, String> form = Clinic.booking(p, doctor.id(), "FOLLOW_UP", tomorrow(), "08:00");
    form.put("mrn", p.mrn().toLowerCase(java.util.Locale.ROOT));
    assertThat(book(desk.http(), form).statusCode()).isEqualTo(302);
    assertThat(clinicList.day(doctor.id(), tomorrow()))
        .singleElement()
        .satisfies(v -> assertThat(v.patientId()).isEqualTo(p.id()));
  }

  @Test
  void onlyTheFrontDeskBooksAndOnlyItCancelsWhileNursesMayMarkArrivals() {
    Patient p = clinic.patient();
    for (Role role :
        new Role[] {Role.PAIN_PHYSICIAN, Role.NURSE, Role.SURGEON, Role.PRACTICE_ADMIN}) {
      Http other = clinic.person(role).http();
      var refused =
          other.submit(
              "/account/security",
              "/visits",
              Clinic.booking(p, doctor.id(), "NEW", tomorrow(), "16:00"));
      assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
    }
    assertThat(visitsOf(doctor.id())).isZero();

    book(desk.http(), Clinic.booking(p, doctor.id(), "FOLLOW_UP", tomorrow(), "16:00"));
    long id = clinicList.day(doctor.id(), tomorrow()).get(0).id();
    Http nurse = clinic.person(Role.NURSE).http();
    assertThat(
            nurse
                .submit("/visits", "/visits/" + id + "/status", Map.of("to", "CANCELLED"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            doctor
                .http()
                .submit("/visits", "/visits/" + id + "/status", Map.of("to", "ARRIVED"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            nurse
                .submit("/visits", "/visits/" + id + "/status", Map.of("to", "ARRIVED"))
                .statusCode())
        .isEqualTo(302);
    assertThat(clinicList.visit(id).orElseThrow().status()).isEqualTo(VisitStatus.ARRIVED);
  }

  @Test
  void peopleOutsideTheClinicCannotSeeTheVisits() {
    for (Role role : new Role[] {Role.PRACTICE_ADMIN, Role.RECRUITER, Role.SPECIALIST}) {
      Http other = clinic.person(role).http();
      assertThat(other.get("/visits").statusCode()).as(role.name()).isEqualTo(403);
    }
    assertThat(doctor.http().get("/visits").statusCode()).isEqualTo(200);
    assertThat(desk.http().get("/visits").body()).contains("Book a visit");
    assertThat(doctor.http().get("/visits").body()).doesNotContain("Book a visit");
  }
}
