package org.relief.careers.outreach;

/** The parts of "why you were matched", in the order they are shown. */
public enum ReasonSection {
  SUMMARY("How you match"),
  REQUIREMENT("Requirements"),
  LICENCE("Licence path"),
  PAY("Compensation estimate"),
  CRITERIA("What you are looking for");

  private final String label;

  ReasonSection(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
