package org.relief.conferences.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The signed-in clinician's account and the names of the practice's people, for the pages. */
@Component
class SignedIn {

  private final UserAccounts accounts;

  SignedIn(UserAccounts accounts) {
    this.accounts = accounts;
  }

  UserAccount me(Authentication auth) {
    return accounts
        .findByUsername(auth.getName())
        .orElseThrow(() -> new RuleViolation("unknown-user", "Sign in again."));
  }

  Map<Long, String> names() {
    return accounts.all().stream()
        .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName, (a, b) -> a));
  }

  Map<Long, UserAccount> byId() {
    return accounts.all().stream()
        .collect(Collectors.toMap(UserAccount::id, Function.identity(), (a, b) -> a));
  }
}
