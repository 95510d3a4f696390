package org.relief.careers.portfolio;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The specialist's own portfolio pages; the portfolio is always the signed-in account's. */
@Component
class PortfolioAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers("/careers/portfolio", "/careers/portfolio/**")
        .hasRole(Role.SPECIALIST.name());
  }
}
