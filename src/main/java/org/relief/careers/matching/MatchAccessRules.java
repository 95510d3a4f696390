package org.relief.careers.matching;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Matches are the signed-in specialist's own. */
@Component
class MatchAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/matches", "/careers/matches/**")
        .hasRole(Role.SPECIALIST.name());
  }
}
