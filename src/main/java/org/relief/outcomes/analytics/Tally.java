package org.relief.outcomes.analytics;

/**
 * Follow-ups of one group at one time point.
 *
 * @param due follow-ups due: answered, missed, or unanswered past their due date and grace
 * @param answered answers that can be judged: an NRS against a pre-procedure NRS above 0
 * @param responders30 answers with ≥ 30 % NRS reduction (clinical-rules.md §3.15)
 * @param responders50 answers with ≥ 50 % NRS reduction (clinical-rules.md §3.15)
 */
public record Tally(long due, long answered, long responders30, long responders50) {

  /** Both tallies together. */
  public Tally plus(Tally other) {
    return new Tally(
        due + other.due,
        answered + other.answered,
        responders30 + other.responders30,
        responders50 + other.responders50);
  }

  public long responders(int threshold) {
    return switch (threshold) {
      case 30 -> responders30;
      case 50 -> responders50;
      default -> throw new IllegalArgumentException("threshold " + threshold);
    };
  }
}
