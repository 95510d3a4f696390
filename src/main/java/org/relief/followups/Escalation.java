package org.relief.followups;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up a nurse escalated to the physician who performed the procedure, open until that
 * physician closes it.
 *
 * @param timepoint the follow-up's point as an ISO-8601 period after the procedure
 * @param raisedBy the username of the nurse who escalated
 */
public record Escalation(
    long id,
    long followUpId,
    long patientId,
    long procedureId,
    long physicianUserId,
    String timepoint,
    List<RedFlag> redFlags,
    String raisedBy,
    Instant raisedAt) {

  public Escalation {
    redFlags = List.copyOf(redFlags);
  }
}
