package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one procedure brought the patient: each follow-up against the baseline, how long ≥ 50 %
 * relief lasted, and opioid use before against after.
 *
 * @param odiMcidConfirmed whether the practice confirmed the ODI MCID (clinical-rules.md §3.1, U)
 * @param ndiMcidConfirmed whether the practice confirmed the NDI MCID (clinical-rules.md §3.2, U)
 */
public record EpisodeOutcome(
    Episode episode,
    List<Point> points,
    ReliefDuration relief50,
    MmeComparison mme,
    BigDecimal odiMcid,
    boolean odiMcidConfirmed,
    BigDecimal ndiMcid,
    boolean ndiMcidConfirmed) {

  public EpisodeOutcome {
    points = List.copyOf(points);
  }

  /**
   * One follow-up time point against the baseline.
   *
   * @param nrsReductionPercent (baseline − NRS) / baseline × 100, one decimal, half up; negative
   *     when pain is worse; {@code null} when it cannot be judged
   * @param odiImprovement baseline ODI − ODI in points (positive is better); {@code null} without
   *     both
   * @param odiMcidMet whether the improvement reaches the ODI MCID (clinical-rules.md §3.1)
   * @param ndiImprovement baseline NDI − NDI in percentage points
   * @param ndiMcidMet whether the improvement reaches the NDI MCID (clinical-rules.md §3.2)
   */
  public record Point(
      Measure measure,
      BigDecimal nrsReductionPercent,
      BigDecimal odiImprovement,
      Boolean odiMcidMet,
      BigDecimal ndiImprovement,
      Boolean ndiMcidMet) {}

  /**
   * How long ≥ 50 % relief (clinical-rules.md §3.15) lasted, as far as the answers tell: it held at
   * every judged time point up to {@code heldThrough} and was gone at {@code lostBy}. Between two
   * time points nothing is known, so the duration is a range, never a day.
   *
   * @param firstJudged the first time point with an NRS that can be judged; {@code null} when none
   * @param heldThrough the last time point of the unbroken run of ≥ 50 % relief from the first
   *     judged one; {@code null} when the first judged one was already below 50 %
   * @param lostBy the first judged time point below 50 % after that run; {@code null} when relief
   *     held at every answer so far
   */
  public record ReliefDuration(Timepoint firstJudged, Timepoint heldThrough, Timepoint lostBy) {

    public boolean known() {
      return firstJudged != null;
    }

    /** In words, e.g. "at least 3 months, gone by 6 months". */
    public String describe() {
      if (firstJudged == null) {
        return "Not known: no follow-up NRS that can be judged against the baseline.";
      }
      if (heldThrough == null) {
        return "Not reached at the first judged follow-up (" + firstJudged.label() + ").";
      }
      return lostBy == null
          ? "At least " + heldThrough.label() + " (still ≥ 50 % at the last answer)."
          : "At least " + heldThrough.label() + ", gone by " + lostBy.label() + ".";
    }
  }

  /**
   * Average daily MME over the days before the procedure against the days after, from the start and
   * stop dates of the patient's medication list (clinical-rules.md §2a).
   *
   * @param windowDays the days on each side
   * @param before average daily MME over the {@code windowDays} days before the procedure day
   * @param after average daily MME over the days after the procedure day that have passed, at most
   *     {@code windowDays}; {@code null} when none has passed
   * @param daysAfterSoFar how many of the days after have passed
   * @param opioidsListed whether the list holds any opioid at all (without one, 0 means "none
   *     listed", not "none taken")
   */
  public record MmeComparison(
      int windowDays,
      BigDecimal before,
      BigDecimal after,
      int daysAfterSoFar,
      boolean opioidsListed) {

    public boolean complete() {
      return daysAfterSoFar >= windowDays;
    }
  }
}
