package org.relief.audit.internal;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only practice administrators read the trail; API clients need {@code AuditEvent} read. */
@Component
class AuditAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers(HttpMethod.GET, "/audit").hasRole(Role.PRACTICE_ADMIN.name());
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/audit/verify")
        .access(SmartScopes.require("AuditEvent", 'r'));
  }
}
