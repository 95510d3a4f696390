package org.relief.patients.diagnoses;

/** Where a diagnosis stands. */
public enum DiagnosisStatus {
  ACTIVE("Active"),
  RESOLVED("Resolved"),
  RULED_OUT("Ruled out");

  private final String label;

  DiagnosisStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
