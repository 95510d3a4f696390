package org.relief.patients.diagnoses;

import java.time.LocalDate;

/**
 * A diagnosis on a patient's problem list, with its catalogue entry.
 *
 * @param onsetDate {@code null} when not known
 */
public record Diagnosis(
    long id,
    long patientId,
    DiagnosisCode code,
    DiagnosisRank rank,
    DiagnosisStatus status,
    LocalDate onsetDate) {

  public boolean activePrimary() {
    return rank == DiagnosisRank.PRIMARY && status == DiagnosisStatus.ACTIVE;
  }
}
