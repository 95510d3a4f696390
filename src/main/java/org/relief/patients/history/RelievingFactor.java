package org.relief.patients.history;

/** What eases the pain. */
public enum RelievingFactor {
  REST("Rest"),
  LYING_DOWN("Lying down"),
  SITTING("Sitting"),
  WALKING("Walking"),
  HEAT("Heat"),
  ICE("Ice"),
  MEDICATION("Medication"),
  STRETCHING("Stretching");

  private final String label;

  RelievingFactor(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
