package org.relief.careers.portfolio;

import org.relief.careers.jobs.ProcedureFamily;

/** One row of the portfolio table: family x guidance x role over the chosen period. */
public record PortfolioLine(
    ProcedureFamily family, Guidance guidance, CaseRole role, int verified, int selfReported) {

  public int total() {
    return verified + selfReported;
  }
}
