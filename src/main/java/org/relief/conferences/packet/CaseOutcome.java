package org.relief.conferences.packet;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened for a case after its conference: procedures performed since and how the main scores
 * moved from the conference day to the latest result.
 */
public record CaseOutcome(
    LocalDate since, List<String> proceduresSince, List<CasePacket.ScoreChange> scores) {

  public boolean nothingYet() {
    return proceduresSince.isEmpty() && scores.stream().allMatch(s -> s.afterOn() == null);
  }
}
