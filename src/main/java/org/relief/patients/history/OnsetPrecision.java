package org.relief.patients.history;

/** How exactly the onset date is known. */
public enum OnsetPrecision {
  DAY("Exact date"),
  MONTH("Month and year"),
  YEAR("Year only");

  private final String label;

  OnsetPrecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
