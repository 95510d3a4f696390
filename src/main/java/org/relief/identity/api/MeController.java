package org.relief.identity.api;

import java.util.Set;
import org.relief.audit.AuditTrail;
import org.relief.platform.SmartScopes;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

  /** Who the caller is, as the API sees it. */
  record Me(String id, String type, Set<String> scopes) {}

  @GetMapping("/api/v1/me")
  Me me(Authentication authentication) {
    return new Me(
        authentication.getName(),
        AuditTrail.actorTypeOf(authentication).name(),
        SmartScopes.scopesOf(authentication));
  }
}
