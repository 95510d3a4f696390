package org.relief.support;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;

/** A new staff account with one role, signed in through the real login form. */
public final class Staff {

  public static final String PASSWORD = "a-long-enough-pass";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Staff() {}

  /** Creates an account named after the role and returns a browser-like client signed in as it. */
  public static Http signedIn(UserAccounts accounts, int port, Role role) {
    String username =
        "staff-"
            + role.name().toLowerCase(Locale.ROOT).replace('_', '-')
            + "-"
            + SEQ.incrementAndGet();
    accounts.create(
        new UserAccounts.NewUser(username, "Staff " + username, PASSWORD, Set.of(role)));
    Http browser = Http.browser(port);
    browser.signIn(username, PASSWORD);
    return browser;
  }
}
