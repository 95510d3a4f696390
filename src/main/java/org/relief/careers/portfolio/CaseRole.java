package org.relief.careers.portfolio;

/** The specialist's part in a case. */
public enum CaseRole {
  PRIMARY("Primary operator"),
  SUPERVISED("Supervised (as a trainee)"),
  SUPERVISING("Supervising a trainee");

  private final String label;

  CaseRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the case counts towards a job's minimum volume: the specialist was the attending. */
  public boolean independent() {
    return this != SUPERVISED;
  }
}
