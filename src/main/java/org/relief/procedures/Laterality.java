package org.relief.procedures;

import java.util.Arrays;
import org.relief.platform.RuleViolation;

/** Which side of the body a procedure was done on. */
public enum Laterality {
  LEFT("left", "Left"),
  RIGHT("right", "Right"),
  BILATERAL("bilateral", "Bilateral"),
  MIDLINE("midline", "Midline"),
  NOT_APPLICABLE("not-applicable", "Not applicable");

  private final String code;
  private final String label;

  Laterality(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The side for a code such as {@code left}, or a 422 naming what was given. */
  public static Laterality fromCode(String code) {
    return Arrays.stream(values())
        .filter(side -> side.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "unknown-laterality",
                    "Unknown side \"%s\"; use left, right, bilateral, midline or not-applicable"
                        .formatted(code)));
  }
}
