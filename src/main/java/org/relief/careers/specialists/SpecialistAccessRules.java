package org.relief.careers.specialists;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A specialist's own pages. Which profile they act on is always the signed-in account's; nothing
 * here takes a profile ID from the request.
 */
@Component
class SpecialistAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/profile", "/careers/profile/**")
        .hasRole(Role.SPECIALIST.name());
  }
}
