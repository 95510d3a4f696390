package org.relief.careers.jobs;

/** Whether a procedure is a must or a plus. */
public enum Requirement {
  REQUIRED("Required"),
  DESIRED("Desired");

  private final String label;

  Requirement(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
