package org.relief.patients.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.SearchPage;
import org.relief.patients.Patient;
import org.relief.patients.PatientChangedMeanwhile;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Patient} over the patient registry: read, vread, create (also conditional, with
 * {@code If-None-Exist: identifier=...}), update (with {@code If-Match} checked against the
 * version), search by {@code _id}, {@code identifier}, {@code name} and {@code birthdate} with
 * {@code _count}/{@code _offset} paging, and the history of one patient. Registering and changing
 * go through {@link PatientRegistry}, which validates and audits; reads and searches are audited
 * here.
 */
@Component
public class PatientResourceProvider implements IResourceProvider {

  private final PatientRegistry registry;
  private final PatientFhirStore store;
  private final AuditTrail audit;

  PatientResourceProvider(PatientRegistry registry, PatientFhirStore store, AuditTrail audit) {
    this.registry = registry;
    this.store = store;
    this.audit = audit;
  }

  @Override
  public Class<org.hl7.fhir.r4.model.Patient> getResourceType() {
    return org.hl7.fhir.r4.model.Patient.class;
  }

  @Read(version = true)
  public org.hl7.fhir.r4.model.Patient read(@IdParam IdType id) {
    long patientId = idOf(id);
    var found =
        id.hasVersionIdPart()
            ? PatientMapper.version(id.getVersionIdPart()).flatMap(v -> store.version(patientId, v))
            : store.current(patientId);
    if (found.isEmpty()) {
      audit.recordAccess(AuditActions.READ, "Patient", Long.toString(patientId), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    audit.recordAccess(AuditActions.READ, "Patient", Long.toString(patientId), Outcome.SUCCESS);
    return PatientMapper.toFhir(found.get().patient(), found.get().lastUpdated());
  }

  @Create
  public MethodOutcome create(
      @ResourceParam org.hl7.fhir.r4.model.Patient resource,
      @ConditionalUrlParam String conditionalUrl) {
    if (conditionalUrl != null) {
      var criteria = conditionalCriteria(conditionalUrl);
      var matches =
          criteria.isEmpty()
              ? new PatientFhirStore.Page(List.of(), 0)
              : store.search(criteria.get(), 0, 2);
      if (matches.total() > 1) {
        throw new PreconditionFailedException(
            "If-None-Exist matches " + matches.total() + " patients; make it match at most one.");
      }
      if (matches.total() == 1) {
        var existing = matches.found().get(0);
        audit.recordAccess(
            AuditActions.SEARCH,
            "Patient",
            Long.toString(existing.patient().id()),
            Outcome.SUCCESS,
            "conditional create matched");
        return new MethodOutcome(idOf(existing.patient()), false)
            .setResource(PatientMapper.toFhir(existing.patient(), existing.lastUpdated()));
      }
    }
    Patient created;
    try {
      created =
          PatientMapper.synthetic(resource)
              ? registry.registerSynthetic(PatientMapper.fromFhir(resource))
              : registry.register(PatientMapper.fromFhir(resource));
    } catch (RuleViolation e) {
      throw duplicateAsConflict(e);
    }
    var stored = store.current(created.id()).orElseThrow();
    return new MethodOutcome(idOf(created), true)
        .setResource(PatientMapper.toFhir(stored.patient(), stored.lastUpdated()));
  }

  @Update
  public MethodOutcome update(
      @IdParam IdType id, @ResourceParam org.hl7.fhir.r4.model.Patient resource) {
    long patientId = idOf(id);
    var current =
        store
            .current(patientId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Patient/"
                            + patientId
                            + " does not exist; Relief registers patients"
                            + " with POST (create), not PUT."));
    int version = current.patient().version();
    if (id.hasVersionIdPart()) {
      int asked =
          PatientMapper.version(id.getVersionIdPart())
              .orElseThrow(
                  () ->
                      new PreconditionFailedException(
                          "If-Match names version "
                              + id.getVersionIdPart()
                              + ", which Relief"
                              + " never issued."));
      if (asked != version) {
        throw new PreconditionFailedException(
            "Patient/"
                + patientId
                + " is at version "
                + PatientMapper.versionId(version)
                + ", not "
                + id.getVersionIdPart()
                + "; read it again before changing it.");
      }
    }
    Patient updated;
    try {
      updated = registry.update(patientId, version, PatientMapper.fromFhir(resource));
    } catch (PatientChangedMeanwhile e) {
      throw new ResourceVersionConflictException(e.getMessage());
    } catch (RuleViolation e) {
      throw duplicateAsConflict(e);
    }
    var stored = store.current(updated.id()).orElseThrow();
    return new MethodOutcome(idOf(updated), false)
        .setResource(PatientMapper.toFhir(stored.patient(), stored.lastUpdated()));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = "identifier") TokenParam identifier,
      @OptionalParam(name = "name") StringParam name,
      @OptionalParam(name = "birthdate") DateRangeParam birthdate,
      @Offset Integer offset,
      @Count Integer count) {
    List<Long> idList = new ArrayList<>();
    if (ids != null) {
      for (TokenParam t : ids.getValuesAsQueryTokens()) {
        numericId(t.getValue()).ifPresent(idList::add);
      }
    }
    boolean nothingCanMatch =
        (ids != null && idList.isEmpty()) || (identifier != null && !ours(identifier.getSystem()));
    if (nothingCanMatch) {
      return page(List.of(), 0, offset, count);
    }
    var criteria =
        new PatientFhirStore.Criteria(
            idList,
            identifier == null ? null : identifier.getSystem(),
            identifier == null ? null : identifier.getValue(),
            name == null ? null : name.getValue(),
            birthdate == null ? null : day(birthdate.getLowerBoundAsInstant()),
            birthdate == null ? null : day(birthdate.getUpperBoundAsInstant()));
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    var page = store.search(criteria, from, size);
    audit.recordAccess(
        AuditActions.SEARCH,
        "Patient",
        null,
        Outcome.SUCCESS,
        "fhir search, results " + page.found().size() + " of " + page.total());
    List<IBaseResource> resources = new ArrayList<>();
    page.found().forEach(s -> resources.add(PatientMapper.toFhir(s.patient(), s.lastUpdated())));
    return page(resources, page.total(), from, size);
  }

