package org.relief.assessments.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.relief.assessments.Instruments;
import org.relief.assessments.Score;
import org.relief.assessments.UnknownInstrument;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.FhirScopes;
import org.relief.fhir.NotKept;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.PatientScoped;
import org.relief.fhir.SearchPage;
import org.relief.patients.PatientRegistry;
import org.relief.patients.fhir.PatientResourceProvider;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR {@code Observation}: the pain scores and instrument totals of {@code questionnaire_response}
 * (read; search by {@code patient}/{@code subject}, {@code code}, {@code date} range, {@code
 * status}, {@code category}, with {@code _sort=date}/{@code -date}, {@code
 * _include=Observation:subject} and {@code _count}/{@code _offset} paging), and create for an NRS
 * pain score (LOINC 72514-3, clinical-rules.md §3.5), scored like any other NRS answer. Reads,
 * searches and creates are audited. A token narrowed to one patient ({@code
 * patient/Observation.rs}, decision 0071) reaches that patient's Observations only.
 */
@Component
public class ObservationResourceProvider implements IResourceProvider, PatientScoped {

  private static final String NRS = "nrs";

  private final ObservationStore store;
  private final Instruments instruments;
  private final PatientRegistry patients;
  private final PatientResourceProvider patientResources;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final FhirScopes scopes;

