package org.relief.careers.demand;

/**
 * The parameters of the supply-and-demand model (careers.md, "Workforce and demand"), each with its
 * default low, base and high value and where that value comes from. A parameter either raises or
 * lowers the gap (demand minus supply) as it grows; the band's low end takes every parameter at the
 * end that lowers the gap, the high end at the end that raises it. Percentages are entered and
 * shown as percent.
 */
public enum DemandParameter {
  HORIZON_YEARS(
      "Years ahead",
      Unit.YEARS,
      null,
      10,
      10,
      10,
      1,
      30,
      "Default 10: to 2035, the year of the Census projection of 78.0 M people aged 65+"
          + " (careers.md)."),
  ADULT_SHARE(
      "Adults (18+) among residents",
      Unit.PERCENT,
      null,
      77.9,
      77.9,
      77.9,
      0,
      100,
      "Census 2020: 258.3 M of 331.4 M residents were adults (not in careers.md; check locally)."),
  SPECIALISTS_PER_100K(
      "Pain specialists practising today, per 100,000 adults",
      Unit.NUMBER,
      Effect.LOWERS_GAP,
      2.0,
      2.5,
      3.0,
      0,
      1000,
      "Assumption, not in careers.md: replace with your own count (state licence or NPPES taxonomy"
          + " look-ups)."),
  GRADUATES_PER_YEAR(
      "New pain fellowship graduates a year (US)",
      Unit.NUMBER,
      Effect.LOWERS_GAP,
      300,
      330,
      360,
      0,
      100_000,
      "careers.md: about 300–360 new graduates a year (ACGME positions 261 → 377, 2014–2023)."),
  LEAKAGE(
      "Graduates lost to pain practice",
      Unit.PERCENT,
      Effect.RAISES_GAP,
      5,
      10,
      15,
      0,
      100,
      "careers.md: ~10 % leave pain practice; the ±5 points are an assumption."),
  EXIT_RATE(
      "Practising specialists who retire or leave, a year",
      Unit.PERCENT,
      Effect.RAISES_GAP,
      2,
      3,
      4,
      0,
      100,
      "Assumption, not in careers.md."),
  PREVALENCE(
      "Adults with chronic pain",
      Unit.PERCENT,
      Effect.RAISES_GAP,
      20.9,
      20.9,
      20.9,
      0,
      100,
      "careers.md: 20.9 % of US adults in 2021 (CDC MMWR 2023); high-impact chronic pain 6.9 %."),
  SEEN_SHARE(
      "Of them, seen by a pain specialist in a year",
      Unit.PERCENT,
      Effect.RAISES_GAP,
      3,
      5,
      7,
      0,
      100,
      "careers.md: about 5 % of adults with chronic pain ever see a pain specialist; the ±2 points"
          + " are an assumption."),
  VISITS_PER_PATIENT(
      "Visits and procedures per patient a year",
      Unit.NUMBER,
      Effect.RAISES_GAP,
      4,
      6,
      8,
      0,
      365,
      "Assumption, not in careers.md."),
  VISITS_PER_FTE(
      "Visits and procedures one full-time specialist provides a year",
      Unit.NUMBER,
      Effect.LOWERS_GAP,
      4000,
      4500,
      5000,
      1,
      100_000,
      "Assumption, not in careers.md."),
  DEMAND_GROWTH(
      "Growth of demand a year (ageing)",
      Unit.PERCENT,
      Effect.RAISES_GAP,
      0.5,
      1,
      2,
      0,
      100,
      "Assumption standing for ageing (careers.md: 65+ population 78.0 M by 2035) and the shift"
          + " away from opioids (dispensing 81.3 → 43.3 per 100 persons, 2012–2020).");

  /** How a value is entered and shown. */
  public enum Unit {
    YEARS,
    PERCENT,
    NUMBER
  }

  /** Which way the gap moves as the parameter grows. */
  public enum Effect {
    RAISES_GAP,
    LOWERS_GAP
  }

  private final String label;
  private final Unit unit;
  private final Effect effect;
  private final double low;
  private final double base;
  private final double high;
  private final double min;
  private final double max;
  private final String source;

  DemandParameter(
      String label,
      Unit unit,
      Effect effect,
      double low,
      double base,
      double high,
      double min,
      double max,
      String source) {
    this.label = label;
    this.unit = unit;
    this.effect = effect;
    this.low = low;
    this.base = base;
    this.high = high;
    this.min = min;
    this.max = max;
    this.source = source;
  }

  public String label() {
    return label;
  }

  public Unit unit() {
    return unit;
  }

  /** Null for a parameter with one value (no band). */
  public Effect effect() {
    return effect;
  }

  public boolean banded() {
    return effect != null;
  }

  public Range defaults() {
    return new Range(low, base, high);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public String source() {
    return source;
  }

  /** The form field's name for one end: {@code leakage.low}. */
  public String field(String end) {
    return key() + "." + end;
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Percentages become fractions; other values are used as they are. */
  double asFraction(double value) {
    return unit == Unit.PERCENT ? value / 100.0 : value;
  }
}
