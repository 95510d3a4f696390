package org.relief.conferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.consultations.CaseConferenceRequested;
import org.relief.consultations.PlanItem;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.CareTeams;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case conference asked for in a signed consultation's plan arrives in conferences through the
 * real event publication, awaits a conference once however often it is delivered, and is placed on
 * one with the plan's question.
 */
@ReliefIntegrationTest
class ConferenceRequestsTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String QUESTION = "Is she a candidate for L4–L5 decompression?";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired CareTeams careTeams;
  @Autowired CaseConferences conferences;
  @Autowired PatientRegistry registry;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  UserAccount doctor;
  UserAccount surgeon;
  Patient patient;
  long visitId;
  PlanItem item;

  @BeforeEach
  void signedConsultationAsksForAConference() {
    doctor = account(Role.PAIN_PHYSICIAN);
    surgeon = account(Role.SURGEON);
    patient =
        registry.register(
            new PatientDetails(
                "CR" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000,
                "Requested",
                "Rhea",
                LocalDate.of(1958, 2, 3),
                Sex.FEMALE,
                null,
                null,
                "en"));
    visitId =
        book.book(
                new AppointmentBook.Booking(
                    patient.id(),
                    doctor.id(),
                    VisitKind.FOLLOW_UP,
                    LocalDateTime.of(today().plusDays(1), LocalTime.of(9, 0)),
                    null),
                doctor.id())
            .id();
    item = notes.addPlanItem(visitId, doctor.id(), PlanItemKind.CASE_CONFERENCE, null, QUESTION);
    notes.sign(
        visitId,
        doctor.id(),
        new NoteDraft(
            "Leg pain despite two ESIs.",
            "",
            "",
            "Lumbar stenosis L4–L5.",
            "",
            "",
            null,
            List.of()));
  }

  private UserAccount account(Role role) {
    String name = "cr-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
    return accounts.create(
        new UserAccounts.NewUser(
            name + "-" + System.nanoTime() % 100000, "Dr " + name, Staff.PASSWORD, Set.of(role)));
  }

  private Http signedIn(UserAccount account) {
    Http http = Http.browser(port);
    http.signIn(account.username(), Staff.PASSWORD);
    return http;
  }

  private LocalDate today() {
    return practice.today(clock);
  }

  private List<Map<String, Object>> requestRows() {
    return jdbc.sql("SELECT * FROM conference_request WHERE plan_item_id = :i")
        .param("i", item.id())
        .query()
        .listOfRows();
  }

  private AwaitingConference awaitRequest() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !requestRows().isEmpty());
    return conferences.request(((Number) requestRows().get(0).get("id")).longValue());
  }

  private void awaitListeners() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE listener_id LIKE"
                                + " '%RequestsFromConsultations%' AND completion_date IS NULL")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  private CaseConference conference(UserAccount organiser, UserAccount... others) {
    Set<Long> ids = new java.util.HashSet<>();
    for (UserAccount o : others) {
      ids.add(o.id());
    }
    return conferences.schedule(
        new CaseConferences.Schedule(
            "Spine conference " + SEQ.incrementAndGet(),
            LocalDateTime.of(today().plusDays(3), LocalTime.of(7, 30)),
            ids),
        organiser.id());
  }

  @Test
  void theSignedPlanItemAwaitsAConferenceWithItsQuestionOnceHoweverOftenItArrives() {
    AwaitingConference request = awaitRequest();

    assertThat(request.patientId()).isEqualTo(patient.id());
    assertThat(request.visitId()).isEqualTo(visitId);
    assertThat(request.question()).isEqualTo(QUESTION);
    assertThat(request.requestedBy()).isEqualTo(doctor.id());
    assertThat(request.placed()).isFalse();

    tx.executeWithoutResult(
        s -> events.publishEvent(new CaseConferenceRequested(visitId, patient.id(), item.id())));
    tx.executeWithoutResult(
        s -> events.publishEvent(new CaseConferenceRequested(visitId, patient.id(), item.id())));
    awaitListeners();

    assertThat(requestRows()).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE object_type = 'ConferenceRequest'"
                        + " AND action = 'CREATE' AND object_id = :id")
                .param("id", Long.toString(request.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theConferencesPageShowsTheRequestToItsRequesterAndHidesItFromOtherClinicians() {
    AwaitingConference request = awaitRequest();
    UserAccount stranger = account(Role.NURSE);

    String mine = signedIn(doctor).get("/conferences").body();
    CaseConferences.Awaiting theirs = conferences.awaiting(stranger.id());

    assertThat(mine)
        .contains("Awaiting a conference", "data-request=\"" + request.id() + "\"")
        .contains("Requested, Rhea", "Is she a candidate for L4–L5 decompression?")
        .contains("/conferences/nominate?patient=" + patient.id());
    assertThat(theirs.requests()).noneMatch(r -> r.id() == request.id());
    assertThat(theirs.hidden()).isPositive();

    careTeams.add(patient.id(), stranger.id(), doctor.id());
    assertThat(conferences.awaiting(stranger.id()).requests())
        .anyMatch(r -> r.id() == request.id());
  }

  @Test
  void placingTheRequestNominatesThePatientWithTheVisitAndThePlanQuestionOnce() {
    AwaitingConference request = awaitRequest();
    CaseConference conference = conference(doctor, surgeon);
    Http http = signedIn(doctor);
    String nominatePage =
        "/conferences/nominate?patient="
            + patient.id()
            + "&visit="
            + visitId
            + "&request="
            + request.id();
    assertThat(http.get(nominatePage).body())
        .contains("name=\"requestId\" value=\"" + request.id() + "\"")
        .contains(QUESTION.replace("–", "–"));

    Map<String, String> form = new LinkedHashMap<>();
    form.put("conferenceId", Long.toString(conference.id()));
    form.put("patientId", Long.toString(patient.id()));
    form.put("visitId", Long.toString(visitId));
    form.put("requestId", Long.toString(request.id()));
    form.put("question", QUESTION);
    form.put("imagingReport", "MRI 2026-10-01: severe L4–L5 canal stenosis.");
    form.put("ptWeeks", "12");
    form.put("medicationsTried", "");
    HttpResponse<String> placed = http.submit(nominatePage, "/conferences/cases", form);

    assertThat(placed.statusCode()).isEqualTo(302);
    ConferenceCase theCase =
        conferences.casesOf(conference.id()).stream()
            .filter(c -> c.patientId() == patient.id())
            .findFirst()
            .orElseThrow();
    assertThat(theCase.visitId()).isEqualTo(visitId);
    assertThat(theCase.question()).isEqualTo(QUESTION);
    assertThat(theCase.ptWeeks()).isEqualTo(12);
    assertThat(conferences.request(request.id()).caseId()).isEqualTo(theCase.id());
    assertThat(conferences.awaiting(doctor.id()).requests()).noneMatch(r -> r.id() == request.id());

    CaseConference another = conference(doctor, surgeon);
    assertThatThrownBy(
            () ->
                conferences.place(
                    request.id(),
                    new CaseConferences.Nomination(
                        another.id(), patient.id(), visitId, QUESTION, null, null, null),
                    doctor.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("already placed");
    assertThat(conferences.casesOf(another.id())).isEmpty();
  }

  @Test
  void aClinicianOutsideTheCareTeamAndTheConferenceCannotPlaceTheRequest() {
    AwaitingConference request = awaitRequest();
    CaseConference conference = conference(doctor, surgeon);
    UserAccount stranger = account(Role.PAIN_PHYSICIAN);

    assertThatThrownBy(
            () ->
                conferences.place(
                    request.id(),
                    new CaseConferences.Nomination(
                        conference.id(), patient.id(), visitId, QUESTION, null, null, null),
                    stranger.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("care team or the conference's attendees");
    assertThat(conferences.request(request.id()).placed()).isFalse();
    assertThat(conferences.casesOf(conference.id())).isEmpty();
  }

  @Test
  void aRequestOpenedForAnotherPatientIsNotFound() {
    AwaitingConference request = awaitRequest();
    Patient other =
        registry.register(
            new PatientDetails(
                "CR-OTHER-" + System.nanoTime() % 100000,
                "Other",
                "Olga",
                LocalDate.of(1970, 1, 1),
                Sex.FEMALE,
                null,
                null,
                "en"));

    HttpResponse<String> page =
        signedIn(doctor)
            .get("/conferences/nominate?patient=" + other.id() + "&request=" + request.id());

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain(QUESTION);
  }

  @Test
  void theWrongRolesCannotOpenTheConferencesPage() {
    for (Role role : new Role[] {Role.FRONT_DESK, Role.PRACTICE_ADMIN, Role.RECRUITER}) {
      assertThat(Staff.signedIn(accounts, port, role).get("/conferences").statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }
}
