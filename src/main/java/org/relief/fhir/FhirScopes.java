package org.relief.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.SmartScopes;
import org.springframework.beans.factory.ObjectProvider;
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
  private final ObjectProvider<PatientScoped> patientScoped;

  FhirScopes(AuditTrail audit, ObjectProvider<PatientScoped> patientScoped) {
    this.audit = audit;
    this.patientScoped = patientScoped;
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
        && (SmartScopes.scopesOf(auth).stream()
                .anyMatch(s -> SmartScopes.permits(s, type, permission))
            || permitsForPatient(auth, type, permission));
  }

  /**
   * The patient whose data alone this access may reach: the token's patient context when only a
   * {@code patient/} scope permits it; empty when a system scope does.
   */
  public Optional<Long> compartment(String type, char permission) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || SmartScopes.scopesOf(auth).stream()
            .anyMatch(s -> SmartScopes.permits(s, type, permission))) {
      return Optional.empty();
    }
    return SmartScopes.patientOf(auth);
  }

  /**
   * Refuses, audited, an access to another patient's data than the token's patient context allows
   * (403 with an OperationOutcome).
   */
  public void refuseOtherPatient(String type, String id) {
    audit.recordAccess(
        AuditActions.ACCESS_DENIED, type, id, Outcome.FAILURE, "outside the token's patient");
    throw new ForbiddenOperationException(
        "The token is for another patient; its patient/ scopes reach that patient's "
            + type
            + " resources only.");
  }

  /**
   * A {@code patient/} scope counts only for a token with a patient context, on a type whose
   * provider keeps the access inside that patient's compartment ({@link PatientScoped}).
   */
  private boolean permitsForPatient(Authentication auth, String type, char permission) {
    return SmartScopes.patientOf(auth).isPresent()
        && patientScoped.stream().anyMatch(p -> p.resourceType().equals(type))
        && SmartScopes.scopesOf(auth).stream()
            .anyMatch(s -> SmartScopes.permitsForPatient(s, type, permission));
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