  ObservationResourceProvider(
      ObservationStore store,
      Instruments instruments,
      PatientRegistry patients,
      PatientResourceProvider patientResources,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactions,
      FhirScopes scopes) {
    this.scopes = scopes;
    this.store = store;
    this.instruments = instruments;
    this.patients = patients;
    this.patientResources = patientResources;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Override
  public String resourceType() {
    return "Observation";
  }

  /** Refuses a patient-scoped token another patient's Observation (decision 0071). */
  private void keepToCompartment(char permission, long patientId, String id) {
    var compartment = scopes.compartment("Observation", permission);
    if (compartment.isPresent() && compartment.get() != patientId) {
      scopes.refuseOtherPatient("Observation", id);
    }
  }

  @Read
  public Observation read(@IdParam IdType id) {
    long observationId =
        SearchPage.numericId(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    var found = store.find(observationId, this::nameOf);
    if (found.isEmpty()) {
      audit.recordAccess(AuditActions.READ, "Observation", id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    keepToCompartment('r', found.get().patientId(), id.getIdPart());
    audit.recordAccess(AuditActions.READ, "Observation", id.getIdPart(), Outcome.SUCCESS);
    return ObservationMapper.toFhir(found.get());
  }

  @Create
  public MethodOutcome create(@ResourceParam Observation resource) {
    if (!isNrs(resource)) {
      throw new NotKept(
          "Relief records NRS pain scores (LOINC 72514-3) as Observations; other instruments are"
              + " scored from the patient's answers.");
    }
    if (resource.hasStatus() && resource.getStatus() != Observation.ObservationStatus.FINAL) {
      throw new RuleViolation("observation-not-final", "Send the pain score with status final.");
    }
    long patientId =
        patientOf(resource.getSubject().getReferenceElement())
            .filter(patients::exists)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-patient",
                        "The pain score's subject must be a patient registered in Relief"
                            + " (Patient/<id>)."));
    keepToCompartment('c', patientId, null);
    if (!resource.hasValueQuantity() || !resource.getValueQuantity().hasValue()) {
      throw new RuleViolation("missing-pain-score", "Give the pain score as a number 0 to 10.");
    }
    BigDecimal value = resource.getValueQuantity().getValue();
    if (value.stripTrailingZeros().scale() > 0) {
      throw new RuleViolation("invalid-pain-score", "A pain score is a whole number 0 to 10.");
    }
    Score score = instruments.score(NRS, Map.of("1", value.intValueExact()), null);
    Instant at =
        resource.hasEffectiveDateTimeType()
            ? resource.getEffectiveDateTimeType().getValue().toInstant()
            : clock.instant();
    if (at.isAfter(clock.instant().plusSeconds(300))) {
      throw new RuleViolation("pain-score-in-future", "The pain score's time is in the future.");
    }
    long id =
        store.insert(
            patientId, NRS, instruments.definition(NRS).version(), at, score.score(), score.band());
    audit.recordAccess(AuditActions.CREATE, "Observation", Long.toString(id), Outcome.SUCCESS);
    Observation created = ObservationMapper.toFhir(store.find(id, this::nameOf).orElseThrow());
    return new MethodOutcome(created.getIdElement(), true).setResource(created);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Observation.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
      @IncludeParam(allow = {"Observation:subject", "Observation:patient"}) Set<Include> includes,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    List<String> codes = null;
    if (code != null) {
      Set<String> wanted = new LinkedHashSet<>();
      for (TokenParam t : code.getValuesAsQueryTokens()) {
        instrumentOf(t).ifPresent(wanted::add);
      }
      nothing |= wanted.isEmpty();
      codes = List.copyOf(wanted);
    }
    var compartment = scopes.compartment("Observation", 's');
    if (compartment.isPresent()) {
      if (patientId != null && !patientId.equals(compartment.get())) {
        scopes.refuseOtherPatient("Observation", "Patient/" + patientId);
      }
      patientId = compartment.get();
    }
    nothing |= status != null && !anyMatches(status, "final");
    nothing |= category != null && !anyMatches(category, "survey");
    boolean newestFirst = false;
    if (sort != null) {
      if (!"date".equals(sort.getParamName()) || sort.getChain() != null) {
        throw new InvalidRequestException("Observations sort by date only (_sort=date or -date).");
      }
      newestFirst = sort.getOrder() == SortOrderEnum.DESC;
    }
    ObservationStore.Page page =
        nothing
            ? new ObservationStore.Page(List.of(), 0)
            : store.search(
                new ObservationStore.Criteria(
                    patientId,
                    codes,
                    date == null || date.getLowerBoundAsInstant() == null
                        ? null
                        : date.getLowerBoundAsInstant().toInstant(),
                    date == null || date.getUpperBoundAsInstant() == null
                        ? null
                        : date.getUpperBoundAsInstant().toInstant(),
                    newestFirst),
                from,
                size,
                this::nameOf);
    audit.recordAccess(
        AuditActions.SEARCH,
        "Observation",
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + page.found().size() + " of " + page.total());
    List<IBaseResource> resources = new ArrayList<>();
    Map<Long, Patient> included = new HashMap<>();
    boolean include = includes != null && !includes.isEmpty();
    for (var result : page.found()) {
      Observation o = ObservationMapper.toFhir(result);
      if (include) {
        o.getSubject()
            .setResource(
                included.computeIfAbsent(
                    result.patientId(),
                    id -> patientResources.read(new IdType("Patient", Long.toString(id)))));
      }
      resources.add(o);
    }
    return SearchPage.of(resources, page.total(), from, size);
  }

  private static boolean anyMatches(TokenOrListParam tokens, String value) {
    return tokens.getValuesAsQueryTokens().stream().anyMatch(t -> value.equals(t.getValue()));
  }

  private static Optional<String> instrumentOf(TokenParam t) {
    String system = t.getSystem();
    if (system == null || system.isEmpty() || ObservationMapper.LOINC.equals(system)) {
      Optional<String> byLoinc = ObservationMapper.instrumentOfLoinc(t.getValue());
      if (byLoinc.isPresent() || ObservationMapper.LOINC.equals(system)) {
        return byLoinc;
      }
    }
    if (system == null || system.isEmpty() || ObservationMapper.INSTRUMENTS.equals(system)) {
      return Optional.ofNullable(t.getValue());
    }
    return Optional.empty();
  }

  private static boolean isNrs(Observation o) {
    return o.getCode().getCoding().stream()
        .anyMatch(
            c ->
                (ObservationMapper.LOINC.equals(c.getSystem()) && "72514-3".equals(c.getCode()))
                    || (ObservationMapper.INSTRUMENTS.equals(c.getSystem())
                        && NRS.equals(c.getCode())));
  }

  private static Optional<Long> patientOf(org.hl7.fhir.instance.model.api.IIdType ref) {
    if (ref == null || ref.isEmpty() || !"Patient".equals(ref.getResourceType())) {
      return Optional.empty();
    }
    return SearchPage.numericId(ref.getIdPart());
  }

  private String nameOf(String instrument) {
    try {
      return instruments.definition(instrument).shortName();
    } catch (UnknownInstrument e) {
      return instrument;
    }
  }
}
