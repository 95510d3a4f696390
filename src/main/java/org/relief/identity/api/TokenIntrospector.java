package org.relief.identity.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relief.platform.SmartScopes;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Resolves a bearer token against our own token table; each scope becomes a SCOPE_ authority. */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiClients clients;

  TokenIntrospector(ApiClients clients) {
    this.clients = clients;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    var grant =
        clients
            .introspect(token)
            .orElseThrow(() -> new BadOpaqueTokenException("Unknown or expired token"));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("client_id", grant.clientId());
    attributes.put("sub", grant.clientId());
    attributes.put("scope", grant.scopes());
    attributes.put("exp", grant.expiresAt());
    List<GrantedAuthority> authorities = new ArrayList<>();
    grant.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
    if (grant.patientId() != null) {
      attributes.put("patient", Long.toString(grant.patientId()));
      authorities.add(new SimpleGrantedAuthority(SmartScopes.PATIENT_CONTEXT + grant.patientId()));
    }
    return new DefaultOAuth2AuthenticatedPrincipal(grant.clientId(), attributes, authorities);
  }
}
