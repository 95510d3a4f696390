package org.relief.careers.matching;

/** How a specialist could become licensed in a job's state. */
public enum LicencePath {
  LICENSED("Licensed"),
  IMLC_ELIGIBLE("IMLC-eligible"),
  NEW_LICENCE("New licence needed");

  private final String label;

  LicencePath(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
