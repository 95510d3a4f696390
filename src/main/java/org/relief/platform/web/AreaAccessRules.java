package org.relief.platform.web;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open each area of the day: the clinical areas for practice staff. */
@Component
class AreaAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers(HttpMethod.GET, "/followups").hasAnyRole(Role.clinicalAuthorities());
    rules.requestMatchers(HttpMethod.GET, "/outcomes").hasAnyRole(Role.practiceAuthorities());
  }
}
