package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One follow-up time point of an episode and what the patient answered.
 *
 * @param status {@code DUE}, {@code ANSWERED} or {@code MISSED}
 * @param dueOn {@code null} when the answer or miss arrived before the schedule
 * @param pgicResponder whether the PGIC answer counts as a responder under the assessments module's
 *     setting (clinical-rules.md §3.12, status U)
 * @param responder30 ≥ 30 % NRS reduction (clinical-rules.md §3.15); {@code null} when it cannot be
 *     judged (no answer, no NRS, or no baseline above 0)
 * @param responder50 ≥ 50 % NRS reduction (clinical-rules.md §3.15), likewise
 */
public record Measure(
    long followUpId,
    long procedureId,
    Timepoint timepoint,
    String status,
    LocalDate dueOn,
    LocalDate answeredOn,
    BigDecimal nrs,
    BigDecimal odi,
    BigDecimal ndi,
    Integer pgic,
    Boolean pgicResponder,
    Boolean responder30,
    Boolean responder50) {

  public boolean answered() {
    return "ANSWERED".equals(status);
  }
}
