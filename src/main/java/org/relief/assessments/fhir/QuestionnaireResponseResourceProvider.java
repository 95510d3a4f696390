package org.relief.assessments.fhir;

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
import ca.uhn.fhir.rest.api.MethodOutcome;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.UnknownInstrument;
import org.relief.assessments.questionnaires.AnswerSheets;
import org.relief.assessments.questionnaires.AnswerSheets.AnswerSheet;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.FhirScopes;
import org.relief.fhir.PatientCriterion;
import org.relief.fhir.PatientScoped;
import org.relief.fhir.SearchPage;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code QuestionnaireResponse}: a patient's answers to one of Relief's Questionnaires, from
 * the API or a patient link. Create (also conditional, {@code If-None-Exist}), read, vread, the
 * history of one response, and search by {@code _id}, {@code identifier}, {@code patient}/{@code
 * subject}, {@code questionnaire}, {@code authored} range and {@code status} with {@code
 * _count}/{@code _offset} paging. Responses are not changed once given (no update).
 *
 * <p>Design notes. A completed response is scored by the instrument library and its result stored
 * as a patient link's is, so that Observation search returns it with its LOINC code; answers that
 * do not score are refused with 422 naming the item, and nothing is written. A token whose {@code
 * patient/} scope is all that lets it in reaches its own patient's responses only ({@link
 * FhirScopes#compartment}); anything else is refused with 403. Every access is audited.
 */
@Component
public class QuestionnaireResponseResourceProvider implements IResourceProvider, PatientScoped {

  static final String TYPE = "QuestionnaireResponse";

  private final AnswerSheets sheets;
  private final Instruments instruments;
  private final QuestionnaireResourceProvider questionnaires;
  private final PatientRegistry patients;
  private final FhirScopes scopes;
  private final AuditTrail audit;
  private final Clock clock;

