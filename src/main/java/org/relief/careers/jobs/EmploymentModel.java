package org.relief.careers.jobs;

/** How the specialist is engaged. */
public enum EmploymentModel {
  EMPLOYED("Employed"),
  PARTNERSHIP_TRACK("Employed, partnership track"),
  INDEPENDENT_CONTRACTOR("Independent contractor"),
  LOCUM_TENENS("Locum tenens");

  private final String label;

  EmploymentModel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
