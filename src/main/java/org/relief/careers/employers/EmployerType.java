package org.relief.careers.employers;

/** The kinds of organisation that hire pain specialists (careers.md, "Job"). */
public enum EmployerType {
  HEALTH_SYSTEM("Health system"),
  HOSPITAL("Hospital"),
  PAIN_CLINIC("Pain clinic"),
  ACADEMIC_DEPARTMENT("Academic department"),
  ASC("Ambulatory surgery center"),
  GROUP("Physician group");

  private final String label;

  EmployerType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
