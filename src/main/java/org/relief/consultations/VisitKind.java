package org.relief.consultations;

import java.time.Duration;

/** Why the patient comes, as the front desk books it. */
public enum VisitKind {
  NEW("New patient", Duration.ofMinutes(45)),
  FOLLOW_UP("Follow-up", Duration.ofMinutes(20)),
  POST_PROCEDURE("Post-procedure", Duration.ofMinutes(20));

  private final String label;
  private final Duration usualLength;

  VisitKind(String label, Duration usualLength) {
    this.label = label;
    this.usualLength = usualLength;
  }

  public String label() {
    return label;
  }

  /** The length the booking form proposes. */
  public Duration usualLength() {
    return usualLength;
  }
}
