package org.relief.patients.medicationlist;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Medication lists are clinical data: the practice's clinical staff only. */
@Component
class MedicationListAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/patients/*/medications", "/patients/*/medications/**")
        .hasAnyRole(Role.clinicalAuthorities());
  }
}
