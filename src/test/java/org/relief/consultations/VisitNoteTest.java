package org.relief.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.consultations.Clinic.Person;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReliefIntegrationTest
@RecordApplicationEvents
class VisitNoteTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired TreatmentPlans plans;
  @Autowired PatientGoals goals;
  @Autowired ApplicationEvents events;

  private Clinic clinic;
  private Person doctor;
  private Patient patient;
  private long visitId;

  @BeforeEach
  void setUp() {
    clinic = new Clinic(accounts, patients, port);
    doctor = clinic.person(Role.PAIN_PHYSICIAN);
    patient = clinic.patient();
    LocalDate tomorrow = LocalDate.now(clock.withZone(practice.timeZone())).plusDays(1);
    visitId =
        book.book(
                new AppointmentBook.Booking(
                    patient.id(),
                    doctor.id(),
                    VisitKind.NEW,
                    LocalDateTime.of(tomorrow, java.time.LocalTime.of(9, 0)),
                    null),
                doctor.id())
            .id();
  }

  private String page() {
    return "/visits/" + visitId;
  }

  private static Map<String, String> note(String assessment, String goals, String relief) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("presentIllness", "Low back pain radiating to the left leg for 8 months.");
    form.put("examFindings", "Positive straight leg raise on the left at 40 degrees.");
    form.put("imagingReviewed", "MRI: L5-S1 paracentral disc protrusion.");
    form.put("assessment", assessment);
    form.put("freeText", "Synthetic test note.");
    form.put("functionalGoals", goals);
    form.put("expectedRelief", relief);
    return form;
  }

  private HttpResponse<String> post(Http http, String action, Map<String, String> form) {
    return http.submit(page(), action, form);
  }

  private Map<String, Object> stored() {
    return jdbc.sql(
            "SELECT present_illness, assessment, functional_goals, expected_relief_percent,"
                + " signed_at, signed_by FROM visit_note WHERE visit_id = :v")
        .param("v", visitId)
        .query()
        .singleRow();
  }

  private long audited(String action, String type, String id) {
    return audited(action, type, id, "SUCCESS");
  }

  private long audited(String action, String type, String id, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = :t"
                + " AND object_id = :id AND outcome = :o")
        .param("a", action)
        .param("t", type)
        .param("id", id)
        .param("o", outcome)
        .query(Long.class)
        .single();
  }

  @Test
  void theClinicianWritesPlansAndSignsAndTheSignedNoteRefusesEveryEditLosingNothing() {
    Http http = doctor.http();
    String diagnoses = "/patients/" + patient.id() + "/diagnoses";
    http.submit(
        diagnoses,
        diagnoses,
        Map.of("code", "M54.16", "rank", "PRIMARY", "status", "ACTIVE", "onsetDate", ""));
    long diagnosisId =
        jdbc.sql("SELECT max(id) FROM patient_condition WHERE patient_id = :p")
            .param("p", patient.id())
            .query(Long.class)
            .single();

    String draftPage = http.get(page()).body();
    assertThat(draftPage).contains("Visit note", "Draft", "M54.16", "Save and sign");
    assertThat(audited("READ", "Composition", Long.toString(visitId))).isEqualTo(1);

    Map<String, String> form = note("Left L5 radiculopathy.", "", "");
    form.put("diagnosisIds", Long.toString(diagnosisId));
    assertThat(post(http, page() + "/note", form).statusCode()).isEqualTo(302);
    assertThat(stored().get("assessment")).isEqualTo("Left L5 radiculopathy.");
    assertThat(audited("UPDATE", "Composition", Long.toString(visitId))).isEqualTo(1);

    var added =
        post(
            http,
            page() + "/plan",
            Map.of("kind", "PROCEDURE", "procedureCode", "lumbar-tfesi", "detail", "Left L5-S1"));
    assertThat(added.statusCode()).isEqualTo(302);
    post(
        http,
        page() + "/plan",
        Map.of("kind", "CASE_CONFERENCE", "procedureCode", "", "detail", "Surgery or RFA?"));

    var noGoals = post(http, page() + "/sign", form);
    assertThat(noGoals.statusCode()).isEqualTo(422);
    assertThat(noGoals.body())
        .contains("Record the patient&#39;s functional goals and the relief they expect")
        .contains("Left L5 radiculopathy.");
    assertThat(stored().get("signed_at")).isNull();

    Map<String, String> signed =
        note("Left L5 radiculopathy.", "Walk the dog for 30 minutes.", "60");
    signed.put("diagnosisIds", Long.toString(diagnosisId));
    assertThat(post(http, page() + "/sign", signed).statusCode()).isEqualTo(302);
    assertThat(stored().get("signed_by")).isEqualTo(doctor.id());
    assertThat(book.require(visitId).status()).isEqualTo(VisitStatus.DONE);
    String signedPage = http.get(page()).body();
    assertThat(signedPage)
        .contains("Signed", "The note is locked; later changes are addenda.")
        .contains("Walk the dog for 30 minutes.", "60 %", "M54.16")
        .contains("Lumbar transforaminal epidural steroid injection", "Surgery or RFA?")
        .doesNotContain("Save and sign");

    Map<String, Object> before = stored();
    var edit = post(http, page() + "/note", note("Changed my mind.", "Run", "90"));
    assertThat(edit.statusCode()).isEqualTo(422);
    assertThat(edit.body()).contains("was signed on", "cannot change. Write an addendum instead.");
    var resign = post(http, page() + "/sign", note("Changed again.", "Run", "90"));
    assertThat(resign.statusCode()).isEqualTo(422);
    var morePlan =
        post(
            http,
            page() + "/plan",
            Map.of("kind", "PSYCHOLOGY", "procedureCode", "", "detail", "CBT"));
    assertThat(morePlan.statusCode()).isEqualTo(422);
    long itemId = plans.ofPatient(patient.id()).get(0).id();
    assertThat(post(http, page() + "/plan/" + itemId + "/remove", Map.of()).statusCode())
        .isEqualTo(422);
    assertThat(stored()).isEqualTo(before);
    assertThat(plans.ofPatient(patient.id())).hasSize(2);
    assertThat(
            jdbc.sql("SELECT count(*) FROM visit_diagnosis WHERE visit_id = :v")
                .param("v", visitId)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Http nurse = clinic.person(Role.NURSE).http();
    var addendum =
        post(nurse, page() + "/addenda", Map.of("text", "Patient called: pain worse at night."));
    assertThat(addendum.statusCode()).isEqualTo(302);
    assertThat(doctor.http().get(page()).body())
        .contains("Patient called: pain worse at night.", "Dr Test cons-nurse");
    assertThat(post(nurse, page() + "/addenda", Map.of("text", "  ")).statusCode()).isEqualTo(422);
  }

  @Test
  void theDatabaseItselfRefusesToChangeASignedNoteOrItsPlan() {
    notes.addPlanItem(visitId, doctor.id(), PlanItemKind.PHYSICAL_THERAPY, null, "6 weeks core");
    notes.sign(visitId, doctor.id(), draft("Facet arthropathy.", "Garden again", 50));
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE visit_note SET assessment = 'x' WHERE visit_id = :v")
                    .param("v", visitId)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("is signed and cannot change");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE treatment_plan_item SET detail = 'x' WHERE visit_id = :v")
                    .param("v", visitId)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM treatment_plan_item WHERE visit_id = :v")
                    .param("v", visitId)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThat(
            jdbc.sql("UPDATE treatment_plan_item SET status = 'ORDERED' WHERE visit_id = :v")
                .param("v", visitId)
                .update())
        .isEqualTo(1);
  }

  private static NoteDraft draft(String assessment, String goals, Integer relief) {
    return new NoteDraft("HPI", "Exam", "Imaging", assessment, "", goals, relief, List.of());
  }

  @Test
  void signingPublishesTheNoteAndEachPlannedTreatmentAndAConferenceRequest() {
    notes.addPlanItem(visitId, doctor.id(), PlanItemKind.PROCEDURE, "lumbar-mbb", "L4-5 bilateral");
    PlanItem conference =
        notes.addPlanItem(
            visitId, doctor.id(), PlanItemKind.CASE_CONFERENCE, null, "Fusion candidate?");
    notes.sign(visitId, doctor.id(), draft("Facet pain.", "Sit through a film", 50));

    assertThat(events.stream(VisitNoteSigned.class))
        .containsExactly(new VisitNoteSigned(visitId, patient.id(), doctor.id()));
    assertThat(events.stream(TreatmentPlanned.class))
        .extracting(TreatmentPlanned::kind, TreatmentPlanned::procedureCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PlanItemKind.PROCEDURE, "lumbar-mbb"),
            org.assertj.core.groups.Tuple.tuple(PlanItemKind.CASE_CONFERENCE, null));
    assertThat(events.stream(CaseConferenceRequested.class))
        .containsExactly(new CaseConferenceRequested(visitId, patient.id(), conference.id()));
    assertThat(plans.item(conference.id()).orElseThrow().detail()).isEqualTo("Fusion candidate?");
    assertThat(plans.openItemsOwnedBy(doctor.id())).hasSize(2);

    assertThat(goals.of(patient.id()))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.expectedReliefPercent()).isEqualTo(50);
              assertThat(g.functionalGoals()).isEqualTo("Sit through a film");
              assertThat(g.visitId()).isEqualTo(visitId);
            });
    assertThat(goals.inForceAt(patient.id(), clock.instant().minusSeconds(3600))).isEmpty();
    assertThat(goals.inForceAt(patient.id(), clock.instant().plusSeconds(1))).isPresent();
  }

  @Test
  void anotherPhysicianCannotWriteOrSignTheNoteAndNeitherCanANurseOrTheFrontDesk() {
    Person other = clinic.person(Role.PAIN_PHYSICIAN);
    assertThat(other.http().get(page()).statusCode()).isEqualTo(200);
    assertThat(other.http().get(page()).body()).doesNotContain("Save and sign");
    assertThat(post(other.http(), page() + "/note", note("Mine", "", "")).statusCode())
        .isEqualTo(403);
    assertThat(post(other.http(), page() + "/sign", note("Mine", "", "")).statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    other.http(),
                    page() + "/plan",
                    Map.of("kind", "PSYCHOLOGY", "procedureCode", "", "detail", "CBT"))
                .statusCode())
        .isEqualTo(403);
    assertThat(audited("UPDATE", "Composition", Long.toString(visitId))).isZero();
    assertThat(audited("UPDATE", "Composition", Long.toString(visitId), "FAILURE")).isEqualTo(3);

    Http nurse = clinic.person(Role.NURSE).http();
    assertThat(post(nurse, page() + "/sign", note("Nurse", "", "")).statusCode()).isEqualTo(403);
    assertThat(post(nurse, page() + "/note", note("Nurse", "", "")).statusCode()).isEqualTo(403);

    for (Role role : new Role[] {Role.FRONT_DESK, Role.PRACTICE_ADMIN, Role.RECRUITER}) {
      Http outsider = clinic.person(role).http();
      assertThat(outsider.get(page()).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(
              outsider
                  .submit("/account/security", page() + "/addenda", Map.of("text", "x"))
                  .statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM visit_note WHERE visit_id = :v")
                .param("v", visitId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(clinic.person(Role.NURSE).http().get("/visits/999999").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedInWordsAndKeepsWhatWasTyped() {
    Http http = doctor.http();
    var notANumber = post(http, page() + "/note", note("Typed assessment", "Goal", "lots"));
    assertThat(notANumber.statusCode()).isEqualTo(422);
    assertThat(notANumber.body())
        .contains("The expected relief is a whole percentage from 0 to 100")
        .contains("Typed assessment");
    var tooMuch = post(http, page() + "/note", note("Typed assessment", "Goal", "150"));
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.body()).contains("a percentage from 0 to 100");
    Map<String, String> strange = note("Typed", "", "");
    strange.put("diagnosisIds", "987654");
    assertThat(post(http, page() + "/note", strange).body())
        .contains("Choose the diagnoses from the patient&#39;s problem list");
    var unknownProcedure =
        post(
            http,
            page() + "/plan",
            Map.of("kind", "PROCEDURE", "procedureCode", "x", "detail", ""));
    assertThat(unknownProcedure.statusCode()).isEqualTo(422);
    assertThat(unknownProcedure.body()).contains("Unknown procedure");
    var noQuestion =
        post(
            http,
            page() + "/plan",
            Map.of("kind", "CASE_CONFERENCE", "procedureCode", "", "detail", " "));
    assertThat(noQuestion.body()).contains("Write the question the case conference should answer.");
    var noAssessment = post(http, page() + "/sign", note("", "", ""));
    assertThat(noAssessment.statusCode()).isEqualTo(422);
    assertThat(noAssessment.body()).contains("Write the assessment before signing the note.");
    var addendumTooEarly = post(http, page() + "/addenda", Map.of("text", "Early"));
    assertThat(addendumTooEarly.statusCode()).isEqualTo(422);
    assertThat(
            jdbc.sql("SELECT count(*) FROM visit_note WHERE visit_id = :v AND assessment <> ''")
                .param("v", visitId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(plans.ofPatient(patient.id())).isEmpty();
  }

  @Test
  void planItemsOfASignedNoteMoveOnlyForwardThroughTheirStatus() {
    PlanItem pt =
        notes.addPlanItem(visitId, doctor.id(), PlanItemKind.PHYSICAL_THERAPY, null, "Core");
    assertThatThrownBy(
            () -> notes.changeItemStatus(visitId, pt.id(), doctor.id(), PlanItemStatus.ORDERED))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("draft until the note is signed");
    notes.sign(visitId, doctor.id(), draft("Myofascial pain.", "", null));
    Http nurse = clinic.person(Role.NURSE).http();
    String action = page() + "/plan/" + pt.id() + "/status";
    assertThat(post(nurse, action, Map.of("status", "ORDERED")).statusCode()).isEqualTo(302);
    assertThat(post(nurse, action, Map.of("status", "DONE")).statusCode()).isEqualTo(302);
    var back = post(nurse, action, Map.of("status", "ORDERED"));
    assertThat(back.statusCode()).isEqualTo(422);
    assertThat(back.body()).contains("is done; it cannot become ordered");
    assertThat(plans.openItemsOwnedBy(doctor.id())).isEmpty();
    assertThat(
            clinic
                .person(Role.FRONT_DESK)
                .http()
                .submit("/visits", action, Map.of("status", "CANCELLED"))
                .statusCode())
        .isEqualTo(403);
  }
}
