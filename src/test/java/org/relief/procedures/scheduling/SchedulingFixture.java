package org.relief.procedures.scheduling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.medicationlist.Frequency;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.patients.medicationlist.MedicationUnit;
import org.relief.patients.medicationlist.NewMedication;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.ProcedureBooking;

/** Rooms, sessions, patients and staff for scheduling tests, each new and uniquely named. */
final class SchedulingFixture {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final ProcedureRooms rooms;
  private final PatientRegistry registry;
  private final UserAccounts accounts;
  private final MedicationList medications;
  private final PatientDiagnoses diagnoses;

  SchedulingFixture(
      ProcedureRooms rooms,
      PatientRegistry registry,
      UserAccounts accounts,
      MedicationList medications,
      PatientDiagnoses diagnoses) {
    this.rooms = rooms;
    this.registry = registry;
    this.accounts = accounts;
    this.medications = medications;
    this.diagnoses = diagnoses;
  }

  static int next() {
    return SEQ.incrementAndGet();
  }

  UserAccount user(Role role) {
    return accounts.create(
        new UserAccounts.NewUser(
            "sched-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + next(),
            "Dr Sched " + next(),
            "a-long-enough-pass",
            Set.of(role)));
  }

  ProcedureRoom room() {
    return rooms.addRoom("Room T" + next(), List.of(Imaging.FLUOROSCOPY));
  }

  /** A 13:00–17:00 session on that day with a new pain physician in a new room. */
  SessionDay session(LocalDate day) {
    return rooms.addSession(
        room().id(), day, LocalTime.of(13, 0), LocalTime.of(17, 0), user(Role.PAIN_PHYSICIAN).id());
  }

  Patient patient(Sex sex, LocalDate born) {
    int n = next();
    return registry.register(
        new PatientDetails("SCH-" + n, "Schedule", "Sam" + n, born, sex, null, null, "en"));
  }

  Patient man() {
    return patient(Sex.MALE, LocalDate.of(1960, 4, 2));
  }

  void takes(Patient patient, String drug, LocalDate since) {
    medications.add(
        patient.id(),
        new NewMedication(
            drug, new BigDecimal("5"), MedicationUnit.MG, Frequency.TIMES_PER_DAY, 2, since, null));
  }

  void diagnosed(Patient patient, String code) {
    diagnoses.add(patient.id(), code, DiagnosisRank.SECONDARY, DiagnosisStatus.ACTIVE, null);
  }

  static ProcedureBooking tfesi(Patient patient, SessionDay session, String start) {
    return new ProcedureBooking(
        patient.id(),
        session.id(),
        "lumbar-tfesi",
        List.of("L4–L5"),
        Laterality.LEFT,
        false,
        null,
        false,
        null,
        LocalTime.parse(start),
        null);
  }

  static ProcedureBooking trigger(Patient patient, SessionDay session, String start) {
    return new ProcedureBooking(
        patient.id(),
        session.id(),
        "trigger-point-injection",
        List.of(),
        Laterality.NOT_APPLICABLE,
        false,
        null,
        false,
        null,
        LocalTime.parse(start),
        null);
  }
}
