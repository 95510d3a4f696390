package org.relief.outcomes.episodes;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.relief.outcomes.InvalidParameter;

/**
 * A follow-up time point: an ISO-8601 period after the procedure ({@code P2W}, {@code P3M}, {@code
 * P1Y}). Kept in one canonical spelling so that {@code P12M} and {@code P1Y}, or {@code P2W} and
 * {@code P14D}, are the same point.
 *
 * @param code the canonical ISO-8601 text ({@code P14D}, {@code P3M}, {@code P1Y})
 * @param days its approximate length in days, for ordering only (a month counts 30, a year 365)
 */
public record Timepoint(String code, int days) {

  /** The time point for an ISO-8601 period, or a 422 naming {@code parameter}. */
  public static Timepoint parse(String text, String parameter) {
    Period period;
    try {
      period = Period.parse(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw invalid(text, parameter);
    }
    period = period.normalized();
    if (period.isZero() || period.isNegative()) {
      throw invalid(text, parameter);
    }
    int days = period.getYears() * 365 + period.getMonths() * 30 + period.getDays();
    return new Timepoint(period.toString(), days);
  }

  private static InvalidParameter invalid(String text, String parameter) {
    String shown = text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
    return new InvalidParameter(
        parameter,
        "The %s \"%s\" is not a time after the procedure: give an ISO-8601 period such as P2W,"
                .formatted(parameter, shown)
            + " P3M or P1Y.");
  }

  /** In words: "2 weeks", "3 months", "1 year", "10 days". */
  public String label() {
    Period p = Period.parse(code);
    if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
      return plural(p.getYears(), "year");
    }
    if (p.getYears() == 0 && p.getMonths() > 0 && p.getDays() == 0) {
      return plural(p.getMonths(), "month");
    }
    if (p.getYears() == 0 && p.getMonths() == 0) {
      return p.getDays() % 7 == 0 ? plural(p.getDays() / 7, "week") : plural(p.getDays(), "day");
    }
    return code;
  }

  /** Short, for a narrow chart axis: "2 wk", "3 mo", "1 yr", "10 d". */
  public String shortLabel() {
    return label()
        .replaceAll(" weeks?$", " wk")
        .replaceAll(" months?$", " mo")
        .replaceAll(" years?$", " yr")
        .replaceAll(" days?$", " d");
  }

  private static String plural(int n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
