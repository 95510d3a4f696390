package org.relief.careers.jobs;

import java.math.BigDecimal;

/**
 * The parts of an offer, in US dollars, each shown on its own and never summed into one figure
 * here: a total depends on the specialist's own work (careers.md, "total-compensation normaliser").
 */
public record Compensation(
    Integer baseMin,
    Integer baseMax,
    BigDecimal wrvuRate,
    Integer wrvuThreshold,
    String bonus,
    String callPay,
    Integer callPayPerNight,
    Integer signOn,
    Integer relocation,
    Integer loanRepayment,
    String partnershipTrack) {

  public boolean hasBase() {
    return baseMin != null || baseMax != null;
  }
}
