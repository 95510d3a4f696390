package org.relief.procedures.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.NotKept;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.SearchPage;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.relief.procedures.CptCode;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Procedure}: the practice's completed procedures and the procedures recorded
 * elsewhere. Read, vread and history (a completed procedure is locked, so it has one version);
 * search by {@code patient}/{@code subject}, {@code code} (CPT, Relief's catalogue code or the
 * sender's code), {@code date} range, {@code status}, {@code _sort=date}/{@code -date} and {@code
 * _count}/{@code _offset} paging; create for a procedure done elsewhere whose code is pain-relevant
 * ({@link ElsewhereRules}), anything else is not kept. Every access is audited.
 */
@Component
public class ProcedureResourceProvider implements IResourceProvider {

  private static final String TYPE = "Procedure";

  private final ProcedureFhirStore store;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;

  ProcedureResourceProvider(
      ProcedureFhirStore store,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.catalogue = catalogue;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Class<Procedure> getResourceType() {
    return Procedure.class;
  }

  @Read(version = true)
  public Procedure read(@IdParam IdType id) {
    Optional<StoredProcedure> found =
        SearchPage.numericId(id.getIdPart())
            .filter(n -> !id.hasVersionIdPart() || "1".equals(id.getVersionIdPart()))
            .flatMap(store::find);
    audit.recordAccess(
        AuditActions.READ,
        TYPE,
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return toFhir(found.orElseThrow(() -> new ResourceNotFoundException(id)));
  }

  @History
  public List<Procedure> history(@IdParam IdType id) {
    Optional<StoredProcedure> found = SearchPage.numericId(id.getIdPart()).flatMap(store::find);
    audit.recordAccess(
        AuditActions.READ,
        TYPE,
        id.getIdPart(),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
        "history");
    return List.of(toFhir(found.orElseThrow(() -> new ResourceNotFoundException(id))));
  }

  @Create
  public MethodOutcome create(@ResourceParam Procedure resource) {
    List<ElsewhereRules.Code> codings = new ArrayList<>();
    for (Coding c : resource.getCode().getCoding()) {
      codings.add(new ElsewhereRules.Code(c.getSystem(), c.getCode(), c.getDisplay()));
    }
    if (ElsewhereRules.keptCode(codings, catalogue).isEmpty()) {
      throw new NotKept(ElsewhereRules.NOT_PAIN_RELEVANT);
    }
    long patientId =
        Optional.ofNullable(resource.getSubject().getReferenceElement())
            .filter(s -> "Patient".equals(s.getResourceType()))
            .flatMap(s -> SearchPage.numericId(s.getIdPart()))
            .filter(patients::exists)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-patient",
                        "The Procedure's subject must be a patient registered in Relief"
                            + " (Patient/<id>)."));
    Instant start = null;
    Instant end = null;
    if (resource.hasPerformedPeriod()) {
      start = instant(resource.getPerformedPeriod().getStart());
      end = instant(resource.getPerformedPeriod().getEnd());
    } else if (resource.hasPerformedDateTimeType()) {
      start = instant(resource.getPerformedDateTimeType().getValue());
    }
    Instant now = clock.instant();
    ElsewhereRules.Verdict verdict =
        ElsewhereRules.judge(
            new ElsewhereRules.Reported(
                codings,
                resource.getCode().hasText() ? resource.getCode().getText() : null,
                resource.hasStatus() ? resource.getStatus().toCode() : null,
                start,
                end),
            catalogue,
            now);
    if (verdict instanceof ElsewhereRules.Skip skip) {
      throw new NotKept(skip.reason());
    }
    if (verdict instanceof ElsewhereRules.Refuse refuse) {
      throw new RuleViolation(refuse.code(), refuse.reason());
    }
    ElsewhereRules.Keep keep = (ElsewhereRules.Keep) verdict;
    long id =
        store.insertElsewhere(
            patientId,
            keep.system(),
            keep.code(),
            keep.display(),
            keep.status(),
            keep.start(),
            keep.end(),
            now);
    audit.recordAccess(
        AuditActions.CREATE, TYPE, Long.toString(id), Outcome.SUCCESS, "recorded elsewhere");
    Procedure created = toFhir(store.find(id).orElseThrow());
    return new MethodOutcome(created.getIdElement(), true).setResource(created);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Procedure.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Procedure.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Procedure.SP_STATUS) TokenOrListParam status,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    List<String> types = null;
    List<List<String>> otherCodes = null;
    Set<String> cpt = new HashSet<>();
    Set<String> catalogueCodes = new HashSet<>();
    if (code != null) {
      types = new ArrayList<>();
      otherCodes = new ArrayList<>();
      for (TokenParam t : code.getValuesAsQueryTokens()) {
        String system = t.getSystem() == null || t.getSystem().isEmpty() ? null : t.getSystem();
        String value = t.getValue();
        if (value == null || value.isEmpty()) {
          continue;
        }
        if (system == null || ProcedureMapper.CATALOGUE.equals(system)) {
          if (catalogue.find(value).isPresent()) {
            types.add(value);
            catalogueCodes.add(value);
          }
        }
        if (system == null || ProcedureMapper.CPT.equals(system)) {
          for (ProcedureType type : catalogue.all()) {
            if (type.cptCodes().stream().map(CptCode::code).anyMatch(value::equals)) {
              types.add(type.code());
              cpt.add(value);
            }
          }
        }
        if (!ProcedureMapper.CATALOGUE.equals(system)) {
          otherCodes.add(java.util.Arrays.asList(system, value));
        }
      }
    }
    List<String> statuses = null;
    if (status != null) {
      statuses = new ArrayList<>();
      for (TokenParam t : status.getValuesAsQueryTokens()) {
        statuses.add(t.getValue());
      }
    }
    boolean byDate = false;
    boolean newestFirst = false;
    if (sort != null) {
      if (!"date".equals(sort.getParamName()) || sort.getChain() != null) {
        throw new InvalidRequestException("Procedures sort by date only (_sort=date or -date).");
      }
      byDate = true;
      newestFirst = sort.getOrder() == SortOrderEnum.DESC;
    }
    var criteria =
        new ProcedureFhirStore.Criteria(
            patientId,
            types,
            otherCodes,
            statuses,
            date == null || date.getLowerBoundAsInstant() == null
                ? null
                : date.getLowerBoundAsInstant().toInstant(),
            date == null || date.getUpperBoundAsInstant() == null
                ? null
                : date.getUpperBoundAsInstant().toInstant(),
            byDate,
            newestFirst);
    List<IBaseResource> resources = new ArrayList<>();
    int total;
    if (nothing) {
      total = 0;
    } else if (cpt.isEmpty()) {
      var page = store.search(criteria, from, size);
      total = page.total();
      page.found().forEach(p -> resources.add(toFhir(p)));
    } else {
      // A CPT code depends on what was done (levels, imaging), so matches are derived, then paged.
      List<Procedure> matches = new ArrayList<>();
      for (StoredProcedure p : store.all(criteria)) {
        Procedure r = toFhir(p);
        boolean match =
            p instanceof StoredProcedure.Elsewhere
                || (p instanceof StoredProcedure.Performed performed
                    && catalogueCodes.contains(performed.procedureType()))
                || r.getCode().getCoding().stream()
                    .anyMatch(
                        c ->
                            ProcedureMapper.CPT.equals(c.getSystem()) && cpt.contains(c.getCode()));
        if (match) {
          matches.add(r);
        }
      }
      total = matches.size();
      resources.addAll(matches.subList(Math.min(from, total), Math.min(from + size, total)));
    }
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + resources.size() + " of " + total);
    return SearchPage.of(resources, total, from, size);
  }

  private Procedure toFhir(StoredProcedure p) {
    if (p instanceof StoredProcedure.Performed performed) {
      return ProcedureMapper.toFhir(performed, catalogue.require(performed.procedureType()));
    }
    return ProcedureMapper.toFhir((StoredProcedure.Elsewhere) p);
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
