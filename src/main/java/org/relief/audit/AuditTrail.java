package org.relief.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.internal.AuditLedger;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends events to the audit trail. Recording is synchronous; a failure fails the request. */
@Service
public class AuditTrail {

  private final AuditLedger ledger;

  AuditTrail(AuditLedger ledger) {
    this.ledger = ledger;
  }

  /** Appends one event exactly as given. */
  public void record(AuditEntry entry) {
    ledger.append(entry);
  }

  /**
   * Records an access to patient data (or another audited object) by whoever is making the current
   * request, UI user or API client, from the request's address.
   */
  public void recordAccess(String action, String objectType, String objectId, Outcome outcome) {
    recordAccess(action, objectType, objectId, outcome, null);
  }

  /**
   * As {@link #recordAccess(String, String, String, Outcome)}, with a short detail that holds no
   * health data (for a search: how it searched and how many it found).
   */
  public void recordAccess(
      String action, String objectType, String objectId, Outcome outcome, String detail) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean system = auth == null && RequestContextHolder.getRequestAttributes() == null;
    ledger.append(
        new AuditEntry(
            system ? "relief" : actorOf(auth),
            system ? ActorType.SYSTEM : actorTypeOf(auth),
            action,
            objectType,
            objectId,
            outcome,
            currentAddress(),
            detail));
  }

  /** The identifier of an authenticated caller as it appears in the trail. */
  public static String actorOf(Authentication auth) {
    return auth == null || auth instanceof AnonymousAuthenticationToken
        ? "anonymous"
        : auth.getName();
  }

  public static ActorType actorTypeOf(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return ActorType.ANONYMOUS;
    }
    return auth instanceof BearerTokenAuthentication ? ActorType.API_CLIENT : ActorType.USER;
  }

  /** The address of the current request, or null outside a request. */
  public static String currentAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
