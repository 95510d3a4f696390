package org.relief.conferences.web;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Conferences are for the practice's clinicians: physicians, surgeons and nurses. Which cases a
 * clinician sees within them is decided per case (care team or attendee) by the module itself.
 */
@Component
class ConferenceAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/conferences", "/conferences/**")
        .hasAnyRole(Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name(), Role.NURSE.name());
  }
}
