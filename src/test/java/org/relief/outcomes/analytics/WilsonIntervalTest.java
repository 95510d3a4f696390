package org.relief.outcomes.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.relief.outcomes.analytics.WilsonInterval.Interval;

class WilsonIntervalTest {

  private static void assertInterval(Interval i, double lower, double upper) {
    assertThat(i.lower()).isCloseTo(lower, within(0.00005));
    assertThat(i.upper()).isCloseTo(upper, within(0.00005));
  }

  /**
   * By hand, r = 5, n = 8, z = 1.959964 (z² = 3.841459): p = 0.625; 1 + z²/n = 1.480182; centre =
   * (0.625 + 0.240091) / 1.480182 = 0.584449; half-width = 1.959964 / 1.480182 × √(0.625 × 0.375 /
   * 8 + 3.841459 / 256) = 1.324137 × √0.044303 = 0.278707; so 0.3057 to 0.8632.
   */
  @Test
  void fiveOfEightByHand() {
    assertInterval(WilsonInterval.of95(5, 8), 0.3057, 0.8632);
  }

  /** By hand, r = 5, n = 10: centre 0.5; half-width 1.959964 / 1.384146 × √0.034604 = 0.263407. */
  @Test
  void halfOfTenIsSymmetricAroundAHalf() {
    assertInterval(WilsonInterval.of95(5, 10), 0.2366, 0.7634);
  }

  /** With no success the upper bound is z² / (n + z²): 3.841459 / 13.841459 = 0.2775 for n = 10. */
  @Test
  void noSuccessStartsAtZeroAndAllSuccessesEndAtOne() {
    Interval none = WilsonInterval.of95(0, 10);
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(0.2775, within(0.00005));
    Interval all = WilsonInterval.of95(10, 10);
    assertThat(all.lower()).isCloseTo(0.7225, within(0.00005));
    assertThat(all.upper()).isEqualTo(1.0);
  }

  /** Newcombe RG, Stat Med 1998;17:857–872, Table II, method 3 (Wilson score). */
  @Test
  void reproducesNewcombesPublishedExamples() {
    assertInterval(WilsonInterval.of95(81, 263), 0.2553, 0.3662);
    assertInterval(WilsonInterval.of95(15, 148), 0.0624, 0.1605);
    assertInterval(WilsonInterval.of95(0, 20), 0.0, 0.1611);
    assertInterval(WilsonInterval.of95(1, 29), 0.0061, 0.1718);
  }

  @Test
  void aProportionNeedsTrialsAndNoMoreSuccessesThanTrials() {
    assertThatThrownBy(() -> WilsonInterval.of95(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WilsonInterval.of95(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
