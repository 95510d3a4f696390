package org.relief.identity.web;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class IdentityAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers(HttpMethod.GET, "/").authenticated();
    rules.requestMatchers("/login/code").permitAll();
    rules.requestMatchers("/account/security", "/account/security/**").authenticated();
    rules.requestMatchers("/admin/users", "/admin/users/**").hasRole(Role.PRACTICE_ADMIN.name());
    rules
        .requestMatchers(HttpMethod.GET, "/care-teams/*")
        .hasAnyRole(
            Role.PAIN_PHYSICIAN.name(),
            Role.SURGEON.name(),
            Role.NURSE.name(),
            Role.PRACTICE_ADMIN.name());
    rules
        .requestMatchers(HttpMethod.POST, "/care-teams/*/members", "/care-teams/*/members/*/remove")
        .hasAnyRole(Role.PAIN_PHYSICIAN.name(), Role.PRACTICE_ADMIN.name());
  }

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated();
  }
}
