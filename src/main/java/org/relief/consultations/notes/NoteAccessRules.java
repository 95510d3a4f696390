package org.relief.consultations.notes;

import org.relief.platform.AccessRules;
import org.relief.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Visit notes are clinical: physicians, surgeons and nurses read them; physicians and surgeons
 * write them (and {@link VisitNotes} lets only the visit's own clinician write and sign); nurses
 * also move plan items on and add addenda. The front desk books visits but does not read notes.
 */
@Component
class NoteAccessRules implements AccessRules {

  @Override
  public void pages(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    String[] clinicians = {Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name(), Role.NURSE.name()};
    String[] writers = {Role.PAIN_PHYSICIAN.name(), Role.SURGEON.name()};
    rules
        .requestMatchers(HttpMethod.GET, "/visits/*")
        .hasAnyRole(clinicians)
        .requestMatchers(
            HttpMethod.POST,
            "/visits/*/note",
            "/visits/*/sign",
            "/visits/*/plan",
            "/visits/*/plan/*/remove")
        .hasAnyRole(writers)
        .requestMatchers(HttpMethod.POST, "/visits/*/plan/*/status", "/visits/*/addenda")
        .hasAnyRole(clinicians);
  }
}
