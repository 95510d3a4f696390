package org.relief.platform;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's authorization rules for its own URLs. Each module declares one bean; the security
 * configuration applies them all and denies every URL that no module claims.
 */
public interface AccessRules {

  /** Rules for signed-in pages (form login, session, CSRF). */
  default void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {}

  /** Rules for the bearer-token API under {@code /api/v1} and {@code /fhir}. */
  default void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {}
}
