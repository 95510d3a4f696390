package org.relief.procedures.api;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * API clients reading the catalogue or planning anticoagulation need {@code Procedure} read: the
 * plan request carries a patient's medications even though nothing is stored.
 */
@Component
class ProcedureAccessRules implements AccessRules {

  /**
   * Procedure notes are written by the physicians who do procedures and the nurses who assist; only
   * the operator (or the supervisor) completes one, which the note itself checks.
   */
  private static final String[] NOTE_WRITERS = {
    Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name(), Role.NURSE.name()
  };

  /** The catalogue and planner pages are for the practice's clinical staff. */
  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/procedures", "/procedures/anticoagulation")
        .hasAnyRole(Role.clinicalAuthorities())
        .requestMatchers(HttpMethod.GET, "/procedures/notes/new", "/procedures/notes/{id}")
        .hasAnyRole(NOTE_WRITERS)
        .requestMatchers(
            HttpMethod.POST,
            "/procedures/notes",
            "/procedures/notes/{id}",
            "/procedures/notes/{id}/coding")
        .hasAnyRole(NOTE_WRITERS);
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/procedures/catalogue")
        .access(SmartScopes.require("Procedure", 'r'))
        .requestMatchers(HttpMethod.POST, "/api/v1/anticoagulation/plan")
        .access(SmartScopes.require("Procedure", 'r'));
  }
}
