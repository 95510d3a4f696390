package org.relief.careers.portfolio;

import java.time.Instant;
import java.time.YearMonth;

/** A time-limited link to a portfolio over a period; the token itself is never stored. */
public record PortfolioShare(
    long id,
    long userId,
    YearMonth from,
    YearMonth to,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  public boolean openAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
