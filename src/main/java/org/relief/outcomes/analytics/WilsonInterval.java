package org.relief.outcomes.analytics;

/**
 * The Wilson score interval for a proportion (Wilson EB. Probable inference, the law of succession,
 * and statistical inference. J Am Stat Assoc 1927;22:209–212), method 3 of Newcombe RG, Two-sided
 * confidence intervals for the single proportion: comparison of seven methods, Stat Med
 * 1998;17:857–872. Also in the NIST/SEMATECH e-Handbook of Statistical Methods, §7.2.4.1.
 *
 * <p>For r successes in n trials, p = r/n and z the standard normal quantile:
 *
 * <pre>
 *   centre     = (p + z²/2n) / (1 + z²/n)
 *   half-width = z / (1 + z²/n) × √( p(1 − p)/n + z²/4n² )
 * </pre>
 *
 * Unlike the textbook p ± z√(p(1−p)/n), it stays within 0–1 and does not collapse to a width of
 * zero when every or no patient responded, which matters for the small n of one physician or one
 * level.
 */
public final class WilsonInterval {

  /** The 0.975 quantile of the standard normal distribution: a two-sided 95 % interval. */
  public static final double Z_95 = 1.959963984540054;

  private WilsonInterval() {}

  /** A two-sided interval, each bound between 0 and 1. */
  public record Interval(double lower, double upper) {}

  /** The 95 % Wilson interval of {@code successes} out of {@code trials}; needs trials > 0. */
  public static Interval of95(long successes, long trials) {
    return of(successes, trials, Z_95);
  }

  public static Interval of(long successes, long trials, double z) {
    if (trials <= 0) {
      throw new IllegalArgumentException("A proportion needs at least one trial");
    }
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          successes + " successes out of " + trials + " trials is not a proportion");
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // at r = 0 or r = n one bound is exactly 0 or 1; rounding must not leave it a hair outside
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper);
  }
}
