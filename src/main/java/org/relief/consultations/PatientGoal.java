package org.relief.consultations;

import java.time.Instant;

/**
 * What the patient hopes a treatment will achieve, as recorded in a signed visit note before it.
 *
 * @param expectedReliefPercent the pain relief the patient expects, 0 to 100; null if not given
 * @param recordedAt when the note was signed
 */
public record PatientGoal(
    long visitId,
    long patientId,
    String functionalGoals,
    Integer expectedReliefPercent,
    Instant recordedAt) {}
