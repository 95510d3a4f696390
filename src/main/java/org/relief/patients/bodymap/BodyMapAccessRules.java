package org.relief.patients.bodymap;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A body map is a clinical record: clinical staff only. */
@Component
class BodyMapAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers("/patients/*/body-map").hasAnyRole(Role.clinicalAuthorities());
  }
}
