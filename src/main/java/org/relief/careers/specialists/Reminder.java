package org.relief.careers.specialists;

import java.time.LocalDate;

/**
 * Something in the credential wallet that lapses soon or has lapsed.
 *
 * @param what what lapses, in the specialist's words ("Texas licence Q1234")
 * @param event what happens on {@code dueOn} ("expires", "MOC due", "re-attestation due")
 * @param dueOn the day it lapses; null when the date itself is missing
 * @param daysLeft days from today to {@code dueOn}, negative once lapsed
 * @param detail what is still to do, when there is more to say
 */
public record Reminder(String what, String event, LocalDate dueOn, long daysLeft, String detail) {

  public boolean lapsed() {
    return dueOn != null && daysLeft < 0;
  }

  /** The phrase shown next to the date. */
  public String when() {
    if (dueOn == null) {
      return "no date recorded";
    }
    if (daysLeft < 0) {
      return -daysLeft + (daysLeft == -1 ? " day ago" : " days ago");
    }
    return daysLeft == 0 ? "today" : "in " + daysLeft + (daysLeft == 1 ? " day" : " days");
  }
}
