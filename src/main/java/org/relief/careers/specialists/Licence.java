package org.relief.careers.specialists;

import java.time.LocalDate;

/**
 * A state medical licence, with who verified it, when and from which source (careers.md: every
 * derived fact keeps its provenance).
 */
public record Licence(
    long id,
    String state,
    String number,
    LicenceStatus status,
    LocalDate expiresOn,
    String verifiedBy,
    LocalDate verifiedAt,
    String source) {

  /** Whether it lets the specialist practise in its state on {@code day}. */
  public boolean practisingOn(LocalDate day) {
    return status.practising() && (expiresOn == null || !expiresOn.isBefore(day));
  }
}
