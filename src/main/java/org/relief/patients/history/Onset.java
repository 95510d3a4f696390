package org.relief.patients.history;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * When the pain began, as exactly as the patient knows it. An approximate onset is stored as the
 * first day of its month or year with its precision, so onsets still sort by date.
 */
public record Onset(LocalDate date, OnsetPrecision precision) {

  public static Onset exact(LocalDate date) {
    return new Onset(date, OnsetPrecision.DAY);
  }

  public static Onset month(int year, int month) {
    return new Onset(LocalDate.of(year, month, 1), OnsetPrecision.MONTH);
  }

  public static Onset year(int year) {
    return new Onset(LocalDate.of(year, 1, 1), OnsetPrecision.YEAR);
  }

  /** "2024-03-15", "March 2024" or "2024". */
  public String display() {
    return switch (precision) {
      case DAY -> date.toString();
      case MONTH ->
          date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getYear();
      case YEAR -> Integer.toString(date.getYear());
    };
  }
}
