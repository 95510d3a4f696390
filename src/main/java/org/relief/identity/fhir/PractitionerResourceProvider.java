package org.relief.identity.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.SearchPage;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Practitioner}: the accounts of pain physicians, surgeons and nurses (the performers
 * of Procedures and the requesters of ServiceRequests). Read; search by {@code _id}, {@code name}
 * (any part, case-insensitive) and {@code identifier} with {@code _count}/{@code _offset} paging.
 * Other accounts (front desk, administrators, recruiters) are not practitioners and are 404.
 * Read-only; every access is audited.
 */
@Component
public class PractitionerResourceProvider implements IResourceProvider {

  private static final String TYPE = "Practitioner";

  private final UserAccounts accounts;
  private final AuditTrail audit;

  PractitionerResourceProvider(UserAccounts accounts, AuditTrail audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public Class<Practitioner> getResourceType() {
    return Practitioner.class;
  }

  @Read
  public Practitioner read(@IdParam IdType id) {
    Optional<UserAccount> found =
        SearchPage.numericId(id.getIdPart())
            .flatMap(this::account)
            .filter(PractitionerMapper::clinician);
    audit.recordAccess(
        AuditActions.READ,
        TYPE,
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return PractitionerMapper.toFhir(found.orElseThrow(() -> new ResourceNotFoundException(id)));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
      @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    List<String> wantedIds = null;
    if (ids != null) {
      wantedIds = ids.getValuesAsQueryTokens().stream().map(TokenParam::getValue).toList();
    }
    List<UserAccount> matches = new ArrayList<>();
    for (UserAccount a : accounts.all()) {
      if (!PractitionerMapper.clinician(a)) {
        continue;
      }
      String id = Long.toString(a.id());
      if (wantedIds != null && !wantedIds.contains(id)) {
        continue;
      }
      if (name != null
          && !a.displayName()
              .toLowerCase(Locale.ROOT)
              .contains(name.getValue().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (identifier != null
          && !(id.equals(identifier.getValue())
              && (identifier.getSystem() == null
                  || identifier.getSystem().isEmpty()
                  || PractitionerMapper.STAFF.equals(identifier.getSystem())))) {
        continue;
      }
      matches.add(a);
    }
    matches.sort(Comparator.comparingLong(UserAccount::id));
    List<IBaseResource> page = new ArrayList<>();
    for (UserAccount a :
        matches.subList(Math.min(from, matches.size()), Math.min(from + size, matches.size()))) {
      page.add(PractitionerMapper.toFhir(a));
    }
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        null,
        Outcome.SUCCESS,
        "fhir search, results " + page.size() + " of " + matches.size());
    return SearchPage.of(page, matches.size(), from, size);
  }

  private Optional<UserAccount> account(long id) {
    try {
      return Optional.of(accounts.get(id));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }
}
