package org.relief.followups;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A sign after a procedure that puts the patient first on the evening work-list (issue 6: fever,
 * new weakness or numbness, bowel or bladder change, positional headache, severe worsening). Each
 * carries the question the patient answers and the nurse's call script asks.
 */
public enum RedFlag {
  FEVER("fever", "Fever", "Have you had a fever (a temperature of 38 °C / 100.4 °F or more)?"),
  NEW_WEAKNESS_OR_NUMBNESS(
      "new-weakness-or-numbness",
      "New weakness or numbness",
      "Do you have new weakness or numbness in an arm or a leg?"),
  BOWEL_OR_BLADDER_CHANGE(
      "bowel-or-bladder-change",
      "Bowel or bladder change",
      "Have you had any new trouble controlling your bladder or bowels?"),
  POSITIONAL_HEADACHE(
      "positional-headache",
      "Positional headache",
      "Do you have a headache that gets worse when you sit or stand up and better lying down?"),
  SEVERE_WORSENING(
      "severe-worsening", "Severe worsening", "Is your pain much worse than before the procedure?");

  private final String code;
  private final String label;
  private final String question;

  RedFlag(String code, String label, String question) {
    this.code = code;
    this.label = label;
    this.question = question;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public String question() {
    return question;
  }

  public static Optional<RedFlag> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
  }

  /** The flags of these codes, in this enum's order; unknown codes are left out. */
  public static List<RedFlag> of(Collection<String> codes) {
    return Arrays.stream(values()).filter(f -> codes.contains(f.code)).toList();
  }
}
