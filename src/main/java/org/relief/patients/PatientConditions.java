package org.relief.patients;

import java.util.List;

/**
 * A patient's diagnoses as other modules see them (a visit note links the diagnoses it addresses).
 * Reading is audited as an access to the patient's {@code Condition}s.
 */
public interface PatientConditions {

  /** The patient's diagnoses, active first. */
  List<Condition> of(long patientId);

  /**
   * One diagnosis on the problem list.
   *
   * @param code ICD-10-CM, with the dot
   * @param description the curated subset's wording (clinical-rules.md §5b)
   */
  record Condition(
      long id, String code, String description, boolean primary, boolean active, String status) {}
}
