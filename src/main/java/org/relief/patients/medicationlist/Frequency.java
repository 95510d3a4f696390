package org.relief.patients.medicationlist;

import java.math.BigDecimal;

/** How often a medication is taken; most need a count (times, hours, or the most per day). */
public enum Frequency {
  TIMES_PER_DAY("times a day"),
  EVERY_HOURS("every N hours"),
  AS_NEEDED("as needed, at most N a day"),
  CONTINUOUS("continuous (patch or pump, rate in mcg/h)");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean counted() {
    return this != CONTINUOUS;
  }

  /**
   * Doses in a day. As needed counts the most allowed per day, so that the MME shown is the most
   * the patient may take, the figure CDC 2022's "total dosage from all sources" asks about
   * (clinical-rules.md §2d).
   */
  BigDecimal dosesPerDay(int count) {
    return switch (this) {
      case TIMES_PER_DAY, AS_NEEDED -> BigDecimal.valueOf(count);
      case EVERY_HOURS -> BigDecimal.valueOf(24 / count);
      case CONTINUOUS -> BigDecimal.ONE;
    };
  }

  /** The schedule in words. */
  String describe(Integer count) {
    return switch (this) {
      case TIMES_PER_DAY ->
          count == 1 ? "once a day" : count == 2 ? "twice a day" : count + " times a day";
      case EVERY_HOURS -> count == 1 ? "every hour" : "every " + count + " hours";
      case AS_NEEDED -> "as needed, at most " + count + " a day";
      case CONTINUOUS -> "continuous";
    };
  }
}
