package org.relief.careers.portfolio;

import java.time.Instant;

/**
 * A specialist's claim that a practice account is theirs: procedures performed under that account
 * become verified portfolio counts only after the practice administrator attests the link and then
 * the counts.
 */
public record PracticeLink(
    long id,
    long specialistUserId,
    long practiceUserId,
    Status status,
    Instant requestedAt,
    Long decidedBy,
    Instant decidedAt) {

  /** Where a link stands. */
  public enum Status {
    REQUESTED("Waiting for the practice administrator"),
    ATTESTED("Attested by the practice administrator"),
    REFUSED("Refused by the practice administrator");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
