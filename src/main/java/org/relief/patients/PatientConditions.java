package org.relief.patients;

import java.time.LocalDate;
import java.util.List;
import org.relief.patients.diagnoses.Diagnosis;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.springframework.stereotype.Service;

/**
 * What other modules read of a patient's diagnoses (the problem list is kept in {@code patients}).
 * Reads are audited by the problem list itself.
 */
@Service
public class PatientConditions {

  private final PatientDiagnoses diagnoses;

  PatientConditions(PatientDiagnoses diagnoses) {
    this.diagnoses = diagnoses;
  }

  /**
   * One diagnosis as other modules see it.
   *
   * @param code the ICD-10-CM code with its dot, e.g. {@code M54.16}
   * @param confirmed whether the code is confirmed against its source (clinical-rules.md §5b)
   */
  public record Condition(
      long id,
      String code,
      String description,
      boolean primary,
      boolean active,
      LocalDate onsetDate,
      boolean confirmed) {

    /** Whether the code falls under one of these ICD-10-CM prefixes (e.g. {@code E11}). */
    public boolean underAny(List<String> prefixes) {
      return prefixes.stream().anyMatch(code::startsWith);
    }
  }

  /** The patient's diagnoses, active first (audited). */
  public List<Condition> of(long patientId) {
    return diagnoses.of(patientId).stream().map(PatientConditions::condition).toList();
  }

  /** The patient's active diagnoses (audited). */
  public List<Condition> active(long patientId) {
    return of(patientId).stream().filter(Condition::active).toList();
  }

  private static Condition condition(Diagnosis d) {
    return new Condition(
        d.id(),
        d.code().code(),
        d.code().description(),
        d.rank() == DiagnosisRank.PRIMARY,
        d.status() == DiagnosisStatus.ACTIVE,
        d.onsetDate(),
        d.code().confirmed());
  }
}
