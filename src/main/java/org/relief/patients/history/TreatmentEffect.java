package org.relief.patients.history;

/** How much a prior treatment helped, as the patient reports it. */
public enum TreatmentEffect {
  NONE("No effect"),
  SLIGHT("Slight relief"),
  MODERATE("Moderate relief"),
  MARKED("Marked relief"),
  WORSE("Made it worse");

  private final String label;

  TreatmentEffect(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
