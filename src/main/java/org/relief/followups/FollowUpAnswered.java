package org.relief.followups;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient answered a scheduled follow-up of a procedure.
 *
 * @param timepoint the point of the plan as an ISO-8601 duration after the procedure, e.g. {@code
 *     P2W}, {@code P3M}
 * @param responseIds the scored instruments of the answer (read them through {@code
 *     assessments.PatientQuestionnaires#scores})
 */
public record FollowUpAnswered(
    long followUpId,
    long procedureId,
    long patientId,
    String timepoint,
    LocalDate answeredOn,
    List<Long> responseIds) {

  public FollowUpAnswered {
    responseIds = List.copyOf(responseIds);
  }
}
