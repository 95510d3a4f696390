package org.relief.careers.portfolio;

import org.relief.careers.jobs.ProcedureFamily;

/**
 * A specialist's cases of one procedure family over a period, split the way a reader must see them:
 * verified against self-reported, and independent (primary or supervising) against cases done as a
 * supervised trainee.
 */
public record FamilyVolume(
    ProcedureFamily family,
    int verifiedIndependent,
    int selfReportedIndependent,
    int verifiedSupervised,
    int selfReportedSupervised) {

  public static FamilyVolume none(ProcedureFamily family) {
    return new FamilyVolume(family, 0, 0, 0, 0);
  }

  /** The cases that count towards a job's minimum recent volume. */
  public int independent() {
    return verifiedIndependent + selfReportedIndependent;
  }

  public int supervised() {
    return verifiedSupervised + selfReportedSupervised;
  }

  FamilyVolume plus(PortfolioEntry e) {
    boolean verified = e.source() == EntrySource.VERIFIED;
    boolean independent = e.role().independent();
    return new FamilyVolume(
        family,
        verifiedIndependent + (verified && independent ? e.cases() : 0),
        selfReportedIndependent + (!verified && independent ? e.cases() : 0),
        verifiedSupervised + (verified && !independent ? e.cases() : 0),
        selfReportedSupervised + (!verified && !independent ? e.cases() : 0));
  }
}
