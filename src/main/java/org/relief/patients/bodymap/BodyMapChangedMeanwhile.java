package org.relief.patients.bodymap;

import org.relief.platform.RuleViolation;

/** Someone else saved the body map while this edit was open (optimistic locking). */
public class BodyMapChangedMeanwhile extends RuleViolation {

  public BodyMapChangedMeanwhile(long patientId) {
    super(
        "body-map-changed-meanwhile",
        "Someone else saved patient "
            + patientId
            + "'s body map while you were editing. Nothing of yours was saved; the map now shows"
            + " the saved regions.");
  }
}
