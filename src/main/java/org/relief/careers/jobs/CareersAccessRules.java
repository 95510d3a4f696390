package org.relief.careers.jobs;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The job board is public (reading only); postings are written by recruiters, organisations are
 * managed by practice administrators. Which organisation's postings a recruiter may touch is
 * decided in {@link JobPostings}, not here.
 */
@Component
class CareersAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules.requestMatchers(HttpMethod.GET, "/jobs", "/jobs/{id}").permitAll();
    rules.requestMatchers(HttpMethod.GET, "/careers").authenticated();
    rules
        .requestMatchers("/careers/employers", "/careers/employers/**")
        .hasRole(Role.PRACTICE_ADMIN.name());
    rules
        .requestMatchers("/careers/postings", "/careers/postings/**")
        .hasRole(Role.RECRUITER.name());
  }
}
