package org.relief.patients.history;

import org.relief.platform.RuleViolation;

/** Someone else saved the pain history while this edit was open (optimistic locking). */
public class PainHistoryChangedMeanwhile extends RuleViolation {

  public PainHistoryChangedMeanwhile(long patientId) {
    super(
        "pain-history-changed-meanwhile",
        "Someone else saved patient "
            + patientId
            + "'s pain history while you were editing. Nothing of yours was saved; the form now"
            + " shows the saved history.");
  }
}
