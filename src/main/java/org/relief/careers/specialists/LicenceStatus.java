package org.relief.careers.specialists;

/** Where a state medical licence stands, as the board lists it. */
public enum LicenceStatus {
  ACTIVE("Active"),
  PENDING("Application pending"),
  RESTRICTED("Active with restrictions"),
  INACTIVE("Inactive"),
  EXPIRED("Expired");

  private final String label;

  LicenceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the licence lets the specialist practise today (restricted ones do, with limits). */
  public boolean practising() {
    return this == ACTIVE || this == RESTRICTED;
  }
}
