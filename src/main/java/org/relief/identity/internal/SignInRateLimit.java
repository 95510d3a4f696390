package org.relief.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.IdentitySettings;
import org.relief.platform.RateWindow;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (password and code) per client address, so that guessing many accounts'
 * passwords from one place is slowed down even where no single account reaches its lockout (OWASP
 * ASVS 5.0 V6.3.1; security checklist #17), in fixed one-minute windows per address ({@link
 * RateWindow}: per node).
 */
@Component
public class SignInRateLimit extends OncePerRequestFilter {

  private final AuditTrail audit;
  private final RateWindow window;

  SignInRateLimit(Clock clock, AuditTrail audit, IdentitySettings settings) {
    this.audit = audit;
    this.window = new RateWindow(clock, settings.signInAttemptsPerMinute());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod())
        || !(path.equals("/login") || path.equals("/login/code"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int count = window.count(request.getRemoteAddr());
    if (count <= window.perMinute()) {
      chain.doFilter(request, response);
      return;
    }
    if (count == window.perMinute() + 1) {
      audit.record(
          new AuditEntry(
              "anonymous",
              ActorType.ANONYMOUS,
              AuditActions.SIGN_IN,
              "Endpoint",
              "POST /login",
              Outcome.DENIED,
              request.getRemoteAddr(),
              "rate-limited"));
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(window.secondsToNextWindow()));
    response.setContentType("text/html;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many"
                + " attempts · Relief</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath()
                + "/css/relief.css\"></head><body><main class=\"narrow\"><h1>Too many sign-in"
                + " attempts</h1><p>Too many sign-in attempts came from this network in the last"
                + " minute. Please wait a minute and try again.</p></main></body></html>");
  }
}
