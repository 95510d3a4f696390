package org.relief.patients.history;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A pain history is a clinical record: clinical staff only. */
@Component
class PainHistoryAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers("/patients/*/pain-history").hasAnyRole(Role.clinicalAuthorities());
  }
}
