package org.relief.followups.schedule;

import java.util.Arrays;
import org.relief.platform.RuleViolation;

/** What came of a follow-up call. */
public enum CallOutcome {
  REACHED("reached", "Reached"),
  NO_ANSWER("no-answer", "No answer"),
  ESCALATED("escalated", "Escalated to physician");

  private final String code;
  private final String label;

  CallOutcome(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static CallOutcome fromCode(String code) {
    return Arrays.stream(values())
        .filter(o -> o.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "unknown-call-outcome",
                    "Record the call as reached, no answer or escalated to physician."));
  }
}
