package org.relief.patients.history;

/** What makes the pain worse. */
public enum AggravatingFactor {
  SITTING("Sitting"),
  STANDING("Standing"),
  WALKING("Walking"),
  BENDING("Bending"),
  LIFTING("Lifting"),
  TWISTING("Twisting"),
  LYING_DOWN("Lying down"),
  COUGHING_SNEEZING("Coughing or sneezing"),
  COLD("Cold"),
  ACTIVITY("Activity");

  private final String label;

  AggravatingFactor(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
