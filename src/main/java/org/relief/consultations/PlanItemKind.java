package org.relief.consultations;

/** What a treatment-plan item is. */
public enum PlanItemKind {
  PROCEDURE("Procedure"),
  PHYSICAL_THERAPY("Physical therapy"),
  MEDICATION_CHANGE("Medication change"),
  PSYCHOLOGY("Psychology"),
  SURGICAL_REFERRAL("Referral to a spine surgeon"),
  CASE_CONFERENCE("Case conference");

  private final String label;

  PlanItemKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
