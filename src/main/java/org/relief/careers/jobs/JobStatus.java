package org.relief.careers.jobs;

/** Where a posting stands: only published postings within their valid-through date are public. */
public enum JobStatus {
  DRAFT("Draft"),
  PUBLISHED("Published"),
  CLOSED("Closed");

  private final String label;

  JobStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
