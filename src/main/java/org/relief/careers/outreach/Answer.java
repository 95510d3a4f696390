package org.relief.careers.outreach;

/** A specialist's answer to a recruiter's message. */
public enum Answer {
  INTERESTED("Interested"),
  NOT_INTERESTED("Not interested");

  private final String label;

  Answer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
