package org.relief.careers.applications;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Specialists see their own applications; recruiters run their own organisation's pipeline (which
 * organisation is decided in {@link Applications}, not here).
 */
@Component
class ApplicationAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers("/careers/applications").hasRole(Role.SPECIALIST.name());
    rules
        .requestMatchers("/careers/pipeline", "/careers/pipeline/**")
        .hasRole(Role.RECRUITER.name());
  }
}
