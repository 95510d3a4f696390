package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.NoteDetails.OperatorRole;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReliefIntegrationTest
@RecordApplicationEvents
class ProcedureNotesTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcedureNotes notes;
  @Autowired PerformedProcedures performed;
  @Autowired SteroidExposure steroids;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;

  private Patient patient() {
    return TestPatients.register(registry, "PN", Sex.FEMALE);
  }

  private UserAccount physician(String username) {
    return accounts.create(
        new UserAccounts.NewUser(
            username, "Dr " + username, Staff.PASSWORD, Set.of(Role.PAIN_PHYSICIAN)));
  }

  private UserAccount physician() {
    return physician("pn-doc-" + SEQ.incrementAndGet());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private ProcedureNote tfesi(Patient patient, UserAccount operator) {
    return notes.start(
        new ProcedureNotes.Start(
            patient.id(),
            "lumbar-tfesi",
            null,
            operator.id(),
            today(),
            List.of("L4–L5"),
            Laterality.LEFT));
  }

  private static NoteDetails complete(LocalDate on, List<Injectate> injectates) {
    return new NoteDetails(
        on,
        OperatorRole.PRIMARY,
        null,
        List.of("L4–L5", "L5–S1"),
        Laterality.LEFT,
        "transforaminal, subpedicular",
        Imaging.FLUOROSCOPY,
        new BigDecimal("21.5"),
        new BigDecimal("3.2"),
        "iohexol 240",
        new BigDecimal("1.5"),
        injectates,
        null,
        null,
        null,
        Sedation.NONE,
        null,
        Set.of(),
        null,
        7,
        3,
        "Good contrast flow along the L5 nerve root.");
  }

  private static List<Injectate> dexamethasone(String mg) {
    return List.of(
        new Injectate(InjectateDrug.DEXAMETHASONE, new BigDecimal(mg), new BigDecimal("1")),
        new Injectate(InjectateDrug.LIDOCAINE, null, new BigDecimal("1")));
  }

  @Test
  void aNoteStartedSavedAndCompletedAnnouncesTheProcedureOnce() {
    Patient patient = patient();
    UserAccount doctor = physician();
    ProcedureNote draft = tfesi(patient, doctor);
    assertThat(draft.completed()).isFalse();
    assertThat(performed.forPatient(patient.id())).isEmpty();

    ProcedureNote saved =
        notes.save(draft.id(), draft.version(), complete(today(), dexamethasone("10")));
    ProcedureNote done = notes.complete(saved.id(), saved.version(), doctor.id());

    assertThat(done.completed()).isTrue();
    assertThat(events.stream(ProcedurePerformed.class))
        .containsExactly(new ProcedurePerformed(done.id(), patient.id(), today()));
    PerformedProcedure record = performed.find(done.id()).orElseThrow();
    assertThat(record.levels()).containsExactly("L4–L5", "L5–S1");
    assertThat(record.preProcedureNrs()).isEqualTo(7);
    assertThat(notes.coding(done))
        .extracting(CptDerivation.CodedLine::code, CptDerivation.CodedLine::units)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("64483", 1),
            org.assertj.core.groups.Tuple.tuple("64484", 1));
  }

  @Test
  void aCompletedNoteIsLockedAndKeepsWhatItSaid() {
    Patient patient = patient();
    UserAccount doctor = physician();
    ProcedureNote draft = tfesi(patient, doctor);
    ProcedureNote saved =
        notes.save(draft.id(), draft.version(), complete(today(), dexamethasone("10")));
    ProcedureNote done = notes.complete(saved.id(), saved.version(), doctor.id());

    assertThatThrownBy(
            () -> notes.save(done.id(), done.version(), complete(today(), dexamethasone("20"))))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("is locked");
    assertThatThrownBy(() -> notes.complete(done.id(), done.version(), doctor.id()))
        .hasMessageContaining("is locked");
    assertThat(notes.get(done.id()).details().injectates().get(0).doseMg())
        .isEqualByComparingTo("10");
  }

  @Test
  void completingListsEverythingThatIsMissing() {
    Patient patient = patient();
    UserAccount doctor = physician();
    ProcedureNote draft = tfesi(patient, doctor);

    assertThatThrownBy(() -> notes.complete(draft.id(), draft.version(), doctor.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("give the image guidance")
        .hasMessageContaining("give the sedation")
        .hasMessageContaining("give the pain score before and after");
    assertThat(events.stream(ProcedurePerformed.class)).isEmpty();
  }

  @Test
  void onlyTheOperatorOrTheSupervisorCompletesANote() {
    Patient patient = patient();
    UserAccount fellow = physician();
    UserAccount attending = physician();
    UserAccount colleague = physician();
    ProcedureNote draft = tfesi(patient, fellow);
    NoteDetails supervised = complete(today(), dexamethasone("10"));
    supervised =
        new NoteDetails(
            supervised.performedOn(),
            OperatorRole.SUPERVISED,
            attending.id(),
            supervised.levels(),
            supervised.laterality(),
            supervised.approach(),
            supervised.imaging(),
            supervised.fluoroSeconds(),
            supervised.fluoroDoseMgy(),
            supervised.contrastAgent(),
            supervised.contrastMl(),
            supervised.injectates(),
            null,
            null,
            null,
            supervised.sedation(),
            null,
            Set.of(),
            null,
            6,
            2,
            null);
    ProcedureNote saved = notes.save(draft.id(), draft.version(), supervised);

    assertThatThrownBy(() -> notes.complete(saved.id(), saved.version(), colleague.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(notes.complete(saved.id(), saved.version(), attending.id()).completed()).isTrue();
  }

  @Test
  void aSaveOnAStaleVersionIsRefusedInsteadOfOverwriting() {
    Patient patient = patient();
    UserAccount doctor = physician();
    ProcedureNote draft = tfesi(patient, doctor);
    notes.save(draft.id(), draft.version(), complete(today(), dexamethasone("10")));

    assertThatThrownBy(
            () -> notes.save(draft.id(), draft.version(), complete(today(), dexamethasone("4"))))
        .hasMessageContaining("saved by someone else meanwhile");
    assertThat(notes.get(draft.id()).details().injectates().get(0).doseMg())
        .isEqualByComparingTo("10");
  }

  @Test
  void startingTheNoteOfABookedProcedureTwiceOpensTheSameNote() {
    Patient patient = patient();
    UserAccount doctor = physician();
    ProcedureNotes.Start start =
        new ProcedureNotes.Start(
            patient.id(),
            "lumbar-mbb",
            990_000L + SEQ.incrementAndGet(),
            doctor.id(),
            today(),
            List.of("L4–L5"),
            Laterality.BILATERAL);
    assertThat(notes.start(start).id()).isEqualTo(notes.start(start).id());
  }

  @Test
  void steroidExposureAddsCompletedProceduresOverTwelveMonthsInMethylprednisoloneEquivalent() {
    Patient patient = patient();
    UserAccount doctor = physician();
    for (int monthsAgo : new int[] {13, 8, 2}) {
      LocalDate on = today().minusMonths(monthsAgo);
      ProcedureNote draft =
          notes.start(
              new ProcedureNotes.Start(
                  patient.id(),
                  "lumbar-tfesi",
                  null,
                  doctor.id(),
                  on,
                  List.of("L4–L5"),
                  Laterality.LEFT));
      List<Injectate> steroid =
          monthsAgo == 8
              ? List.of(new Injectate(InjectateDrug.TRIAMCINOLONE, new BigDecimal("80"), null))
              : dexamethasone("15");
      ProcedureNote saved = notes.save(draft.id(), draft.version(), complete(on, steroid));
      notes.complete(saved.id(), saved.version(), doctor.id());
    }

    SteroidExposure.Exposure exposure = steroids.forPatient(patient.id(), today());
    // 80 mg triamcinolone = 80 mg methylprednisolone; 15 mg dexamethasone x 4/0.75 = 80 mg.
    assertThat(exposure.totalMg()).isEqualByComparingTo("160.0");
    assertThat(exposure.contributions()).hasSize(2);
    assertThat(exposure.overThreshold()).isFalse();
    assertThat(exposure.overThresholdWith(new BigDecimal("60"))).isTrue();
    assertThat(exposure.confirmed()).isFalse();
  }

  @Test
  void thePhysicianWritesTheNoteOnItsPageAndAWrongValueKeepsWhatWasTyped() {
    Patient patient = patient();
    String username = "pn-page-" + SEQ.incrementAndGet();
    UserAccount doctor = physician(username);
    Http browser = Http.browser(port);
    browser.signIn(username, Staff.PASSWORD);

    HttpResponse<String> started =
        browser.submit(
            "/procedures/notes/new?patient=" + patient.id(),
            "/procedures/notes",
            Map.of(
                "patient", Long.toString(patient.id()),
                "procedureType", "lumbar-tfesi",
                "performedOn", today().toString(),
                "operator", Long.toString(doctor.id()),
                "laterality", "left"));
    assertThat(started.statusCode()).isEqualTo(302);
    String notePath =
        started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");

    Map<String, String> form = new HashMap<>();
    form.put("version", "0");
    form.put("action", "save");
    form.put("performedOn", today().toString());
    form.put("laterality", "left");
    form.put("levels", "L4–L5");
    form.put("imaging", "FLUOROSCOPY");
    form.put("fluoroSeconds", "twenty");
    form.put("approach", "transforaminal, subpedicular");
    HttpResponse<String> refused = browser.submit(notePath, notePath, form);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Give the fluoroscopy time (seconds) as a number")
        .contains("value=\"twenty\"")
        .contains("transforaminal, subpedicular");

    form.put("fluoroSeconds", "20");
    assertThat(browser.submit(notePath, notePath, form).statusCode()).isEqualTo(302);
    HttpResponse<String> page = browser.get(notePath + "?saved");
    assertThat(page.body()).contains("Draft saved.").contains("64483");
  }

  @Test
  void frontDeskRecruitersAndSpecialistsCannotOpenNotes() {
    Patient patient = patient();
    ProcedureNote draft = tfesi(patient, physician());
    for (Role role :
        new Role[] {Role.FRONT_DESK, Role.RECRUITER, Role.SPECIALIST, Role.PRACTICE_ADMIN}) {
      Http http = Staff.signedIn(accounts, port, role);
      assertThat(http.get("/procedures/notes/" + draft.id()).statusCode())
          .as(role.name())
          .isEqualTo(403);
      assertThat(http.get("/procedures/notes/new?patient=" + patient.id()).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    assertThat(nurse.get("/procedures/notes/" + draft.id()).statusCode()).isEqualTo(200);
  }

  @Test
  void aNurseCannotCompleteANoteOnThePage() {
    Patient patient = patient();
    ProcedureNote draft = tfesi(patient, physician());
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    String path = "/procedures/notes/" + draft.id();
    HttpResponse<String> refused =
        nurse.submit(
            path,
            path,
            Map.of(
                "version",
                "0",
                "action",
                "complete",
                "performedOn",
                today().toString(),
                "laterality",
                "left",
                "levels",
                "L4–L5"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(notes.get(draft.id()).completed()).isFalse();
  }

  @Test
  void anUnknownNoteIsNotFound() {
    Http doctor = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    assertThat(doctor.get("/procedures/notes/987654321").statusCode()).isEqualTo(404);
  }
}
