package org.relief.consultations;

/** Where a booked visit stands on the day. */
public enum VisitStatus {
  BOOKED("Booked"),
  ARRIVED("Arrived"),
  DONE("Seen"),
  CANCELLED("Cancelled"),
  NO_SHOW("Did not attend");

  private final String label;

  VisitStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the visit still holds the clinician's time. */
  public boolean holdsTime() {
    return this == BOOKED || this == ARRIVED || this == DONE;
  }
}
