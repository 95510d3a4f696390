package org.relief.assessments.fhir;

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
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.Item;
import org.relief.assessments.ScoringContext;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.fhir.PatientScoped;
import org.relief.fhir.SearchPage;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code Questionnaire}: Relief's instruments (clinical-rules.md §3), read-only since they are
 * Relief's own: read, vread (version 1), and search by {@code _id}, {@code url}, {@code name},
 * {@code title} and {@code status} with {@code _count}/{@code _offset} paging. Without create or
 * update methods HAPI answers those with an OperationOutcome and the CapabilityStatement lists only
 * what is here. Holds no patient data, so {@code patient/Questionnaire.rs} reads it too; accesses
 * are audited all the same.
 */
@Component
public class QuestionnaireResourceProvider implements IResourceProvider, PatientScoped {

  static final String TYPE = "Questionnaire";

  private final Instruments instruments;
  private final AuditTrail audit;
  private final Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
  private final Map<String, Set<String>> required = new HashMap<>();

  QuestionnaireResourceProvider(Instruments instruments, AuditTrail audit) {
    this.instruments = instruments;
    this.audit = audit;
    for (Instrument instrument : instruments.definitions()) {
      Set<String> needed = requiredItems(instruments, instrument);
      required.put(instrument.code(), needed);
      questionnaires.put(instrument.code(), QuestionnaireMapper.toFhir(instrument, needed));
    }
  }

  @Override
  public Class<Questionnaire> getResourceType() {
    return Questionnaire.class;
  }

  @Override
  public String resourceType() {
    return TYPE;
  }

  /** The items without which the instrument's answers do not score. */
  Set<String> required(String instrument) {
    return required.getOrDefault(instrument, Set.of());
  }

  @Read(version = true)
  public Questionnaire read(@IdParam IdType id) {
    Questionnaire found = questionnaires.get(id.getIdPart());
    if (found == null
        || (id.hasVersionIdPart()
            && !QuestionnaireMapper.VERSION_ID.equals(id.getVersionIdPart()))) {
      audit.recordAccess(AuditActions.READ, TYPE, id.getIdPart(), Outcome.FAILURE);
      throw new ResourceNotFoundException(id);
    }
    audit.recordAccess(AuditActions.READ, TYPE, id.getIdPart(), Outcome.SUCCESS);
    return found.copy();
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Questionnaire.SP_URL) UriParam url,
      @OptionalParam(name = Questionnaire.SP_NAME) StringParam name,
      @OptionalParam(name = Questionnaire.SP_TITLE) StringParam title,
      @OptionalParam(name = Questionnaire.SP_STATUS) TokenOrListParam status,
      @Offset Integer offset,
      @Count Integer count) {
    Predicate<Questionnaire> matches = q -> true;
    if (ids != null) {
      Set<String> wanted = new LinkedHashSet<>();
      for (TokenParam t : ids.getValuesAsQueryTokens()) {
        wanted.add(new IdType(t.getValue()).getIdPart());
      }
      matches = matches.and(q -> wanted.contains(q.getIdElement().getIdPart()));
    }
    if (url != null) {
      String wanted = url.getValue();
      matches = matches.and(q -> q.getUrl().equals(wanted));
    }
    if (name != null) {
      matches = matches.and(q -> matchesString(q.getName(), name));
    }
    if (title != null) {
      matches = matches.and(q -> matchesString(q.getTitle(), title));
    }
    if (status != null) {
      matches =
          matches.and(
              q ->
                  status.getValuesAsQueryTokens().stream()
                      .anyMatch(t -> q.getStatus().toCode().equals(t.getValue())));
    }
    List<Questionnaire> found = questionnaires.values().stream().filter(matches).toList();
    int from = SearchPage.offset(offset);
    int size = SearchPage.size(count);
    List<Questionnaire> page =
        from >= found.size()
            ? List.of()
            : found.subList(from, Math.min(found.size(), from + size)).stream()
                .map(Questionnaire::copy)
                .toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        TYPE,
        null,
        Outcome.SUCCESS,
        "fhir search, results " + page.size() + " of " + found.size());
    return SearchPage.of(page, found.size(), from, size);
  }

  /** The instrument a Questionnaire canonical names, if Relief has it. */
  Optional<Instrument> instrumentOf(String canonical) {
    return QuestionnaireMapper.instrumentOf(canonical)
        .filter(questionnaires::containsKey)
        .map(instruments::definition);
  }

  /** FHIR string search: starts with, ignoring case and accents; {@code :exact} matches whole. */
  private static boolean matchesString(String value, StringParam param) {
    if (value == null) {
      return false;
    }
    if (param.isExact()) {
      return value.equals(param.getValue());
    }
    String v = normal(value);
    String p = normal(param.getValue());
    return param.isContains() ? v.contains(p) : v.startsWith(p);
  }

  private static String normal(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * An item is required when leaving it alone unanswered, every other item answered, makes scoring
   * refuse the answers: the rule is the scorer's own (clinical-rules.md §3), not repeated here.
   */
  static Set<String> requiredItems(Instruments instruments, Instrument instrument) {
    Map<String, Integer> all = new LinkedHashMap<>();
    instrument.items().forEach(i -> all.put(i.key(), i.min()));
    ScoringContext context = new ScoringContext("female");
    if (!scores(instruments, instrument, all, context)) {
      return Set.of();
    }
    Set<String> needed = new LinkedHashSet<>();
    for (Item item : instrument.items()) {
      Map<String, Integer> without = new LinkedHashMap<>(all);
      without.remove(item.key());
      if (!scores(instruments, instrument, without, context)) {
        needed.add(item.key());
      }
    }
    return needed;
  }

  private static boolean scores(
      Instruments instruments,
      Instrument instrument,
      Map<String, Integer> answers,
      ScoringContext context) {
    try {
      instruments.score(instrument.code(), answers, context);
      return true;
    } catch (InvalidAnswers e) {
      return false;
    }
  }
}
