package org.relief.careers.portfolio;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The specialist's own portfolio pages (always the signed-in account's), the practice
 * administrator's attestations, and shared portfolios, where the link's token is the credential.
 */
@Component
class PortfolioAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/portfolio", "/careers/portfolio/**")
        .hasRole(Role.SPECIALIST.name());
    rules
        .requestMatchers("/careers/attestations", "/careers/attestations/**")
        .hasRole(Role.PRACTICE_ADMIN.name());
    rules.requestMatchers(HttpMethod.GET, "/portfolio/shared/{token}").permitAll();
  }
}
