package org.relief.procedures;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a procedure is done mainly to find the pain generator or to treat it. */
public enum Purpose {
  DIAGNOSTIC("diagnostic"),
  THERAPEUTIC("therapeutic");

  private final String code;

  Purpose(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
