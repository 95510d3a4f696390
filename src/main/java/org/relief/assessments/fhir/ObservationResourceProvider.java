package org.relief.assessments.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
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
 * (read, vread and instance history; search by {@code patient}/{@code subject}, {@code code},
 * {@code date} range, {@code status}, {@code category}, with {@code _sort=date}/{@code -date},
 * {@code _include=Observation:subject} and {@code _count}/{@code _offset} paging), and create for
 * an NRS pain score (LOINC 72514-3, clinical-rules.md §3.5), scored like any other NRS answer.
 * Update corrects such a pain score (value, time, status {@code amended}/{@code corrected}),
 * keeping the replaced version (decision 0077); an instrument total scored from answers changes
 * only with a new QuestionnaireResponse. Every access is audited. A token narrowed to one patient
 * ({@code patient/Observation.rs}, decision 0071) reaches that patient's Observations only.
 */
@Component
public class ObservationResourceProvider implements IResourceProvider, PatientScoped {

  private static final String NRS = "nrs";

  /** The statuses a kept Observation can have (decision 0077). */
  private static final Set<String> STATUSES = Set.of("final", "amended", "corrected");

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

  @Read(version = true)
  public Observation read(@IdParam IdType id) {
    long observationId =
        SearchPage.numericId(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    var found =
        id.hasVersionIdPart()
            ? SearchPage.numericId(id.getVersionIdPart())
                .filter(v -> v <= Integer.MAX_VALUE)
                .flatMap(v -> store.version(observationId, v.intValue(), this::nameOf))
            : store.find(observationId, this::nameOf);
    if (found.isEmpty()) {
      audit.recordAccess(AuditActions.READ, "Observation", id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    keepToCompartment('r', found.get().patientId(), id.getIdPart());
    audit.recordAccess(AuditActions.READ, "Observation", id.getIdPart(), Outcome.SUCCESS);
    return ObservationMapper.toFhir(found.get());
  }

  @History
  public IBundleProvider history(@IdParam IdType id) {
    long observationId =
        SearchPage.numericId(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    var versions = store.history(observationId, this::nameOf);
    if (versions.isEmpty()) {
      audit.recordAccess(AuditActions.READ, "Observation", id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    keepToCompartment('r', versions.get(0).patientId(), id.getIdPart());
    audit.recordAccess(
        AuditActions.READ, "Observation", id.getIdPart(), Outcome.SUCCESS, "history");
    List<IBaseResource> resources = new ArrayList<>();
    for (var v : versions) {
      Observation o = ObservationMapper.toFhir(v);
      // A history entry says how the version came about: created (POST), then corrected (PUT).
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
          o,
          v.version() == 1
              ? BundleEntryTransactionMethodEnum.POST
              : BundleEntryTransactionMethodEnum.PUT);
      resources.add(o);
    }
    return new SimpleBundleProvider(resources);
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
    Score score = painScore(resource);
    Instant at = effective(resource, clock.instant());
    long id =
        store.insert(
            patientId, NRS, instruments.definition(NRS).version(), at, score.score(), score.band());
    audit.recordAccess(AuditActions.CREATE, "Observation", Long.toString(id), Outcome.SUCCESS);
    Observation created = ObservationMapper.toFhir(store.find(id, this::nameOf).orElseThrow());
    return new MethodOutcome(created.getIdElement(), true).setResource(created);
  }

  /**
   * Corrects an NRS pain score sent through FHIR or imported: its value, time and status ({@code
   * amended} or {@code corrected}). The replaced version stays readable by vread and history.
   * {@code If-Match} must name the current version (412 otherwise); a concurrent correction answers
   * 409.
   */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Observation resource) {
    long observationId =
        SearchPage.numericId(id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(notKept(id)));
    var current = store.find(observationId, this::nameOf);
    if (current.isEmpty()) {
      audit.recordAccess(AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(notKept(id));
    }
    ObservationMapper.ScoredResult was = current.get();
    keepToCompartment('u', was.patientId(), id.getIdPart());
    if (!NRS.equals(was.instrument()) || store.scoredFromAnswers(observationId)) {
      throw refused(
          id,
          "scored-from-answers",
          "This "
              + was.instrumentName()
              + " result is scored from the patient's answers and cannot be changed directly;"
              + " submit a new QuestionnaireResponse with the corrected answers.");
    }
    if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Integer.toString(was.version()))) {
      audit.recordAccess(
          AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.FAILURE, "stale version");
      throw new PreconditionFailedException(
          "Observation/"
              + observationId
              + " is at version "
              + was.version()
              + ", not "
              + id.getVersionIdPart()
              + "; read it again before correcting it.");
    }
    if (!isNrs(resource)) {
      throw refused(
          id,
          "observation-code-changed",
          "A pain score stays a pain score (LOINC 72514-3); record another instrument as a new"
              + " QuestionnaireResponse.");
    }
    if (!patientOf(resource.getSubject().getReferenceElement())
        .equals(Optional.of(was.patientId()))) {
      throw refused(
          id,
          "observation-subject-changed",
          "A pain score stays with its patient (Patient/"
              + was.patientId()
              + "); record a score for another patient as a new Observation.");
    }
    var status = resource.getStatus();
    if (status != Observation.ObservationStatus.AMENDED
        && status != Observation.ObservationStatus.CORRECTED) {
      throw refused(
          id,
          "observation-status",
          "Send a corrected pain score with status amended or corrected.");
    }
    Score score;
    Instant at;
    try {
      score = painScore(resource);
      at = effective(resource, was.scoredAt());
    } catch (RuleViolation e) {
      audit.recordAccess(
          AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.FAILURE, e.code());
      throw e;
    }
    boolean corrected =
        Boolean.TRUE.equals(
            transaction.execute(
                tx ->
                    store.correct(
                        observationId,
                        was.version(),
                        status.toCode(),
                        at,
                        score.score(),
                        score.band(),
                        clock.instant())));
    if (!corrected) {
      audit.recordAccess(
          AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.FAILURE, "changed meanwhile");
      throw new ResourceVersionConflictException(
          "Observation/"
              + observationId
              + " was corrected by someone else meanwhile; read it again before correcting it.");
    }
    audit.recordAccess(AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.SUCCESS);
    Observation updated =
        ObservationMapper.toFhir(store.find(observationId, this::nameOf).orElseThrow());
    return new MethodOutcome(updated.getIdElement(), false).setResource(updated);
  }

  private RuleViolation refused(IdType id, String code, String message) {
    audit.recordAccess(AuditActions.UPDATE, "Observation", id.getIdPart(), Outcome.FAILURE, code);
    return new RuleViolation(code, message);
  }

  private static String notKept(IdType id) {
    return "Observation/"
        + id.getIdPart()
        + " does not exist; Relief records new pain scores with POST (create), not PUT.";
  }

  /** The NRS pain score a resource carries, scored (clinical-rules.md §3.5). */
  private Score painScore(Observation resource) {
    if (!resource.hasValueQuantity() || !resource.getValueQuantity().hasValue()) {
      throw new RuleViolation("missing-pain-score", "Give the pain score as a number 0 to 10.");
    }
    BigDecimal value = resource.getValueQuantity().getValue();
    if (value.stripTrailingZeros().scale() > 0) {
      throw new RuleViolation("invalid-pain-score", "A pain score is a whole number 0 to 10.");
    }
    return instruments.score(NRS, Map.of("1", value.intValueExact()), null);
  }

  /** When the pain score was taken: its effective time, else {@code otherwise}; not the future. */
  private Instant effective(Observation resource, Instant otherwise) {
    Instant at =
        resource.hasEffectiveDateTimeType()
            ? resource.getEffectiveDateTimeType().getValue().toInstant()
            : otherwise;
    if (at.isAfter(clock.instant().plusSeconds(300))) {
      throw new RuleViolation("pain-score-in-future", "The pain score's time is in the future.");
    }
    return at;
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
    List<String> statuses = null;
    if (status != null) {
      statuses =
          status.getValuesAsQueryTokens().stream()
              .map(TokenParam::getValue)
              .filter(STATUSES::contains)
              .distinct()
              .toList();
      nothing |= statuses.isEmpty();
    }
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
                    newestFirst,
                    statuses),
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
