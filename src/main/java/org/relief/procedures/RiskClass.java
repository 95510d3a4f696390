package org.relief.procedures;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The bleeding-risk classes of ASRA 2018 for interventional pain procedures (clinical-rules.md
 * §1a).
 */
public enum RiskClass {
  LOW("low"),
  INTERMEDIATE("intermediate"),
  HIGH("high");

  private final String code;

  RiskClass(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /**
   * The class for a patient at high bleeding risk: one category higher (clinical-rules.md §1a,
   * modifiers); high stays high.
   */
  public RiskClass raisedOneStep() {
    return this == HIGH ? HIGH : values()[ordinal() + 1];
  }
}
