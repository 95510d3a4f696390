package org.relief.procedures;

/** The depth of sedation given (ASA continuum of depth of sedation). */
public enum Sedation {
  NONE("None (local anaesthetic only)"),
  MINIMAL("Minimal (anxiolysis)"),
  MODERATE("Moderate"),
  DEEP("Deep"),
  GENERAL("General anaesthesia");

  private final String label;

  Sedation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the patient needs a driver and fasting (anything beyond local anaesthetic). */
  public boolean sedated() {
    return this != NONE;
  }
}
