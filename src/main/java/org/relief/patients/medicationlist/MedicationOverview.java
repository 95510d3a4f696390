package org.relief.patients.medicationlist;

import java.time.LocalDate;
import java.util.List;
import org.relief.patients.MmeCalculation;

/**
 * A patient's medication list on a day.
 *
 * @param mme the total across the current opioids; {@code null} when none is current
 */
public record MedicationOverview(
    long patientId,
    LocalDate asOf,
    List<MedicationLine> current,
    List<MedicationLine> notCurrent,
    MmeCalculation mme) {

  public boolean empty() {
    return current.isEmpty() && notCurrent.isEmpty();
  }

  /** Current anticoagulants, antiplatelets, NSAIDs and supplements with bleeding-risk advice. */
  public List<MedicationLine> bleedingRisk() {
    return current.stream().filter(l -> l.drugClass().known()).toList();
  }
}
