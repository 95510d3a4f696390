package org.relief.followups;

/**
 * A scheduled follow-up of a procedure closed its window without an answer.
 *
 * @param timepoint the point of the plan as an ISO-8601 duration after the procedure, e.g. {@code
 *     P3M}
 */
public record FollowUpMissed(long followUpId, long procedureId, long patientId, String timepoint) {}
