package org.relief.careers.specialists;

import java.time.LocalDate;

/**
 * A DEA or state controlled-substance registration for one state. What the employer or the
 * specialist verified is recorded here; the DEA registrant database is never built in (careers.md).
 */
public record Registration(
    long id,
    RegistrationKind kind,
    String state,
    String number,
    LocalDate expiresOn,
    String verifiedBy,
    LocalDate verifiedAt) {

  public boolean currentOn(LocalDate day) {
    return expiresOn == null || !expiresOn.isBefore(day);
  }
}
