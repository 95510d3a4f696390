package org.relief.procedures.scheduling;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who does what with procedure scheduling: the practice administrator keeps rooms and sessions;
 * front desk, nurses and pain physicians book and tick checklist items; only a pain physician
 * overrides an item or starts a procedure. Surgeons see the list and checklists. Recruiters and
 * specialists see none of it.
 */
@Component
class SchedulingAccessRules implements AccessRules {

  private static final String[] BOOKERS = {
    Role.PAIN_PHYSICIAN.name(), Role.NURSE.name(), Role.FRONT_DESK.name()
  };

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/procedures/rooms", "/procedures/rooms/**", "/procedures/sessions")
        .hasRole(Role.PRACTICE_ADMIN.name())
        .requestMatchers(
            HttpMethod.POST,
            "/procedures/bookings/*/items/*/override",
            "/procedures/bookings/*/start")
        .hasRole(Role.PAIN_PHYSICIAN.name())
        .requestMatchers(HttpMethod.POST, "/procedures/bookings", "/procedures/bookings/**")
        .hasAnyRole(BOOKERS)
        .requestMatchers(HttpMethod.GET, "/procedures/bookings/new")
        .hasAnyRole(BOOKERS)
        .requestMatchers(HttpMethod.GET, "/procedures/schedule", "/procedures/bookings/*")
        .hasAnyRole(Role.clinicalAuthorities());
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/procedures/bookings")
        .access(SmartScopes.require("Appointment", 'r'));
  }
}
