package org.relief.review.summary;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The pre-visit summary is a clinical document: pain physicians, surgeons and nurses see it; the
 * front desk, which opens the chart to book and register, does not (the summary gathers mental
 * health answers, opioid doses and red flags that booking does not need; minimum necessary,
 * docs/decisions/0035-pre-visit-summary-access.md).
 *
 * <p>Ordered first because the patients module claims {@code /patients/**} for every clinical role
 * including the front desk, and the first matching rule wins.
 */
@Component
@Order(100)
class SummaryAccessRules implements AccessRules {

  static final String[] ROLES = {
    Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name(), Role.NURSE.name()
  };

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/patients/*/summary", "/patients/*/summary.pdf")
        .hasAnyRole(ROLES);
  }
}
