package org.relief.patients;

/** The units the CDC 2022 MME table is expressed in (clinical-rules.md §2b.1). */
public enum DoseUnit {
  MG_PER_DAY("mg/day"),
  MCG_PER_HOUR("mcg/h");

  private final String code;

  DoseUnit(String code) {
    this.code = code;
  }

  /** How the unit is written in requests and answers. */
  public String code() {
    return code;
  }
}
