package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.PerformedProcedures.Completed;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReliefIntegrationTest
@RecordApplicationEvents
class PerformedProceduresTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired PerformedProcedures performed;
  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;

  private Patient patient() {
    int n = SEQ.incrementAndGet();
    return registry.register(
        new PatientDetails(
            "PP-" + n,
            "Performa",
            "Pia" + n,
            LocalDate.of(1958, 2, 3),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private UserAccount user(Role role) {
    return accounts.create(
        new UserAccounts.NewUser(
            "operator-" + SEQ.incrementAndGet(),
            "Dr Operator",
            "a-long-enough-pass",
            Set.of(role)));
  }

  private Completed rfa(Patient patient, UserAccount operator, LocalDate on, String... levels) {
    return new Completed(
        patient.id(), "lumbar-rfa", on, operator.id(), List.of(levels), Laterality.RIGHT, 7, 2);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  @Test
  void recordsACompletedProcedureAndAnnouncesItWithIdsAndDateOnly() {
    Patient patient = patient();
    UserAccount physician = user(Role.PAIN_PHYSICIAN);

    PerformedProcedure done =
        performed.recordCompleted(rfa(patient, physician, today(), "L4–L5", "L5–S1"));

    assertThat(done.procedureType()).isEqualTo("lumbar-rfa");
    assertThat(done.levels()).containsExactly("L4–L5", "L5–S1");
    assertThat(done.laterality()).isEqualTo(Laterality.RIGHT);
    assertThat(done.preProcedureNrs()).isEqualTo(7);
    assertThat(done.postProcedureNrs()).isEqualTo(2);
    assertThat(events.stream(ProcedurePerformed.class))
        .containsExactly(new ProcedurePerformed(done.id(), patient.id(), today()));
  }

  @Test
  void listsAPatientsProceduresOldestFirstAndAnOperatorsByPeriod() {
    Patient patient = patient();
    UserAccount physician = user(Role.PAIN_PHYSICIAN);
    PerformedProcedure later =
        performed.recordCompleted(rfa(patient, physician, today().minusDays(3), "L3–L4"));
    PerformedProcedure earlier =
        performed.recordCompleted(
            new Completed(
                patient.id(),
                "trigger-point-injection",
                today().minusDays(40),
                physician.id(),
                List.of(),
                Laterality.LEFT,
                null,
                null));

    assertThat(performed.forPatient(patient.id()))
        .extracting(PerformedProcedure::id)
        .containsExactly(earlier.id(), later.id());
    assertThat(performed.byOperator(physician.id(), today().minusDays(10), today()))
        .extracting(PerformedProcedure::id)
        .containsExactly(later.id());
    assertThat(performed.find(earlier.id())).contains(earlier);
  }

  @Test
  void refusesALevelTheProcedureIsNotDoneAt() {
    Patient patient = patient();
    assertThatThrownBy(
            () ->
                performed.recordCompleted(
                    rfa(patient, user(Role.PAIN_PHYSICIAN), today(), "C5–C6")))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("C5–C6 is not a level for Lumbar facet radiofrequency ablation");
    assertThat(performed.forPatient(patient.id())).isEmpty();
  }

  @Test
  void refusesALevelBasedProcedureWithoutLevelsAndLevelsWhereThereAreNone() {
    Patient patient = patient();
    UserAccount physician = user(Role.PAIN_PHYSICIAN);
    assertThatThrownBy(() -> performed.recordCompleted(rfa(patient, physician, today())))
        .hasMessageContaining("Give at least one level");
    assertThatThrownBy(
            () ->
                performed.recordCompleted(
                    new Completed(
                        patient.id(),
                        "trigger-point-injection",
                        today(),
                        physician.id(),
                        List.of("L4–L5"),
                        Laterality.LEFT,
                        null,
                        null)))
        .hasMessageContaining("is not done at spinal levels");
  }

  @Test
  void refusesAFutureDateAnOutOfRangeScoreAndAnOperatorWhoIsNoPhysician() {
    Patient patient = patient();
    UserAccount physician = user(Role.PAIN_PHYSICIAN);
    assertThatThrownBy(
            () -> performed.recordCompleted(rfa(patient, physician, today().plusDays(1), "L4–L5")))
        .hasMessageContaining("is in the future");
    assertThatThrownBy(
            () ->
                performed.recordCompleted(
                    new Completed(
                        patient.id(),
                        "lumbar-rfa",
                        today(),
                        physician.id(),
                        List.of("L4–L5"),
                        Laterality.LEFT,
                        11,
                        null)))
        .hasMessageContaining("0 to 10");
    assertThatThrownBy(
            () -> performed.recordCompleted(rfa(patient, user(Role.NURSE), today(), "L4–L5")))
        .hasMessageContaining("only a pain physician or surgeon performs procedures");
    assertThatThrownBy(
            () ->
                performed.recordCompleted(
                    new Completed(
                        patient.id(),
                        "lumbar-fusion",
                        today(),
                        physician.id(),
                        List.of(),
                        Laterality.LEFT,
                        null,
                        null)))
        .hasMessageContaining("Unknown procedure 'lumbar-fusion'");
    assertThat(performed.forPatient(patient.id())).isEmpty();
    assertThat(events.stream(ProcedurePerformed.class)).isEmpty();
  }

  @Test
  void refusesAnUnknownPatient() {
    assertThatThrownBy(() -> performed.forPatient(-5)).isInstanceOf(PatientNotFound.class);
  }
}
