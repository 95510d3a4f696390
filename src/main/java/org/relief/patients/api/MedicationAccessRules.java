package org.relief.patients.api;

import org.relief.platform.AccessRules;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * API clients calculating MME need {@code MedicationStatement} read: the request carries a
 * patient's medications even though nothing is stored.
 */
@Component
class MedicationAccessRules implements AccessRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.POST, "/api/v1/opioids/mme")
        .access(SmartScopes.require("MedicationStatement", 'r'));
  }
}
