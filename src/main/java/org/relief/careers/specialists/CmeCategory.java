package org.relief.careers.specialists;

/** Kinds of continuing medical education credit that licensing boards count separately. */
public enum CmeCategory {
  AMA_PRA_1("AMA PRA Category 1"),
  AMA_PRA_2("AMA PRA Category 2"),
  OPIOID_PRESCRIBING("Pain management and opioid prescribing"),
  ETHICS("Ethics and professionalism"),
  PATIENT_SAFETY("Patient safety and risk management");

  private final String label;

  CmeCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
