package org.relief.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The patient's goals and expected relief from signed visit notes. Outcomes compares the expected
 * relief with the relief achieved once follow-ups arrive (that module comes later; this is the
 * query it will use). Reads are audited as {@code Goal} accesses.
 */
public interface PatientGoals {

  /** Every goal recorded for the patient, oldest first. */
  List<PatientGoal> of(long patientId);

  /** The goal in force at {@code when}: the last one recorded at or before it. */
  Optional<PatientGoal> inForceAt(long patientId, Instant when);
}
