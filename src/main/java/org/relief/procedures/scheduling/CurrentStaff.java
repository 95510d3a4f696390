package org.relief.procedures.scheduling;

import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in staff member acting on a page. */
@Component
class CurrentStaff {

  private final UserAccounts users;

  CurrentStaff(UserAccounts users) {
    this.users = users;
  }

  UserAccount get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return users
        .findByUsername(auth.getName())
        .orElseThrow(() -> new NotFound("Your account is no longer there; sign in again."));
  }
}
