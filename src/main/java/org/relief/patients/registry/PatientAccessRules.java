package org.relief.patients.registry;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The registry is for the practice's clinical staff; administrators and recruiters do not see it.
 */
@Component
class PatientAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers("/patients", "/patients/**").hasAnyRole(Role.clinicalAuthorities());
  }
}
