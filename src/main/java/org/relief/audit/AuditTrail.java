package org.relief.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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

  /** The events of the batch this thread is in, if it is in one. */
  private final ThreadLocal<List<AuditEntry>> batch = new ThreadLocal<>();

  AuditTrail(AuditLedger ledger) {
    this.ledger = ledger;
  }

  /** Appends one event exactly as given. */
  public void record(AuditEntry entry) {
    List<AuditEntry> pending = batch.get();
    if (pending != null) {
      pending.add(entry);
    } else {
      ledger.append(entry);
    }
  }

  /**
   * Runs {@code work} and appends every event it records in one batch when it ends, in the order
   * recorded and chained like any others, under one lock and one commit (decision 0076). The events
   * are appended whether {@code work} succeeds or fails; if appending fails, the call fails, so
   * nothing done unaudited is answered as done. Call it inside the caller's transaction to make the
   * work roll back when its audit cannot be written. A batch inside a batch joins the outer one.
   */
  public <T> T inOneBatch(Supplier<T> work) {
    if (batch.get() != null) {
      return work.get();
    }
    List<AuditEntry> pending = new ArrayList<>();
    batch.set(pending);
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      batch.remove();
      try {
        ledger.appendAll(pending);
      } catch (RuntimeException auditFailure) {
        e.addSuppressed(auditFailure);
      }
      throw e;
    }
    batch.remove();
    ledger.appendAll(pending);
    return result;
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
    record(
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
