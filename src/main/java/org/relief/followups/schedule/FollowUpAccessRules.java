package org.relief.followups.schedule;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Nurses and pain physicians work the evening list and the diaries; the practice administrator and
 * pain physicians edit the plans; the front desk may see the outbox of reminders. Patients open
 * their follow-up and diary pages through a link whose token is the credential (CSRF stays on).
 */
@Component
class FollowUpAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    String nurse = Role.NURSE.name();
    String physician = Role.PAIN_PHYSICIAN.name();
    String admin = Role.PRACTICE_ADMIN.name();
    String desk = Role.FRONT_DESK.name();
    rules
        .requestMatchers("/followup/**", "/diary/**")
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/followups/plans", "/followups/plans/**")
        .hasAnyRole(nurse, physician, admin)
        .requestMatchers(HttpMethod.POST, "/followups/plans/**")
        .hasAnyRole(physician, admin)
        .requestMatchers(HttpMethod.GET, "/followups/outbox")
        .hasAnyRole(desk, nurse, physician, admin)
        .requestMatchers(HttpMethod.POST, "/followups/escalations/*/close")
        .hasRole(physician)
        .requestMatchers("/followups", "/followups/**")
        .hasAnyRole(nurse, physician);
  }
}
