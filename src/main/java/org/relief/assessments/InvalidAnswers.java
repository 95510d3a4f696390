package org.relief.assessments;

import org.relief.platform.RuleViolation;

/**
 * Answers that cannot be scored: an answer out of range or not a whole number, an item the
 * instrument does not have, too many unanswered items, or a missing context value. The message
 * names the instrument and the item.
 */
public class InvalidAnswers extends RuleViolation {

  public static final String OUT_OF_RANGE = "answer-out-of-range";
  public static final String NOT_A_WHOLE_NUMBER = "answer-not-a-whole-number";
  public static final String UNKNOWN_ITEM = "unknown-item";
  public static final String TOO_MANY_MISSING = "too-many-missing-items";
  public static final String SEX_REQUIRED = "sex-required";

  public InvalidAnswers(String code, String message) {
    super(code, message);
  }
}