  @History
  public IBundleProvider history(@IdParam IdType id) {
    long patientId = idOf(id);
    var versions = store.history(patientId);
    if (versions.isEmpty()) {
      audit.recordAccess(AuditActions.READ, "Patient", Long.toString(patientId), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    audit.recordAccess(
        AuditActions.READ, "Patient", Long.toString(patientId), Outcome.SUCCESS, "history");
    List<IBaseResource> resources = new ArrayList<>();
    versions.forEach(s -> resources.add(PatientMapper.toFhir(s.patient(), s.lastUpdated())));
    return new SimpleBundleProvider(resources);
  }

  private static IBundleProvider page(
      List<IBaseResource> resources, int total, Integer offset, Integer count) {
    return SearchPage.of(resources, total, SearchPage.offset(offset), SearchPage.size(count));
  }

  /**
   * The criteria of an {@code If-None-Exist}: {@code identifier} and {@code _id}; empty when they
   * can match no patient (another identifier system, an ID Relief never issues).
   */
  private static java.util.Optional<PatientFhirStore.Criteria> conditionalCriteria(String url) {
    String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : url;
    String system = null;
    String value = null;
    List<Long> ids = new ArrayList<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException("If-None-Exist must be a query such as identifier=...");
      }
      String key = pair.substring(0, eq);
      String arg = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "identifier" -> {
          int bar = arg.indexOf('|');
          system = bar < 0 ? null : arg.substring(0, bar);
          value = bar < 0 ? arg : arg.substring(bar + 1);
          if (!ours(system)) {
            return java.util.Optional.empty();
          }
        }
        case "_id" -> {
          var id = numericId(arg);
          if (id.isEmpty()) {
            return java.util.Optional.empty();
          }
          ids.add(id.get());
        }
        default ->
            throw new InvalidRequestException(
                "If-None-Exist for Patient supports identifier and _id, not " + key + ".");
      }
    }
    return java.util.Optional.of(
        new PatientFhirStore.Criteria(ids, system, value, null, null, null));
  }

  /** Whether an identifier system (none, or Relief's MRN system) can match Relief's MRNs. */
  private static boolean ours(String system) {
    return system == null || system.isEmpty() || PatientMapper.MRN_SYSTEM.equals(system);
  }

  private static java.util.Optional<Long> numericId(String id) {
    return SearchPage.numericId(new IdType(id).getIdPart());
  }

  private static LocalDate day(java.util.Date instant) {
    return instant == null
        ? null
        : instant.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  private static IdType idOf(Patient patient) {
    return new IdType(
        "Patient", Long.toString(patient.id()), PatientMapper.versionId(patient.version()));
  }

  static long idOf(IdType id) {
    try {
      long value = Long.parseLong(id.getIdPart());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // answered below
    }
    throw new ResourceNotFoundException(
        "Patient/" + id.getIdPart() + " does not exist: Relief's patient IDs are numbers.");
  }

  private static RuntimeException duplicateAsConflict(RuleViolation e) {
    if ("duplicate-mrn".equals(e.code())) {
      return new ResourceVersionConflictException(e.getMessage());
    }
    return e;
  }
}
