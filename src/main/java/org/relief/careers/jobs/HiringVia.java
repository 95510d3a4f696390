package org.relief.careers.jobs;

/** Whether the employer posts directly or through an agency. */
public enum HiringVia {
  DIRECT("Direct employer"),
  AGENCY("Agency");

  private final String label;

  HiringVia(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
