package org.relief.procedures;

import java.util.Arrays;

/** Where a booked procedure stands: booked → in progress → completed, or cancelled. */
public enum BookingStatus {
  BOOKED("booked", "Booked"),
  IN_PROGRESS("in-progress", "In progress"),
  COMPLETED("completed", "Completed"),
  CANCELLED("cancelled", "Cancelled");

  private final String code;
  private final String label;

  BookingStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static BookingStatus fromCode(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No booking status " + code));
  }
}
