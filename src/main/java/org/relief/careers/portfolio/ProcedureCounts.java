package org.relief.careers.portfolio;

import java.util.List;

/**
 * What a practice account performed over a period, reduced to counts by family and month for the
 * administrator to attest. {@code notInAFamily} counts catalogue types no posting asks for.
 */
public record ProcedureCounts(List<VerifiedCount> counts, int notInAFamily) {

  public int total() {
    return counts.stream().mapToInt(VerifiedCount::cases).sum();
  }
}
