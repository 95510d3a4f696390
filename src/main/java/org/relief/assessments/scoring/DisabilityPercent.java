package org.relief.assessments.scoring;

import java.util.List;

/** The percentage score of the ODI and the NDI, with their shared rule for unanswered sections. */
final class DisabilityPercent {

  /**
   * At most one of the ten sections may be unanswered (awell's rule, since Fairbank 2000 and Vernon
   * 1991 define none): clinical-rules.md §3.1, §3.2;
   * docs/decisions/0005-odi-ndi-missing-sections.md.
   */
  static final int MIN_ANSWERED = 9;

  static final String MISSING_RULE =
      "At least 9 of the 10 sections must be answered; each unanswered section lowers the"
          + " denominator by 5 (docs/decisions/0005-odi-ndi-missing-sections.md).";

  private DisabilityPercent() {}

  /** {@code 100 × Σ answered / (5 × number answered)}, unrounded (clinical-rules.md §3.1). */
  static double of(Answers answers) {
    List<String> keys = answers.scoredKeys();
    int answered = answers.answeredScored();
    if (answered < MIN_ANSWERED) {
      throw Answers.tooManyMissing(
          answers.instrument().shortName()
              + " needs at least "
              + MIN_ANSWERED
              + " of its "
              + keys.size()
              + " sections answered; "
              + answered
              + " were (missing: "
              + String.join(", ", answers.missing(keys))
              + ").");
    }
    return 100.0 * answers.sum(keys) / (5.0 * answered);
  }
}
