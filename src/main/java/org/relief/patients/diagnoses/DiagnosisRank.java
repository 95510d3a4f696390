package org.relief.patients.diagnoses;

/** Whether a diagnosis is the main reason for the patient's care. */
public enum DiagnosisRank {
  PRIMARY("Primary"),
  SECONDARY("Secondary");

  private final String label;

  DiagnosisRank(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
