package org.relief.careers.demand;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The demand view is for employers: recruiters, and practice administrators planning their own
 * hiring. It shows no person's data, only the model and public figures.
 */
@Component
class DemandAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/demand")
        .hasAnyRole(Role.RECRUITER.name(), Role.PRACTICE_ADMIN.name());
  }
}
