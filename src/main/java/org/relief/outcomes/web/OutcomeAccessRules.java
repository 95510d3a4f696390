package org.relief.outcomes.web;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who sees outcomes (docs/decisions/0048-who-sees-outcomes.md).
 *
 * <ul>
 *   <li>Practice analytics: the physicians who perform procedures (pain physicians, surgeons), the
 *       nurses who run the follow-ups whose completeness the rates rest on, and the practice
 *       administrator who answers for quality. Not the front desk: the page compares physicians and
 *       nothing in it serves booking. Never recruiters or specialists from outside.
 *   <li>One episode's outcome: the clinical roles that open the patient's chart, like the chart.
 *   <li>API: aggregate rates need {@code MeasureReport} read, FHIR's resource for the results of a
 *       quality measure; a client allowed only {@code Patient} or {@code Observation} does not get
 *       them.
 * </ul>
 */
@Component
class OutcomeAccessRules implements AccessRules {

  static final String[] ANALYTICS = {
    Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name(), Role.NURSE.name(), Role.PRACTICE_ADMIN.name()
  };

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/outcomes", "/outcomes/export.csv")
        .hasAnyRole(ANALYTICS)
        .requestMatchers(HttpMethod.GET, "/outcomes/episodes/*")
        .hasAnyRole(Role.clinicalAuthorities());
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/api/v1/outcomes/responders")
        .access(SmartScopes.require("MeasureReport", 'r'));
  }
}
