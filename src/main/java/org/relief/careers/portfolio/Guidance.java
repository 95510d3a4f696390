package org.relief.careers.portfolio;

/** The imaging a procedure was done under. */
public enum Guidance {
  FLUOROSCOPY("Fluoroscopy"),
  ULTRASOUND("Ultrasound"),
  CT("CT"),
  LANDMARK("Landmark (no imaging)"),
  NOT_RECORDED("Not recorded");

  private final String label;

  Guidance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
