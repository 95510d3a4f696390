package org.relief.followups;

import java.time.LocalDate;

/**
 * A follow-up of a procedure was put on the schedule (once per procedure and time point).
 *
 * @param timepoint the point of the plan as an ISO-8601 duration after the procedure, e.g. {@code
 *     P3M}
 */
public record FollowUpScheduled(
    long followUpId, long procedureId, long patientId, String timepoint, LocalDate dueOn) {}
