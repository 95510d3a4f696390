package org.relief.identity.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password was right and which now waits for the second factor. Kept in the
 * session; it grants nothing by itself.
 */
record PendingSignIn(long userId, String username, Instant passwordAcceptedAt)
    implements Serializable {

  static final String ATTRIBUTE = "relief.pendingSignIn";
  static final Duration VALID_FOR = Duration.ofMinutes(5);

  boolean expiredAt(Instant now) {
    return passwordAcceptedAt.plus(VALID_FOR).isBefore(now);
  }
}
