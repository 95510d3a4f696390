package org.relief.consultations.visits;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The appointment book: the clinical staff see the day's visits; the front desk books them and
 * marks cancellations and no-shows; the front desk and nurses mark arrivals (checked in {@link
 * VisitController} for the status asked for).
 */
@Component
class VisitAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/visits")
        .hasAnyRole(Role.clinicalAuthorities())
        .requestMatchers(HttpMethod.POST, "/visits")
        .hasRole(Role.FRONT_DESK.name())
        .requestMatchers(HttpMethod.POST, "/visits/*/status")
        .hasAnyRole(Role.FRONT_DESK.name(), Role.NURSE.name());
  }
}
