package org.relief.patients.history;

/** A kind of treatment the patient had before coming to the practice. */
public enum TreatmentType {
  PHYSICAL_THERAPY("Physical therapy"),
  MEDICATION("Medication"),
  INJECTION("Injection"),
  SURGERY("Surgery"),
  CHIROPRACTIC("Chiropractic"),
  ACUPUNCTURE("Acupuncture"),
  PSYCHOLOGY("Psychology"),
  OTHER("Other");

  private final String label;

  TreatmentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
