package org.relief.fhir.bulk;

import java.util.List;
import org.relief.platform.AccessRules;
import org.relief.platform.SmartScopes;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The bulk import writes patients and their records of every kind, and a folder import reads the
 * server's disk: only a system client whose scopes cover creating and updating every resource type
 * ({@code system/*.cu} or more, e.g. {@code system/*.cruds}) may call it. No signed-in page reaches
 * it.
 */
@Component
class BulkImportAccessRules implements AccessRules {

  static final String REQUIRED = "system/*.cu";

  @Override
  public void api(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        .requestMatchers(HttpMethod.POST, "/api/v1/import")
        .access(
            (authentication, context) -> {
              var auth = authentication.get();
              return new AuthorizationDecision(
                  auth != null
                      && auth.isAuthenticated()
                      && SmartScopes.within(REQUIRED, List.copyOf(SmartScopes.scopesOf(auth))));
            });
  }
}
