package org.relief.audit.internal;

import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records each refusal of an authenticated caller. Anonymous callers are not recorded here: they
 * are sent to sign in (pages) or answered 401 (API), and failed sign-ins are recorded where they
 * happen.
 */
@Component
class AuthorizationDenialAuditor {

  private final AuditTrail trail;

  AuthorizationDenialAuditor(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void on(AuthorizationDeniedEvent<?> event) {
    Authentication auth = event.getAuthentication().get();
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return;
    }
    String target = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      target = attrs.getRequest().getMethod() + " " + attrs.getRequest().getRequestURI();
    }
    trail.record(
        new AuditEntry(
            AuditTrail.actorOf(auth),
            AuditTrail.actorTypeOf(auth),
            AuditActions.ACCESS_DENIED,
            "Endpoint",
            target,
            Outcome.DENIED,
            AuditTrail.currentAddress(),
            null));
  }
}
