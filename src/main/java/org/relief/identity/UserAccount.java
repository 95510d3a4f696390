package org.relief.identity;

import java.time.Instant;
import java.util.Set;
import org.relief.platform.Role;

/** A person's account as other modules and pages see it (never the password hash). */
public record UserAccount(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    boolean enabled,
    Instant lockedUntil,
    Instant lastSignedInAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
