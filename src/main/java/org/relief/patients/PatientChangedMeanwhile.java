package org.relief.patients;

import org.relief.platform.RuleViolation;

/** Someone else saved the patient while this edit was open (optimistic locking). */
public class PatientChangedMeanwhile extends RuleViolation {

  public PatientChangedMeanwhile(long id) {
    super(
        "patient-changed-meanwhile",
        "Someone else changed patient "
            + id
            + "'s details while you were editing. Nothing of yours was saved; the form now shows"
            + " the current details.");
  }
}
