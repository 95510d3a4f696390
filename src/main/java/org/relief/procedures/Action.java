package org.relief.procedures;

import com.fasterxml.jackson.annotation.JsonValue;

/** What ASRA 2018 suggests for a drug before a procedure (clinical-rules.md §1b, §1c). */
public enum Action {
  HOLD("hold"),
  CONTINUE("continue"),
  /** The guideline's "shared assessment and risk stratification" with the prescriber. */
  SHARED_DECISION("shared-decision");

  private final String code;

  Action(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
