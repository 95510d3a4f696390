package org.relief.careers.outreach;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Recruiters write about their own organisation's postings (which organisation is decided in {@link
 * Outreach}); specialists read and answer their own inbox.
 */
@Component
class OutreachAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/outreach", "/careers/outreach/**")
        .hasRole(Role.RECRUITER.name());
    rules.requestMatchers("/careers/inbox", "/careers/inbox/**").hasRole(Role.SPECIALIST.name());
  }
}
