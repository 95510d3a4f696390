package org.relief.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.SmartScopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks the caller's SMART scopes for one FHIR interaction on one resource type: {@code c}reate,
 * {@code r}ead (read, vread, history), {@code u}pdate, {@code d}elete, {@code s}earch. A refusal is
 * audited and answered with 403 and an OperationOutcome. Used for every request by the server and
 * for every entry of a batch or transaction Bundle.
 */
@Component
public class FhirScopes {

  private final AuditTrail audit;

  FhirScopes(AuditTrail audit) {
    this.audit = audit;
  }

  /** Refuses the request unless a granted scope permits {@code permission} on {@code type}. */
  public void require(String type, char permission) {
    if (!permits(type, permission)) {
      audit.recordAccess(
          AuditActions.ACCESS_DENIED, type, null, Outcome.FAILURE, "missing scope " + permission);
      throw new ForbiddenOperationException(
          "The token's scopes do not allow "
              + describe(permission)
              + " "
              + type
              + " resources; ask for system/"
              + type
              + "."
              + permission
              + " at POST /oauth2/token.");
    }
  }

  /** Whether the caller holds a scope permitting {@code permission} on {@code type}. */
  public boolean permits(String type, char permission) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.isAuthenticated()
        && SmartScopes.scopesOf(auth).stream()
            .anyMatch(s -> SmartScopes.permits(s, type, permission));
  }

  private static String describe(char permission) {
    return switch (permission) {
      case 'c' -> "creating";
      case 'r' -> "reading";
      case 'u' -> "updating";
      case 'd' -> "deleting";
      case 's' -> "searching";
      default -> "this access to";
    };
  }
}
