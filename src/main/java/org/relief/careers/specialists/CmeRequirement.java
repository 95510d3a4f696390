package org.relief.careers.specialists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one state's board asks for in a licence cycle: {@code credits} of a category earned from
 * {@code periodStart} to {@code dueOn}. Credits recorded for no particular state count everywhere.
 */
public record CmeRequirement(
    long id,
    String state,
    CmeCategory category,
    BigDecimal credits,
    LocalDate periodStart,
    LocalDate dueOn) {

  /** The credits of {@code earned} that count towards this requirement. */
  public BigDecimal earned(List<CmeCredit> earned) {
    return earned.stream()
        .filter(c -> c.category() == category)
        .filter(c -> c.state() == null || c.state().equals(state))
        .filter(c -> !c.earnedOn().isBefore(periodStart) && !c.earnedOn().isAfter(dueOn))
        .map(CmeCredit::credits)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal missing(List<CmeCredit> earned) {
    return credits.subtract(earned(earned)).max(BigDecimal.ZERO);
  }
}
