package org.relief.conferences;

import java.time.Instant;

/**
 * A case conference asked for in a signed consultation's treatment plan, waiting for a clinician to
 * place it on a conference.
 *
 * @param question the plan item's question, carried into the nomination
 * @param requestedBy the clinician who owns the plan item
 * @param caseId the nomination it became; {@code null} while it awaits a conference
 */
public record AwaitingConference(
    long id,
    long planItemId,
    long visitId,
    long patientId,
    String question,
    long requestedBy,
    Instant requestedAt,
    Long caseId) {

  public boolean placed() {
    return caseId != null;
  }
}
