package org.relief.patients;

import java.util.List;
import java.util.Optional;

/**
 * A patient's current medications on a day.
 *
 * @param mme the total daily MME across the current opioids with thresholds and guidance
 *     (clinical-rules.md §2d); empty when the patient takes no opioid
 */
public record CurrentMedications(
    long patientId,
    java.time.LocalDate asOf,
    List<CurrentMedication> medications,
    Optional<MmeCalculation> mme) {

  public CurrentMedications {
    medications = List.copyOf(medications);
  }

  /** The current medications Relief knows to matter for bleeding risk. */
  public List<CurrentMedication> bleedingRisk() {
    return medications.stream().filter(m -> m.drugClass().known()).toList();
  }
}
