package org.relief.patients.diagnoses;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Diagnoses are clinical data: the practice's clinical staff only. */
@Component
class DiagnosisAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/patients/*/diagnoses", "/patients/*/diagnoses/**")
        .hasAnyRole(Role.clinicalAuthorities());
  }
}
