package org.relief.patients;

/** Administrative sex as recorded at registration (FHIR administrative-gender). */
public enum Sex {
  FEMALE("Female"),
  MALE("Male"),
  OTHER("Other"),
  UNKNOWN("Unknown");

  private final String label;

  Sex(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
