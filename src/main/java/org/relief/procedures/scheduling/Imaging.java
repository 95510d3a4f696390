package org.relief.procedures.scheduling;

import java.util.Arrays;
import java.util.Optional;

/** The imaging a procedure room has. */
public enum Imaging {
  FLUOROSCOPY("fluoroscopy", "Fluoroscopy"),
  ULTRASOUND("ultrasound", "Ultrasound"),
  CT("ct", "CT");

  private final String code;
  private final String label;

  Imaging(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  static Optional<Imaging> fromCode(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
  }
}
