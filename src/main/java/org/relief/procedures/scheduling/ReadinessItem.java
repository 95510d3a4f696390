package org.relief.procedures.scheduling;

import java.util.Arrays;
import org.relief.platform.RuleViolation;

/** The items of the readiness checklist, in the order a nurse goes through them. */
public enum ReadinessItem {
  ANTICOAGULATION("anticoagulation", "Anticoagulation plan confirmed with the prescriber"),
  CONSENT("consent", "Consent signed"),
  CONTRAST_ALLERGY("contrast-allergy", "Contrast allergy checked"),
  PREGNANCY("pregnancy", "Pregnancy status"),
  INFECTION("infection", "No active infection"),
  GLUCOSE_PLAN("glucose-plan", "Glucose plan for a diabetic receiving steroid"),
  DRIVER("driver", "Driver home after sedation"),
  FASTING("fasting", "Fasting before sedation"),
  IMAGING("imaging", "Imaging on file"),
  PRIOR_AUTHORISATION("prior-authorisation", "Prior authorisation");

  private final String code;
  private final String label;

  ReadinessItem(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static ReadinessItem fromCode(String code) {
    return Arrays.stream(values())
        .filter(i -> i.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "unknown-checklist-item",
                    "There is no checklist item \"%s\".".formatted(code == null ? "" : code)));
  }
}
