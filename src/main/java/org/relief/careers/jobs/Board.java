package org.relief.careers.jobs;

/** Boards whose certification the employer accepts (ABMS/AOA and others, careers.md). */
public enum Board {
  ABMS("ABMS (ABA, ABPMR, ABPN)"),
  AOA("AOA"),
  ABPM("ABPM"),
  ABPS("ABPS");

  private final String label;

  Board(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
