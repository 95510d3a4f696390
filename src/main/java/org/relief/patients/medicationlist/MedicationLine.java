package org.relief.patients.medicationlist;

import org.relief.patients.DrugClassification;
import org.relief.patients.MedicationMme;

/**
 * A medication with what Relief knows about it.
 *
 * @param mme its daily MME when it is an opioid of the CDC 2022 table; {@code null} otherwise
 * @param current whether it counts today (started, not stopped)
 */
public record MedicationLine(
    Medication medication, boolean current, MedicationMme mme, DrugClassification drugClass) {

  public boolean opioid() {
    return mme != null;
  }
}
