package org.relief.careers.portfolio;

import java.time.YearMonth;
import java.util.List;

/**
 * A specialist's case counts over {@code from}..{@code to} (whole months). Counts only: the
 * portfolio never holds a patient, a procedure record or a date finer than a month.
 */
public record Portfolio(YearMonth from, YearMonth to, List<PortfolioLine> lines) {

  public int verified() {
    return lines.stream().mapToInt(PortfolioLine::verified).sum();
  }

  public int selfReported() {
    return lines.stream().mapToInt(PortfolioLine::selfReported).sum();
  }
}
