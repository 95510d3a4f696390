package org.relief.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.internal.UserRepository;
import org.relief.platform.NotFound;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and manages user accounts. Every change of who may do what is audited. */
@Service
public class UserAccounts {

  /** Minimum password length (OWASP ASVS 5.0 V6.2.1 asks for at least 8; we ask for 12). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final Clock clock;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  UserAccounts(
      UserRepository users,
      PasswordEncoder passwords,
      AuditTrail audit,
      Clock clock,
      FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
    this.sessions = sessions;
  }

  /** A new account as asked for on the admin page or by a bootstrap. */
  public record NewUser(String username, String displayName, String password, Set<Role> roles) {}

  @Transactional
  public UserAccount create(NewUser request) {
    return create(request, null);
  }

  /**
   * Creates accounts that all have the same password, hashing it once, each checked as {@link
   * #create(NewUser)} checks one. For seeding the synthetic demo, whose accounts share the demo
   * password anyway: the hash is slow on purpose, and one per account adds seconds to a demo start.
   */
  @Transactional
  public List<UserAccount> createSharingPassword(List<NewUser> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    String password = requests.get(0).password();
    if (requests.stream().anyMatch(r -> !password.equals(r.password()))) {
      throw new IllegalArgumentException("The accounts must all have the same password.");
    }
    checkPassword(password);
    String hash = passwords.encode(password);
    return requests.stream().map(r -> create(r, hash)).toList();
  }

  private UserAccount create(NewUser request, String passwordHash) {
    String username = normalise(request.username());
    if (!USERNAME.matcher(username).matches()) {
      throw new RuleViolation(
          "invalid-username",
          "A username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-',"
              + " starting with a letter or digit.");
    }
    if (request.displayName() == null || request.displayName().isBlank()) {
      throw new RuleViolation("missing-display-name", "Please give the person's name.");
    }
    if (request.displayName().strip().length() > 120) {
      throw new RuleViolation("display-name-too-long", "A name has at most 120 characters.");
    }
    checkPassword(request.password());
    if (request.roles() == null || request.roles().isEmpty()) {
      throw new RuleViolation("missing-role", "Give the account at least one role.");
    }
    if (users.findByUsername(username).isPresent()) {
      throw new RuleViolation(
          "duplicate-username",
          "The username '" + username + "' is already taken (usernames ignore upper/lower case).");
    }
    Instant now = clock.instant();
    long id =
        users.insert(
            username,
            request.displayName().strip(),
            passwordHash == null ? passwords.encode(request.password()) : passwordHash,
            EnumSet.copyOf(request.roles()),
            now);
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE, "UserAccount", Long.toString(id), Outcome.SUCCESS);
    return get(id);
  }

  public UserAccount get(long id) {
    return users.findById(id).orElseThrow(() -> new NotFound("There is no user account " + id));
  }

  public Optional<UserAccount> findByUsername(String username) {
    return users.findByUsername(normalise(username));
  }

  public List<UserAccount> all() {
    return users.findAll();
  }

  public long count() {
    return users.count();
  }

  /** Replaces an account's roles; the person's open sessions end so the change applies at once. */
  @Transactional
  public void changeRoles(long id, Set<Role> roles, String actingUsername) {
    UserAccount account = get(id);
    if (roles == null || roles.isEmpty()) {
      throw new RuleViolation("missing-role", "An account keeps at least one role.");
    }
    if (account.username().equals(actingUsername) && !roles.contains(Role.PRACTICE_ADMIN)) {
      throw new RuleViolation(
          "own-admin-role", "You cannot remove your own administrator role; ask another admin.");
    }
    users.replaceRoles(id, EnumSet.copyOf(roles));
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE, "UserAccount", Long.toString(id), Outcome.SUCCESS);
    endSessions(account.username());
  }

  /** Enables or disables an account; disabling ends the person's open sessions. */
  @Transactional
  public void setEnabled(long id, boolean enabled, String actingUsername) {
    UserAccount account = get(id);
    if (!enabled && account.username().equals(actingUsername)) {
      throw new RuleViolation("own-account", "You cannot disable your own account.");
    }
    users.setEnabled(id, enabled);
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE, "UserAccount", Long.toString(id), Outcome.SUCCESS);
    if (!enabled) {
      endSessions(account.username());
    }
  }

  /** Lifts a lockout before it runs out. */
  @Transactional
  public void unlock(long id) {
    get(id);
    users.resetFailures(id);
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE, "UserAccount", Long.toString(id), Outcome.SUCCESS);
  }

  /**
   * Ends a person's open sessions (after their second factor was reset, their roles changed or
   * their account disabled).
   */
  public void endSessionsOf(long id) {
    endSessions(get(id).username());
  }

  /** Sets a new password chosen by an administrator. */
  @Transactional
  public void resetPassword(long id, String password) {
    UserAccount account = get(id);
    checkPassword(password);
    users.setPassword(id, passwords.encode(password), clock.instant());
    audit.recordAccess(
        AuditActions.PRIVILEGE_CHANGE, "UserAccount", Long.toString(id), Outcome.SUCCESS);
    endSessions(account.username());
  }

  private void endSessions(String username) {
    sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new RuleViolation(
          "weak-password", "A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.length() > 128) {
      throw new RuleViolation("long-password", "A password has at most 128 characters.");
    }
  }

  static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
