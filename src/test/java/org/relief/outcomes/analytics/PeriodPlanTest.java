package org.relief.outcomes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.relief.outcomes.analytics.PeriodPlan.Days;

class PeriodPlanTest {

  private static LocalDate d(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void theDefaultTwoYearsAddTheFirstWeekAndSubtractTheDaysAfterToday() {
    PeriodPlan plan = PeriodPlan.of(d("2024-11-24"), d("2026-11-24"));

    assertThat(plan.rollup()).isTrue();
    assertThat(plan.firstMonth()).isEqualTo(d("2024-12-01"));
    assertThat(plan.lastMonth()).isEqualTo(d("2026-11-01"));
    assertThat(plan.add()).containsExactly(new Days(d("2024-11-24"), d("2024-11-30")));
    assertThat(plan.subtract()).containsExactly(new Days(d("2026-11-25"), d("2026-11-30")));
  }

  @Test
  void wholeMonthsNeedNoDaysFromTheBaseTable() {
    PeriodPlan plan = PeriodPlan.of(d("2025-02-01"), d("2025-02-28"));

    assertThat(plan.rollup()).isTrue();
    assertThat(plan.firstMonth()).isEqualTo(d("2025-02-01"));
    assertThat(plan.lastMonth()).isEqualTo(d("2025-02-01"));
    assertThat(plan.add()).isEmpty();
    assertThat(plan.subtract()).isEmpty();
  }

  @Test
  void aFewDaysInOneMonthAreReadDayByDay() {
    PeriodPlan plan = PeriodPlan.of(d("2025-03-10"), d("2025-03-19"));

    assertThat(plan.rollup()).isFalse();
    assertThat(plan.add()).containsExactly(new Days(d("2025-03-10"), d("2025-03-19")));
    assertThat(plan.subtract()).isEmpty();
  }

  @Test
  void mostOfOneMonthIsTheMonthLessItsOtherDays() {
    PeriodPlan plan = PeriodPlan.of(d("2025-03-03"), d("2025-03-29"));

    assertThat(plan.firstMonth()).isEqualTo(d("2025-03-01"));
    assertThat(plan.lastMonth()).isEqualTo(d("2025-03-01"));
    assertThat(plan.subtract())
        .containsExactly(
            new Days(d("2025-03-01"), d("2025-03-02")), new Days(d("2025-03-30"), d("2025-03-31")));
  }

  @Test
  void anOpenEndedPeriodReadsTheRollupWithoutBound() {
    PeriodPlan plan = PeriodPlan.of(null, null);

    assertThat(plan.rollup()).isTrue();
    assertThat(plan.firstMonth()).isNull();
    assertThat(plan.lastMonth()).isNull();
    assertThat(plan.add()).isEmpty();
    assertThat(PeriodPlan.of(d("2025-03-05"), d("2025-03-04")).rollup()).isFalse();
  }
}
