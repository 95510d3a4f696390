package org.relief.careers.demand;

/** A parameter's low, base and high value, as entered (percent for percentages). */
public record Range(double low, double base, double high) {

  public static Range of(double value) {
    return new Range(value, value, value);
  }
}
