package org.relief.careers.portfolio;

/** Where a count comes from; self-reported counts are always labelled as such. */
public enum EntrySource {
  SELF_REPORTED("Self-reported"),
  VERIFIED("Verified by the practice");

  private final String label;

  EntrySource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
