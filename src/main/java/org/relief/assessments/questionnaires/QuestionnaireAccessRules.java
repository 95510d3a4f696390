package org.relief.assessments.questionnaires;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Clinical staff send questionnaires; patients answer them through their link without an account
 * (the link's token is the credential, and its pages keep CSRF protection on every form).
 */
@Component
class QuestionnaireAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/q/**")
        .permitAll()
        .requestMatchers("/questionnaires", "/questionnaires/**")
        .hasAnyRole(Role.clinicalAuthorities());
  }
}
