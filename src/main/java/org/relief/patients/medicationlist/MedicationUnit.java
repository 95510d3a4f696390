package org.relief.patients.medicationlist;

import java.util.Arrays;
import java.util.Optional;

/** The units one dose of a medication is written in. */
public enum MedicationUnit {
  MG("mg"),
  MCG("mcg"),
  G("g"),
  MCG_PER_HOUR("mcg/h"),
  UNITS("units"),
  ML("mL");

  private final String code;

  MedicationUnit(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static Optional<MedicationUnit> of(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }
}
