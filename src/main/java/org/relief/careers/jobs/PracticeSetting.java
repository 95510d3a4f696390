package org.relief.careers.jobs;

/** Where and for whom the specialist would work (careers.md, "Job": employer type). */
public enum PracticeSetting {
  ACADEMIC("Academic"),
  HOSPITAL_EMPLOYED("Hospital-employed"),
  PRIVATE_EQUITY_GROUP("Private-equity group"),
  INDEPENDENT_PRACTICE("Independent practice"),
  ASC("Ambulatory surgery center");

  private final String label;

  PracticeSetting(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
