package org.relief.careers.demand;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.relief.platform.RuleViolation;

/**
 * A set of values for every {@link DemandParameter}: the defaults, or a what-if read from a form. A
 * what-if lives in its request only; nothing is saved.
 */
public record DemandParameters(Map<DemandParameter, Range> values) {

  public DemandParameters {
    values = Map.copyOf(values);
  }

  public static DemandParameters defaults() {
    Map<DemandParameter, Range> m = new EnumMap<>(DemandParameter.class);
    for (DemandParameter p : DemandParameter.values()) {
      m.put(p, p.defaults());
    }
    return new DemandParameters(m);
  }

  public Range get(DemandParameter p) {
    return values.get(p);
  }

  /**
   * Reads a what-if from form fields ({@code leakage.low}, {@code leakage.base}, {@code
   * leakage.high}; one {@code horizon-years.base} for a parameter without a band). A field left out
   * keeps its default. Refuses, naming the field, a value that is not a number, is negative, is
   * outside the parameter's bounds, or a band whose low is above its base or its base above its
   * high.
   */
  public static DemandParameters from(Map<String, String> form) {
    Map<DemandParameter, Range> m = new EnumMap<>(DemandParameter.class);
    for (DemandParameter p : DemandParameter.values()) {
      Range d = p.defaults();
      double base = number(p, "base", form.get(p.field("base")), d.base());
      if (!p.banded()) {
        if (p.unit() == DemandParameter.Unit.YEARS && base != Math.rint(base)) {
          throw new RuleViolation(
              "invalid-parameter", p.label() + ": give a whole number of years.");
        }
        m.put(p, Range.of(base));
        continue;
      }
      double low = number(p, "low", form.get(p.field("low")), d.low());
      double high = number(p, "high", form.get(p.field("high")), d.high());
      if (low > base || base > high) {
        throw new RuleViolation(
            "parameter-order",
            p.label()
                + ": the low value ("
                + shown(low)
                + ") must not be above the base ("
                + shown(base)
                + ") and the base not above the high ("
                + shown(high)
                + ").");
      }
      m.put(p, new Range(low, base, high));
    }
    return new DemandParameters(m);
  }

  /** The values as form fields, to fill the form in again. */
  public Map<String, String> asForm() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (p, r) -> {
          out.put(p.field("low"), shown(r.low()));
          out.put(p.field("base"), shown(r.base()));
          out.put(p.field("high"), shown(r.high()));
        });
    return out;
  }

  private static double number(DemandParameter p, String end, String raw, double fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    String cleaned = raw.strip().replace(",", "").replace("%", "").strip();
    double v;
    try {
      v = Double.parseDouble(cleaned);
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-parameter",
          p.label() + " (" + end + "): '" + raw.strip() + "' is not a number.");
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new RuleViolation(
          "invalid-parameter", p.label() + " (" + end + "): give a finite number.");
    }
    if (v < 0) {
      throw new RuleViolation(
          "negative-parameter", p.label() + " (" + end + ") cannot be negative.");
    }
    if (v < p.min() || v > p.max()) {
      throw new RuleViolation(
          "parameter-out-of-bounds",
          p.label()
              + " ("
              + end
              + ") must be between "
              + shown(p.min())
              + " and "
              + shown(p.max())
              + (p.unit() == DemandParameter.Unit.PERCENT ? " %" : "")
              + ".");
    }
    return v;
  }

  static String shown(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
