package org.relief.outcomes.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period of procedure dates is read from the monthly rollup of closed follow-ups
 * (docs/decisions/0060-outcome-rollup.md): whole months from {@code outcome_rollup}, and each
 * partial month at an edge either added day by day from {@code outcome_measure}, or taken whole
 * from the rollup with its days outside the period subtracted, whichever reads fewer days.
 *
 * @param firstMonth the first month read from the rollup; {@code null} for no lower bound
 * @param lastMonth the last month read from the rollup; {@code null} for no upper bound
 * @param rollup whether any month is read from the rollup
 * @param add days whose closed follow-ups are added from the base table
 * @param subtract days whose closed follow-ups are subtracted (they are inside a rollup month but
 *     outside the period)
 */
record PeriodPlan(
    LocalDate firstMonth,
    LocalDate lastMonth,
    boolean rollup,
    List<Days> add,
    List<Days> subtract) {

  /** The days {@code from} to {@code to}, both included. */
  record Days(LocalDate from, LocalDate to) {
    long count() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }
  }

  PeriodPlan {
    add = List.copyOf(add);
    subtract = List.copyOf(subtract);
  }

  /** The plan for procedures performed from {@code from} to {@code to}; either may be open. */
  static PeriodPlan of(LocalDate from, LocalDate to) {
    List<Days> add = new ArrayList<>();
    List<Days> subtract = new ArrayList<>();
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        return new PeriodPlan(null, null, false, add, subtract);
      }
      LocalDate month = from.withDayOfMonth(1);
      if (month.equals(to.withDayOfMonth(1))) {
        LocalDate end = endOf(month);
        long inside = ChronoUnit.DAYS.between(from, to) + 1;
        long outside = ChronoUnit.DAYS.between(month, from) + ChronoUnit.DAYS.between(to, end);
        if (inside <= outside) {
          add.add(new Days(from, to));
          return new PeriodPlan(null, null, false, add, subtract);
        }
        if (from.isAfter(month)) {
          subtract.add(new Days(month, from.minusDays(1)));
        }
        if (to.isBefore(end)) {
          subtract.add(new Days(to.plusDays(1), end));
        }
        return new PeriodPlan(month, month, true, add, subtract);
      }
    }
    LocalDate first = null;
    if (from != null) {
      LocalDate month = from.withDayOfMonth(1);
      first = month;
      if (from.isAfter(month)) {
        Days inside = new Days(from, endOf(month));
        Days outside = new Days(month, from.minusDays(1));
        if (inside.count() <= outside.count()) {
          add.add(inside);
          first = month.plusMonths(1);
        } else {
          subtract.add(outside);
        }
      }
    }
    LocalDate last = null;
    if (to != null) {
      LocalDate month = to.withDayOfMonth(1);
      last = month;
      LocalDate end = endOf(month);
      if (to.isBefore(end)) {
        Days inside = new Days(month, to);
        Days outside = new Days(to.plusDays(1), end);
        if (inside.count() <= outside.count()) {
          add.add(inside);
          last = month.minusMonths(1);
        } else {
          subtract.add(outside);
        }
      }
    }
    boolean rollup = first == null || last == null || !first.isAfter(last);
    return new PeriodPlan(first, last, rollup, add, subtract);
  }

  private static LocalDate endOf(LocalDate month) {
    return month.plusMonths(1).minusDays(1);
  }
}
