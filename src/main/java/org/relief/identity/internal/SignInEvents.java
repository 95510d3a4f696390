package org.relief.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens around a sign-in: failures are counted and lock the account after too many in a row;
 * a success clears the count; each sign-in, failure, lock and sign-out is audited. A failed sign-in
 * always shows the same message, whether the password was wrong, the account unknown, locked or
 * disabled (OWASP ASVS 5.0 V6.3.8).
 */
@Component
class SignInEvents
    implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

  private final UserRepository users;
  private final AuditTrail audit;
  private final Clock clock;
  private final IdentitySettings settings;
  private final SecondFactors secondFactors;
  private final SavedRequestAwareAuthenticationSuccessHandler next =
      new SavedRequestAwareAuthenticationSuccessHandler();

  SignInEvents(
      UserRepository users,
      AuditTrail audit,
      Clock clock,
      IdentitySettings settings,
      SecondFactors secondFactors) {
    this.secondFactors = secondFactors;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    next.setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    var account = users.credentials(authentication.getName());
    if (account.isPresent() && secondFactors.enabledFor(account.get().id())) {
      // The password was right; nothing is granted until the code is. The context the login
      // filter has already saved is taken back out of the session.
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession();
      session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      session.setAttribute(
          PendingSignIn.ATTRIBUTE,
          new PendingSignIn(account.get().id(), account.get().username(), clock.instant()));
      response.sendRedirect(request.getContextPath() + "/login/code");
      return;
    }
    if (account.isPresent() && mustSetUpTwoStep(account.get())) {
      request.getSession().setAttribute(TwoStepRequired.ATTRIBUTE, Boolean.TRUE);
      signedIn(authentication.getName(), request, "two-step-setup-required");
      response.sendRedirect(request.getContextPath() + "/account/security");
      return;
    }
    signedIn(authentication.getName(), request, null);
    next.onAuthenticationSuccess(request, response, authentication);
  }

  /**
   * Whether the person's role requires two-step sign-in that they have not set up. Without a key to
   * seal secrets, nobody could set it up, so the requirement waits (a warning says so at start-up).
   */
  private boolean mustSetUpTwoStep(UserRepository.Credentials account) {
    return secondFactors.available()
        && account.roles().stream().anyMatch(settings.requireTwoStepFor()::contains)
        && !secondFactors.enabledFor(account.id());
  }

  /** Records a completed sign-in: clears the failure count and audits it. */
  void signedIn(String username, HttpServletRequest request, String detail) {
    users
        .credentials(username)
        .ifPresent(
            c -> {
              users.recordSuccess(c.id(), clock.instant());
              log.info("User {} signed in", c.id());
            });
    audit.record(entry(username, AuditActions.SIGN_IN, Outcome.SUCCESS, request, detail));
  }

  /**
   * Records a wrong second-factor code like a wrong password: it counts towards the lockout.
   * Returns whether the account is now locked.
   */
  boolean wrongCode(PendingSignIn pending, HttpServletRequest request) {
    var lockout = settings.lockout();
    boolean locked =
        users.recordFailure(
            pending.userId(),
            lockout.maxFailedAttempts(),
            clock.instant().plus(lockout.duration()));
    if (locked) {
      log.warn("User {} locked after repeated failed sign-ins", pending.userId());
      audit.record(
          entry(pending.username(), AuditActions.ACCOUNT_LOCKED, Outcome.SUCCESS, request, null));
    }
    audit.record(
        entry(
            pending.username(),
            AuditActions.SIGN_IN,
            Outcome.FAILURE,
            request,
            "wrong-second-factor"));
    return locked;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String attempted = attemptedUsername(request);
    String reason = reasonOf(exception);
    var account = users.credentials(attempted);
    if (account.isPresent() && "bad-credentials".equals(reason)) {
      var lockout = settings.lockout();
      boolean locked =
          users.recordFailure(
              account.get().id(),
              lockout.maxFailedAttempts(),
              clock.instant().plus(lockout.duration()));
      if (locked) {
        log.warn("User {} locked after repeated failed sign-ins", account.get().id());
        audit.record(entry(attempted, AuditActions.ACCOUNT_LOCKED, Outcome.SUCCESS, request, null));
      }
    }
    audit.record(
        entry(
            account.isPresent() ? attempted : "unknown-account",
            AuditActions.SIGN_IN,
            Outcome.FAILURE,
            request,
            account.isPresent() ? reason : "unknown-account"));
    response.sendRedirect(request.getContextPath() + "/login?error");
  }

  @Override
  public void onLogoutSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    if (authentication != null) {
      audit.record(
          entry(authentication.getName(), AuditActions.SIGN_OUT, Outcome.SUCCESS, request, null));
    }
    response.sendRedirect(request.getContextPath() + "/login?signedOut");
  }

  private static String reasonOf(AuthenticationException e) {
    if (e instanceof LockedException) {
      return "account-locked";
    }
    if (e instanceof DisabledException) {
      return "account-disabled";
    }
    return "bad-credentials";
  }

  private static String attemptedUsername(HttpServletRequest request) {
    String username = request.getParameter("username");
    if (username == null) {
      return "";
    }
    String normalised = username.strip().toLowerCase(Locale.ROOT);
    return normalised.length() > 64 ? normalised.substring(0, 64) : normalised;
  }

  private static AuditEntry entry(
      String actor, String action, Outcome outcome, HttpServletRequest request, String detail) {
    return new AuditEntry(
        actor,
        ActorType.USER,
        action,
        "UserAccount",
        actor,
        outcome,
        request.getRemoteAddr(),
        detail);
  }
}
