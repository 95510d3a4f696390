package org.relief.consultations;

import java.math.BigDecimal;
import java.util.List;

/**
 * The relief a patient expected from a treatment against the relief its follow-ups measured, at
 * each answered time point.
 *
 * @param goal the goal in force when the procedure was performed (the latest recorded on or before
 *     its day that names an expected relief)
 * @param checks one per answered follow-up, in time order
 */
public record ReliefComparison(
    PatientGoal goal, TreatmentResult treatment, String procedureName, List<Check> checks) {

  public ReliefComparison {
    checks = List.copyOf(checks);
  }

  /** Whether the expected relief was reached. */
  public enum Verdict {
    MET("met"),
    NOT_MET("not met"),
    NOT_YET_KNOWN("not yet known");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One answered follow-up against the expectation.
   *
   * @param achievedPercent the NRS reduction in %; {@code null} when the answer cannot be judged
   */
  public record Check(String timepoint, BigDecimal achievedPercent, Verdict verdict) {

    /** "40 %", or "no NRS" when the answer cannot be judged. */
    public String achievedText() {
      return achievedPercent == null
          ? "no NRS"
          : achievedPercent.stripTrailingZeros().toPlainString() + " %";
    }

    /** "3 months: 40 % not met". */
    public String text() {
      return timepoint
          + ": "
          + (achievedPercent == null ? "no NRS to judge" : achievedText() + " " + verdict.label());
    }
  }

  public int expectedPercent() {
    return goal.expectedReliefPercent();
  }

  /**
   * The verdict as the patient stands now: that of the latest answered follow-up that could be
   * judged; not yet known while there is none.
   */
  public Verdict verdict() {
    for (int i = checks.size() - 1; i >= 0; i--) {
      if (checks.get(i).achievedPercent() != null) {
        return checks.get(i).verdict();
      }
    }
    return Verdict.NOT_YET_KNOWN;
  }

  /** "Lumbar TFESI · L4–L5 · left" */
  public String treatmentLabel() {
    StringBuilder out = new StringBuilder(procedureName);
    if (!treatment.levels().isEmpty()) {
      out.append(" · ").append(treatment.levels());
    }
    String side = treatment.laterality();
    if (side != null && !side.isEmpty()) {
      out.append(" · ").append(side);
    }
    return out.toString();
  }

  /**
   * One line, e.g. "Lumbar TFESI · L4–L5 · left on 2026-03-02: expected 50 % — 2 weeks: 80 % met; 3
   * months: 40 % not met".
   */
  public String line() {
    String head =
        treatmentLabel()
            + " on "
            + treatment.performedOn()
            + ": expected "
            + expectedPercent()
            + " % — ";
    if (checks.isEmpty()) {
      return head + "not yet known (no follow-up answered yet)";
    }
    return head + String.join("; ", checks.stream().map(Check::text).toList());
  }
}
