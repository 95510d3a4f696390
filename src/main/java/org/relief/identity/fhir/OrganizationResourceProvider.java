package org.relief.identity.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Organization}: the practice running this Relief ({@code relief.practice.name}), as
 * {@code Organization/practice}. Read; search by {@code name} (any part, case-insensitive) and
 * {@code identifier}. Employers of the careers module are not FHIR organizations. Read-only;
 * audited.
 */
@Component
public class OrganizationResourceProvider implements IResourceProvider {

  private static final String TYPE = "Organization";

  private final PracticeSettings practice;
  private final AuditTrail audit;

  OrganizationResourceProvider(PracticeSettings practice, AuditTrail audit) {
    this.practice = practice;
    this.audit = audit;
  }

  @Override
  public Class<Organization> getResourceType() {
    return Organization.class;
  }

  @Read
  public Organization read(@IdParam IdType id) {
    boolean found = PractitionerMapper.PRACTICE_ID.equals(id.getIdPart());
    audit.recordAccess(
        AuditActions.READ, TYPE, id.getIdPart(), found ? Outcome.SUCCESS : Outcome.FAILURE);
    if (!found) {
      throw new ResourceNotFoundException(id);
    }
    return PractitionerMapper.practice(practice.name());
  }

  @Search
  public List<Organization> search(
      @OptionalParam(name = Organization.SP_NAME) StringParam name,
      @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
    boolean matches =
        (name == null
                || practice
                    .name()
                    .toLowerCase(Locale.ROOT)
                    .contains(name.getValue().toLowerCase(Locale.ROOT)))
            && (identifier == null
                || (PractitionerMapper.PRACTICE_ID.equals(identifier.getValue())
                    && (identifier.getSystem() == null
                        || identifier.getSystem().isEmpty()
                        || PractitionerMapper.PRACTICE_SYSTEM.equals(identifier.getSystem()))));
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        null,
        Outcome.SUCCESS,
        "fhir search, results " + (matches ? 1 : 0));
    return matches ? List.of(PractitionerMapper.practice(practice.name())) : List.of();
  }
}
