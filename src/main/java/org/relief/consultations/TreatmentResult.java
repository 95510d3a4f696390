package org.relief.consultations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One performed procedure and what its follow-ups measured, as {@link AchievedRelief} reports it.
 *
 * @param procedureType the procedure catalogue code
 * @param levels the levels treated, e.g. "L4–L5, L5–S1"; empty when not level-based
 * @param laterality the side as the procedure record codes it; {@code null} or empty when none
 * @param followUps the follow-up time points in order
 */
public record TreatmentResult(
    long procedureId,
    String procedureType,
    String levels,
    String laterality,
    LocalDate performedOn,
    List<FollowUp> followUps) {

  public TreatmentResult {
    followUps = List.copyOf(followUps);
  }

  /**
   * One follow-up time point.
   *
   * @param timepoint in words, "2 weeks", "3 months"
   * @param answered whether the patient answered it
   * @param nrsReductionPercent (baseline − NRS) / baseline × 100, negative when worse; {@code null}
   *     when not answered or not judgeable (no NRS, or no baseline above 0)
   */
  public record FollowUp(String timepoint, boolean answered, BigDecimal nrsReductionPercent) {}
}
