package org.relief.patients;

/**
 * A patient's current medications, for modules that plan care around them (the procedures module
 * reads anticoagulants and opioids before a procedure). Reading is audited as an access to the
 * patient's {@code MedicationStatement}s.
 */
public interface PatientMedications {

  /** The medications the patient takes today, with the daily MME of the opioids among them. */
  CurrentMedications current(long patientId);

  /** Every medication the patient takes or took, with today's total MME (one audited read). */
  MedicationHistory history(long patientId);
}
