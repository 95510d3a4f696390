package org.relief.platform;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * SMART App Launch 2 style scopes: {@code system/Patient.rs}, {@code system/*.cruds}; v1 forms
 * {@code .read}, {@code .write} and {@code .*} are understood as {@code rs}, {@code cud} and {@code
 * cruds}. Granted scopes are carried as authorities {@code SCOPE_<scope>}.
 */
public final class SmartScopes {

  private static final Pattern SCOPE =
      Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]*)\\.(read|write|\\*|c?r?u?d?s?)");

  /** Every scope a system client can hold. */
  public static final String ALL = "system/*.cruds";

  private SmartScopes() {}

  /** Whether a scope string is well formed. */
  public static boolean valid(String scope) {
    Matcher m = SCOPE.matcher(scope);
    return m.matches() && !m.group(3).isEmpty();
  }

  /**
   * Whether {@code granted} allows {@code permission} (one of c r u d s) on {@code resource} for a
   * system client.
   */
  public static boolean permits(String granted, String resource, char permission) {
    return permits(granted, "system", resource, permission);
  }

  /**
   * Whether {@code granted} is a {@code patient/} scope allowing {@code permission} on {@code
   * resource}; it reaches only the patient of the token's launch context ({@link #patientOf}).
   */
  public static boolean permitsForPatient(String granted, String resource, char permission) {
    return permits(granted, "patient", resource, permission);
  }

  /** The authority carrying a token's patient context: {@code PATIENT_<id>}. */
  public static final String PATIENT_CONTEXT = "PATIENT_";

  /** The patient a token is narrowed to (SMART launch context {@code patient}), if any. */
  public static java.util.Optional<Long> patientOf(Authentication authentication) {
    if (authentication == null) {
      return java.util.Optional.empty();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(PATIENT_CONTEXT))
        .map(a -> Long.parseLong(a.substring(PATIENT_CONTEXT.length())))
        .findFirst();
  }

  private static boolean permits(String granted, String context, String resource, char permission) {
    Matcher m = SCOPE.matcher(granted);
    if (!m.matches() || !m.group(1).equals(context)) {
      return false;
    }
    if (!m.group(2).equals("*") && !m.group(2).equals(resource)) {
      return false;
    }
    return expand(m.group(3)).indexOf(permission) >= 0;
  }

  /** Whether every permission of {@code requested} is within one of {@code granted}. */
  public static boolean within(String requested, Collection<String> granted) {
    Matcher m = SCOPE.matcher(requested);
    if (!m.matches()) {
      return false;
    }
    String context = m.group(1);
    String resource = m.group(2);
    for (char p : expand(m.group(3)).toCharArray()) {
      boolean covered =
          granted.stream()
              .anyMatch(
                  g ->
                      resource.equals("*")
                          ? permitsEveryResource(g, context, p)
                          : permits(g, context, resource, p));
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private static boolean permitsEveryResource(String granted, String context, char permission) {
    Matcher m = SCOPE.matcher(granted);
    return m.matches()
        && m.group(1).equals(context)
        && m.group(2).equals("*")
        && expand(m.group(3)).indexOf(permission) >= 0;
  }

  private static String expand(String permissions) {
    return switch (permissions) {
      case "read" -> "rs";
      case "write" -> "cud";
      case "*" -> "cruds";
      default -> permissions;
    };
  }

  /** An authorization rule: the caller's token holds a scope permitting this access. */
  public static AuthorizationManager<RequestAuthorizationContext> require(
      String resource, char permission) {
    return new AuthorizationManager<>() {
      @Override
      public AuthorizationResult authorize(
          Supplier<? extends Authentication> authentication, RequestAuthorizationContext ctx) {
        Authentication auth = authentication.get();
        boolean granted =
            auth != null
                && auth.isAuthenticated()
                && scopesOf(auth).stream().anyMatch(s -> permits(s, resource, permission));
        return new AuthorizationDecision(granted);
      }
    };
  }

  /** The scopes carried by an authenticated token. */
  public static Set<String> scopesOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("SCOPE_"))
        .map(a -> a.substring("SCOPE_".length()))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
