package org.relief.assessments.api;

import org.relief.platform.AccessRules;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * API clients read the instrument library and score answers with {@code Questionnaire} read:
 * scoring keeps nothing, so it needs no write permission.
 */
@Component
class AssessmentsAccessRules implements AccessRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/instruments")
        .access(SmartScopes.require("Questionnaire", 'r'))
        .requestMatchers(HttpMethod.POST, "/api/v1/instruments/*/score")
        .access(SmartScopes.require("Questionnaire", 'r'));
  }
}
