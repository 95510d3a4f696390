package org.relief.fhir;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/metadata} is open, as FHIR and SMART expect a client to discover the server before
 * it has a token; everything else under {@code /fhir} needs a bearer token, and its scopes are
 * checked per resource type and interaction by {@link FhirScopes} once the request is parsed.
 */
@Component
class FhirAccessRules implements org.relief.platform.AccessRules {

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.GET, "/fhir/metadata")
        .permitAll()
        .requestMatchers("/fhir", "/fhir/**")
        .authenticated();
  }
}
