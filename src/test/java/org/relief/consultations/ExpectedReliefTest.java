package org.relief.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.consultations.Clinic.Person;
import org.relief.consultations.ReliefComparison.Verdict;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccounts;
import org.relief.outcomes.OutcomeFixture;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relief a patient expected, recorded with the goals of a signed note, against the NRS
 * reduction the outcomes module measured at each answered follow-up, through the real modules.
 */
@ReliefIntegrationTest
class ExpectedReliefTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired ReliefExpectations expectations;

  OutcomeFixture outcomes;
  Clinic clinic;
  Person doctor;
  Patient patient;
  LocalDate today;
  java.time.Instant start;

  @BeforeEach
  void setUp() {
    start = clock.instant();
    outcomes =
        new OutcomeFixture(
            patients,
            diagnoses,
            accounts,
            procedures,
            instruments,
            responses,
            questionnaires,
            events,
            tx,
            jdbc);
    clinic = new Clinic(accounts, patients, port);
    doctor = clinic.person(Role.PAIN_PHYSICIAN);
    patient = clinic.patient();
    today = practice.today(clock);
  }

  @AfterEach
  void resetClock() {
    clock.set(start);
  }

  private long signedVisitWithGoals(LocalDate day, Integer expectedRelief) {
    long visitId =
        book.bookSynthetic(
                new AppointmentBook.Booking(
                    patient.id(),
                    doctor.id(),
                    VisitKind.NEW,
                    LocalDateTime.of(day, LocalTime.of(8, 0)),
                    null),
                doctor.id())
            .id();
    notes.sign(
        visitId,
        doctor.id(),
        new NoteDraft(
            "Low back pain for a year.",
            "Facet loading positive.",
            "",
            "Lumbar facet arthropathy.",
            "Synthetic test note.",
            "Walk the dog for 30 minutes.",
            expectedRelief,
            List.of()));
    return visitId;
  }

  private PerformedProcedure procedure(LocalDate on, int baselineNrs) {
    return outcomes.procedure(
        patient, doctor.account(), "lumbar-mbb", on, List.of("L4–L5"), baselineNrs);
  }

  @Test
  void eachAnsweredFollowUpOfAProcedureAfterTheGoalIsMetOrNotAgainstTheExpectedRelief() {
    PerformedProcedure before = procedure(today.minusDays(30), 8);
    outcomes.answered(before, "P2W", today.minusDays(16), Map.of("nrs", 1));
    long visitId = signedVisitWithGoals(today, 50);
    PerformedProcedure treated = procedure(today, 8);
    outcomes.answered(treated, "P2W", today.plusDays(14), Map.of("nrs", 2));
    outcomes.answered(treated, "P3M", today.plusDays(90), Map.of("nrs", 6));

    List<ReliefComparison> compared = expectations.ofPatient(patient.id());

    assertThat(compared).hasSize(1);
    ReliefComparison c = compared.get(0);
    assertThat(c.treatment().procedureId()).isEqualTo(treated.id());
    assertThat(c.goal().visitId()).isEqualTo(visitId);
    assertThat(c.expectedPercent()).isEqualTo(50);
    assertThat(c.checks())
        .extracting(ReliefComparison.Check::timepoint, ReliefComparison.Check::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2 weeks", Verdict.MET),
            org.assertj.core.groups.Tuple.tuple("3 months", Verdict.NOT_MET));
    assertThat(c.verdict()).as("as the patient stands now").isEqualTo(Verdict.NOT_MET);
    assertThat(c.line())
        .contains("L4–L5", "right", "on " + today)
        .endsWith("expected 50 % — 2 weeks: 75 % met; 3 months: 25 % not met");
    assertThat(expectations.ofVisit(visitId, patient.id())).hasSize(1);
    assertThat(expectations.ofVisit(visitId + 1_000_000, patient.id())).isEmpty();
  }

  @Test
  void aProcedureWithoutAnAnsweredFollowUpIsNotYetKnown() {
    signedVisitWithGoals(today, 70);
    procedure(today, 6);

    ReliefComparison c = expectations.ofPatient(patient.id()).get(0);

    assertThat(c.checks()).isEmpty();
    assertThat(c.verdict()).isEqualTo(Verdict.NOT_YET_KNOWN);
    assertThat(c.line()).endsWith("expected 70 % — not yet known (no follow-up answered yet)");
  }

  @Test
  void anAnswerWithoutABaselineCannotBeJudgedAndAGoalWithoutExpectedReliefComparesNothing() {
    signedVisitWithGoals(today, null);
    PerformedProcedure unjudged = procedure(today, 0);
    outcomes.answered(unjudged, "P2W", today.plusDays(14), Map.of("nrs", 2));
    assertThat(expectations.ofPatient(patient.id()))
        .as("no goal names an expected relief")
        .isEmpty();

    clock.advance(java.time.Duration.ofMinutes(5));
    signedVisitWithGoals(today.plusDays(1), 40);
    PerformedProcedure later = procedure(today, 0);
    outcomes.answered(later, "P2W", today.plusDays(14), Map.of("nrs", 2));

    List<ReliefComparison> compared = expectations.ofPatient(patient.id());
    assertThat(compared).extracting(x -> x.treatment().procedureId()).contains(later.id());
    ReliefComparison c =
        compared.stream().filter(x -> x.treatment().procedureId() == later.id()).findFirst().get();
    assertThat(c.checks())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.achievedPercent()).isNull();
              assertThat(k.verdict()).isEqualTo(Verdict.NOT_YET_KNOWN);
            });
    assertThat(c.verdict()).isEqualTo(Verdict.NOT_YET_KNOWN);
  }

  @Test
  void theVisitPageAndThePreVisitSummaryShowTheComparison() {
    long visitId = signedVisitWithGoals(today, 50);
    PerformedProcedure treated = procedure(today, 8);
    outcomes.answered(treated, "P2W", today.plusDays(14), Map.of("nrs", 2));

    String visit = doctor.http().get("/visits/" + visitId).body();
    String summary = doctor.http().get("/patients/" + patient.id() + "/summary").body();

    assertThat(visit)
        .contains("Expected relief against achieved", "data-procedure=\"" + treated.id() + "\"")
        .contains("2 weeks: ", "75 %", "verdict-met");
    assertThat(summary)
        .contains("Expected relief against achieved")
        .contains("data-procedure-expectation=\"" + treated.id() + "\"")
        .contains("expected 50 % — 2 weeks: 75 % met");
  }
}
