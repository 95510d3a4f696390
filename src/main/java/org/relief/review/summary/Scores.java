package org.relief.review.summary;

import java.math.BigDecimal;
import java.util.Locale;

/** How the summary writes numbers: whole numbers without decimals, others with one. */
final class Scores {

  private Scores() {}

  static String format(Double value) {
    if (value == null) {
      return "—";
    }
    return value == Math.rint(value)
        ? Long.toString(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** "+2", "−3.5" or "±0"; "—" when either side is missing. */
  static String delta(Double now, Double before) {
    if (now == null || before == null) {
      return "—";
    }
    double d = now - before;
    if (d == 0) {
      return "±0";
    }
    return (d > 0 ? "+" : "−") + format(Math.abs(d));
  }

  static String mme(BigDecimal mme) {
    return mme.stripTrailingZeros().toPlainString() + " MME/day";
  }
}
