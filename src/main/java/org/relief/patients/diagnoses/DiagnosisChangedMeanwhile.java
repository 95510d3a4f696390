package org.relief.patients.diagnoses;

import org.relief.platform.RuleViolation;

/** The diagnosis is no longer at the version the change was based on (optimistic locking). */
public class DiagnosisChangedMeanwhile extends RuleViolation {

  private final int current;

  DiagnosisChangedMeanwhile(long id, int asked, int current) {
    super(
        "diagnosis-changed-meanwhile",
        "Diagnosis "
            + id
            + " was changed by someone else: it is at version "
            + current
            + ", not "
            + asked
            + ". Nothing was saved; read it again before changing it.");
    this.current = current;
  }

  /** The version the diagnosis is at now. */
  public int current() {
    return current;
  }
}
