package org.relief.patients.history;

/** How the pain began. */
public enum OnsetMechanism {
  INJURY("Injury"),
  SURGERY("Surgery"),
  DEGENERATIVE("Degenerative"),
  SPONTANEOUS("Spontaneous"),
  UNKNOWN("Unknown"),
  OTHER("Other");

  private final String label;

  OnsetMechanism(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