  QuestionnaireResponseResourceProvider(
      AnswerSheets sheets,
      Instruments instruments,
      QuestionnaireResourceProvider questionnaires,
      PatientRegistry patients,
      FhirScopes scopes,
      AuditTrail audit,
      Clock clock) {
    this.sheets = sheets;
    this.instruments = instruments;
    this.questionnaires = questionnaires;
    this.patients = patients;
    this.scopes = scopes;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Class<QuestionnaireResponse> getResourceType() {
    return QuestionnaireResponse.class;
  }

  @Override
  public String resourceType() {
    return TYPE;
  }

  @Read(version = true)
  public QuestionnaireResponse read(@IdParam IdType id) {
    AnswerSheet sheet = readable(id, 'r', "read");
    audit.recordAccess(AuditActions.READ, TYPE, Long.toString(sheet.id()), Outcome.SUCCESS);
    return toFhir(sheet);
  }

  @History
  public IBundleProvider history(@IdParam IdType id) {
    AnswerSheet sheet = readable(id, 'r', "history");
    audit.recordAccess(
        AuditActions.READ, TYPE, Long.toString(sheet.id()), Outcome.SUCCESS, "history");
    return new SimpleBundleProvider(List.of(toFhir(sheet)));
  }

  @Create
  public MethodOutcome create(
      @ResourceParam QuestionnaireResponse resource, @ConditionalUrlParam String conditionalUrl) {
    Optional<Long> compartment = scopes.compartment(TYPE, 'c');
    if (conditionalUrl != null) {
      AnswerSheets.Criteria criteria = conditionalCriteria(conditionalUrl, compartment);
      AnswerSheets.Page matches =
          criteria == null ? new AnswerSheets.Page(List.of(), 0) : sheets.search(criteria, 0, 2);
      if (matches.total() > 1) {
        throw new PreconditionFailedException(
            "If-None-Exist matches "
                + matches.total()
                + " questionnaire responses; make it match at most one.");
      }
      if (matches.total() == 1) {
        AnswerSheet existing = matches.found().get(0);
        audit.recordAccess(
            AuditActions.SEARCH,
            TYPE,
            Long.toString(existing.id()),
            Outcome.SUCCESS,
            "conditional create matched");
        QuestionnaireResponse found = toFhir(existing);
        return new MethodOutcome(found.getIdElement(), false).setResource(found);
      }
    }
    if (!resource.hasQuestionnaire()) {
      throw new RuleViolation(
          "unknown-questionnaire",
          "Name the Questionnaire answered by its canonical URL, "
              + QuestionnaireMapper.CANONICAL
              + "<instrument>.");
    }
    String canonical = resource.getQuestionnaire();
    Instrument instrument =
        questionnaires
            .instrumentOf(canonical)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-questionnaire",
                        "Relief has no Questionnaire "
                            + canonical
                            + "; its Questionnaires are listed at GET /fhir/Questionnaire."));
    Optional<String> version = QuestionnaireMapper.versionOf(canonical);
    String current = QuestionnaireMapper.version(instrument.version());
    if (version.isPresent() && !version.get().equals(current)) {
      throw new RuleViolation(
          "unknown-questionnaire-version",
          instrument.shortName()
              + " is at version "
              + current
              + " in Relief, not "
              + version.get()
              + ".");
    }
    long patientId =
        QuestionnaireResponseMapper.patientOf(resource.getSubject())
            .filter(patients::exists)
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-patient",
                        "The response's subject must be a patient registered in Relief"
                            + " (Patient/<id>)."));
    if (compartment.isPresent() && compartment.get() != patientId) {
      scopes.refuseOtherPatient(TYPE, null);
    }
    Instant now = clock.instant();
    Instant authored =
        resource.hasAuthored() ? resource.getAuthoredElement().getValue().toInstant() : now;
    if (authored.isAfter(now.plusSeconds(300))) {
      throw new RuleViolation(
          "authored-in-future", "The response's authored time is in the future.");
    }
    QuestionnaireResponseMapper.Given given =
        QuestionnaireResponseMapper.fromFhir(
            resource, instrument, patientId, authored, questionnaires.required(instrument.code()));
    AnswerSheet stored =
        sheets.record(
            new AnswerSheets.NewSheet(
                patientId,
                given.instrument(),
                given.status(),
                given.authored(),
                given.answers(),
                given.identifierSystem(),
                given.identifierValue()),
            now);
    audit.recordAccess(AuditActions.CREATE, TYPE, Long.toString(stored.id()), Outcome.SUCCESS);
    if (stored.scoredResponseId() != null) {
      audit.recordAccess(
          AuditActions.CREATE,
          "Observation",
          Long.toString(stored.scoredResponseId()),
          Outcome.SUCCESS,
          "scored from QuestionnaireResponse/" + stored.id());
    }
    QuestionnaireResponse created = toFhir(stored);
    return new MethodOutcome(created.getIdElement(), true).setResource(created);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = QuestionnaireResponse.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = QuestionnaireResponse.SP_QUESTIONNAIRE) ReferenceParam questionnaire,
      @OptionalParam(name = QuestionnaireResponse.SP_AUTHORED) DateRangeParam authored,
      @OptionalParam(name = QuestionnaireResponse.SP_STATUS) TokenOrListParam status,
      @Offset Integer offset,
      @Count Integer count) {
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    PatientCriterion who = PatientCriterion.of(patient, subject);
    Long patientId = who.id();
    boolean nothing = who.matchesNothing();
    Optional<Long> compartment = scopes.compartment(TYPE, 's');
    if (compartment.isPresent()) {
      if (patientId != null && !patientId.equals(compartment.get())) {
        scopes.refuseOtherPatient(TYPE, "Patient/" + patientId);
      }
      patientId = compartment.get();
    }
    List<Long> idList = null;
    if (ids != null) {
      idList = new ArrayList<>();
      for (TokenParam t : ids.getValuesAsQueryTokens()) {
        SearchPage.numericId(new IdType(t.getValue()).getIdPart()).ifPresent(idList::add);
      }
      nothing |= idList.isEmpty();
    }
    List<String> wanted = null;
    if (questionnaire != null) {
      wanted = instrumentOf(questionnaire).map(List::of).orElse(List.of());
      nothing |= wanted.isEmpty();
    }
    String statusWanted = null;
    if (status != null) {
      Set<String> statuses = new LinkedHashSet<>();
      status.getValuesAsQueryTokens().forEach(t -> statuses.add(t.getValue()));
      statuses.retainAll(Set.of(AnswerSheets.COMPLETED, AnswerSheets.IN_PROGRESS));
      if (statuses.isEmpty()) {
        nothing = true;
      } else if (statuses.size() == 1) {
        statusWanted = statuses.iterator().next();
      }
    }
    AnswerSheets.Page page =
        nothing
            ? new AnswerSheets.Page(List.of(), 0)
            : sheets.search(
                new AnswerSheets.Criteria(
                    idList,
                    patientId,
                    wanted,
                    statusWanted,
                    authored == null || authored.getLowerBoundAsInstant() == null
                        ? null
                        : authored.getLowerBoundAsInstant().toInstant(),
                    authored == null || authored.getUpperBoundAsInstant() == null
                        ? null
                        : authored.getUpperBoundAsInstant().toInstant(),
                    identifier == null ? null : identifier.getSystem(),
                    identifier == null ? null : identifier.getValue()),
                from,
                size);
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        patientId == null ? null : "Patient/" + patientId,
        Outcome.SUCCESS,
        "fhir search, results " + page.found().size() + " of " + page.total());
    List<IBaseResource> resources = new ArrayList<>();
    page.found().forEach(s -> resources.add(toFhir(s)));
    return SearchPage.of(resources, page.total(), from, size);
  }

  /** The sheet an ID names, if the caller may see it; refusals and misses are audited. */
  private AnswerSheet readable(IdType id, char permission, String what) {
    Optional<AnswerSheet> found =
        SearchPage.numericId(id.getIdPart())
            .filter(
                x ->
                    !id.hasVersionIdPart()
                        || QuestionnaireResponseMapper.VERSION_ID.equals(id.getVersionIdPart()))
            .flatMap(sheets::find);
    if (found.isEmpty()) {
      audit.recordAccess(AuditActions.READ, TYPE, id.getIdPart(), Outcome.FAILURE, what);
      throw new ResourceNotFoundException(id);
    }
    Optional<Long> compartment = scopes.compartment(TYPE, permission);
    if (compartment.isPresent() && compartment.get() != found.get().patientId()) {
      scopes.refuseOtherPatient(TYPE, id.getIdPart());
    }
    return found.get();
  }

  private QuestionnaireResponse toFhir(AnswerSheet sheet) {
    Instrument instrument;
    try {
      instrument = instruments.definition(sheet.instrument());
    } catch (UnknownInstrument e) {
      instrument = null;
    }
    return QuestionnaireResponseMapper.toFhir(sheet, instrument);
  }

  /** {@code questionnaire=<canonical>}, {@code Questionnaire/<code>} or {@code <code>}. */
  private Optional<String> instrumentOf(ReferenceParam ref) {
    String value = ref.getValue();
    Optional<String> byCanonical = QuestionnaireMapper.instrumentOf(value);
    String code =
        byCanonical.orElseGet(
            () ->
                ref.getResourceType() == null || "Questionnaire".equals(ref.getResourceType())
                    ? ref.getIdPart()
                    : null);
    return questionnaires
        .instrumentOf(code == null ? null : QuestionnaireMapper.canonical(code))
        .map(Instrument::code);
  }

  /**
   * The criteria of an {@code If-None-Exist} ({@code identifier}, {@code _id}, {@code patient},
   * {@code questionnaire}), kept inside the token's patient; null when they can match nothing.
   */
  private AnswerSheets.Criteria conditionalCriteria(String url, Optional<Long> compartment) {
    String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : url;
    String system = null;
    String value = null;
    List<Long> ids = null;
    Long patientId = compartment.orElse(null);
    List<String> wanted = null;
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
        }
        case "_id" -> {
          Optional<Long> id = SearchPage.numericId(arg);
          if (id.isEmpty()) {
            return null;
          }
          ids = List.of(id.get());
        }
        case "patient", "subject" -> {
          Optional<Long> id = SearchPage.numericId(new IdType(arg).getIdPart());
          if (id.isEmpty() || (patientId != null && !patientId.equals(id.get()))) {
            return null;
          }
          patientId = id.get();
        }
        case "questionnaire" -> {
          Optional<String> code = QuestionnaireMapper.instrumentOf(arg);
          if (code.isEmpty()) {
            return null;
          }
          wanted = List.of(code.get());
        }
        default ->
            throw new InvalidRequestException(
                "If-None-Exist for QuestionnaireResponse supports identifier, _id, patient and"
                    + " questionnaire, not "
                    + key
                    + ".");
      }
    }
    return new AnswerSheets.Criteria(ids, patientId, wanted, null, null, null, system, value);
  }
}
