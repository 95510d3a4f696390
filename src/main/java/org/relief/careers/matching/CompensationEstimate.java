package org.relief.careers.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * A total-compensation estimate made of visible parts (careers.md, "total-compensation
 * normaliser"): base + wRVU rate x (projected wRVUs − threshold) + call pay. Amounts are US dollars
 * a year; null when the posting does not state the part. One-time payments are listed, never added.
 */
public record CompensationEstimate(
    Integer baseLow,
    Integer baseHigh,
    List<WrvuPart> wrvuParts,
    BigDecimal projectedWrvus,
    Integer wrvuThreshold,
    BigDecimal wrvuRate,
    int productivityPay,
    Integer callNightsPerMonth,
    Integer callPayPerNight,
    int callPay,
    Integer totalLow,
    Integer totalHigh,
    Integer signOn,
    Integer relocation,
    Integer loanRepayment,
    List<String> notes) {

  /** The one-time payments, e.g. "Sign-on $40,000". */
  public List<String> oneTime() {
    List<String> out = new java.util.ArrayList<>();
    if (signOn != null) {
      out.add("Sign-on " + dollars(signOn));
    }
    if (relocation != null) {
      out.add("Relocation " + dollars(relocation));
    }
    if (loanRepayment != null) {
      out.add("Loan repayment " + dollars(loanRepayment));
    }
    return out;
  }

  private static String dollars(int amount) {
    return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US)
        .format(amount)
        .replace(".00", "");
  }

  public boolean hasTotal() {
    return totalLow != null;
  }
}
