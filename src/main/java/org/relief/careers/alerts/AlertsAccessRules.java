package org.relief.careers.alerts;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Saved searches belong to specialists. Whose saved search is acted on is always the signed-in
 * account's; {@link SavedSearches} refuses another's as not found.
 */
@Component
class AlertsAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/searches", "/careers/searches/**")
        .hasRole(Role.SPECIALIST.name());
  }
}
