package org.relief.procedures;

/** The image guidance a procedure was done under. */
public enum Imaging {
  FLUOROSCOPY("Fluoroscopy"),
  ULTRASOUND("Ultrasound"),
  CT("CT"),
  NONE("None (landmark)");

  private final String label;

  Imaging(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
