package org.relief.assessments.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.QuestionnaireSubmitted;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires sent to patients through a secure link: staff send one, the patient answers item
 * by item (each answer stored at once, so a closed browser loses nothing), reviews and submits;
 * submission scores each instrument with {@link Instruments#score} and spends the link.
 *
 * <p>Design notes. The token is never stored or logged: the link is looked up by the token's
 * SHA-256 digest, and the trail names the questionnaire ID as the actor of what is done through the
 * link. A wrong or expired token is answered the same way, after the same work (one digest, one
 * indexed lookup, one audit row), and reveals nothing of the patient. Answers and submission lock
 * the questionnaire row, so an answer cannot slip in after submission and a double tap on "Send"
 * stores one set of results.
 */
@Service
class QuestionnaireLinks {

  static final String NOT_SCORED = "not-scored";
  static final String QUESTIONNAIRE = "Questionnaire";
  static final String RESPONSE = "QuestionnaireResponse";

  /** Instruments with clinician-only items or that need more than answers, not sent to patients. */
  private static final Set<String> NOT_SENT = Set.of("ort", "dn4");

  private static final Logger log = LoggerFactory.getLogger(QuestionnaireLinks.class);

  private final QuestionnaireRepository repository;
  private final Instruments instruments;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;
  private final QuestionnaireSettings settings;
  private final ApplicationEventPublisher events;
  private final AnswerSheets sheets;

  QuestionnaireLinks(
      QuestionnaireRepository repository,
      Instruments instruments,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock,
      QuestionnaireSettings settings,
      ApplicationEventPublisher events,
      AnswerSheets sheets) {
    this.events = events;
    this.sheets = sheets;
    this.repository = repository;
    this.instruments = instruments;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
  }

  /** A link just created: the only moment the token is known. */
  record SentLink(long questionnaireId, long patientId, String token, Instant expiresAt) {}

  /** What a token opens. */
  enum State {
    OPEN,
    SPENT,
    UNUSABLE
  }

  /** A resolved link: for {@link State#OPEN}, the questions and the answers given so far. */
  record Link(
      State state,
      Questionnaire questionnaire,
      List<Question> questions,
      Map<String, Map<String, Integer>> answers) {

    public boolean answered(Question q) {
      return answers.getOrDefault(q.instrument().code(), Map.of()).containsKey(q.item().key());
    }

    public Integer answerTo(Question q) {
      return answers.getOrDefault(q.instrument().code(), Map.of()).get(q.item().key());
    }

    /** The first question not yet answered or skipped, or 0 when all are. */
    int firstUnanswered() {
      return questions.stream()
          .filter(q -> !answered(q))
          .mapToInt(Question::number)
          .findFirst()
          .orElse(0);
    }

    int answeredCount() {
      return (int) questions.stream().filter(this::answered).count();
    }

    Question question(int number) {
      if (number < 1 || number > questions.size()) {
        throw new RuleViolation(
            "no-such-question", "This questionnaire has questions 1 to " + questions.size() + ".");
      }
      return questions.get(number - 1);
    }
  }

  /** The instruments staff can send, in the library's order. */
  List<Instrument> sendable() {
    return instruments.definitions().stream().filter(i -> !NOT_SENT.contains(i.code())).toList();
  }

  /** Creates a link for the patient to answer these instruments (audited as a creation). */
  @Transactional
  SentLink send(long patientId, List<String> codes) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      Instrument instrument = instruments.definition(code);
      if (NOT_SENT.contains(instrument.code())) {
        throw new RuleViolation(
            "instrument-not-sent",
            instrument.shortName() + " is completed with a clinician, not sent to patients.");
      }
      chosen.add(instrument.code());
    }
    if (chosen.isEmpty()) {
      throw new RuleViolation("no-instruments", "Choose at least one questionnaire to send.");
    }
    List<String> ordered =
        sendable().stream().map(Instrument::code).filter(chosen::contains).toList();
    String token = LinkToken.generate();
    Instant now = clock.instant();
    Instant expires = now.plus(settings.linkLifetime());
    String by = AuditTrail.actorOf(SecurityContextHolder.getContext().getAuthentication());
    long id = repository.insert(patientId, LinkToken.digest(token), ordered, now, by, expires);
    audit.recordAccess(AuditActions.CREATE, QUESTIONNAIRE, Long.toString(id), Outcome.SUCCESS);
    log.info("Questionnaire {} sent for patient {}", id, patientId);
    return new SentLink(id, patientId, token, expires);
  }

  /** Opens the link to show a page of it (audited as a read through the link). */
  @Transactional
  Link open(String token) {
    Link link = resolve(token);
    if (link.state() != State.UNUSABLE) {
      recordThroughLink(AuditActions.READ, link.questionnaire().id(), null);
    }
    return link;
  }

  /**
   * Stores the answer to one question ({@code null}: skipped) and returns the link as it now
   * stands.
   */
  @Transactional
  Link answer(String token, int number, Integer value) {
    Link link = resolve(token);
    if (link.state() != State.OPEN) {
      return link;
    }
    repository.lock(link.questionnaire().id());
    link = resolve(token);
    if (link.state() != State.OPEN) {
      return link;
    }
    Question question = link.question(number);
    if (value != null && (value < question.item().min() || value > question.item().max())) {
      throw new RuleViolation(
          "answer-out-of-range",
          "Choose an answer from " + question.item().min() + " to " + question.item().max() + ".");
    }
    repository.saveAnswer(
        link.questionnaire().id(),
        question.instrument().code(),
        question.item().key(),
        value,
        clock.instant());
    recordThroughLink(AuditActions.UPDATE, link.questionnaire().id(), "answer " + number);
    return resolve(token);
  }

  /**
   * Scores every instrument, stores the results and spends the link. Returns the link as spent
   * (also when it was spent before).
   */
  @Transactional
  Link submit(String token) {
    Link link = resolve(token);
    if (link.state() != State.OPEN) {
      return link;
    }
    Questionnaire q = link.questionnaire();
    repository.lock(q.id());
    Instant now = clock.instant();
    if (!repository.markSubmitted(q.id(), now)) {
      return resolve(token);
    }
    Map<String, Map<String, Integer>> answers = repository.answers(q.id());
    List<Long> responseIds = new ArrayList<>();
    for (String code : q.instruments()) {
      Instrument instrument = instruments.definition(code);
      long responseId =
          repository.insertResponse(
              scored(instrument, q, answers.getOrDefault(code, Map.of()), now));
      responseIds.add(responseId);
      sheets.recordFromLink(
          q.id(),
          q.patientId(),
          code,
          instrument.version(),
          answers.getOrDefault(code, Map.of()),
          responseId,
          now);
      recordThroughLink(AuditActions.CREATE, RESPONSE, responseId, q.id(), null);
    }
    recordThroughLink(AuditActions.UPDATE, q.id(), "submitted");
    events.publishEvent(new QuestionnaireSubmitted(q.id(), q.patientId(), responseIds));
    log.info("Questionnaire {} submitted", q.id());
    return resolve(token);
  }

  private QuestionnaireRepository.NewResponse scored(
      Instrument instrument, Questionnaire q, Map<String, Integer> answers, Instant now) {
    Map<String, Integer> given = new LinkedHashMap<>(answers);
    try {
      Score score = instruments.score(instrument.code(), given, ScoringContext.none());
      return new QuestionnaireRepository.NewResponse(
          q.patientId(),
          q.id(),
          instrument.code(),
          instrument.version(),
          now,
          score.score(),
          score.band(),
          score.subscores(),
          score.flags(),
          score.answered());
    } catch (InvalidAnswers refused) {
      // Too many skipped items: the answers are kept and the clinician sees why there is no score.
      List<Flag> flags = new ArrayList<>();
      flags.add(new Flag(NOT_SCORED, refused.getMessage()));
      int answered = (int) given.values().stream().filter(v -> v != null).count();
      return new QuestionnaireRepository.NewResponse(
          q.patientId(),
          q.id(),
          instrument.code(),
          instrument.version(),
          now,
          null,
          null,
          Map.of(),
          flags,
          answered);
    }
  }

  private Link resolve(String token) {
    Questionnaire q = repository.findByDigest(LinkToken.digest(token)).orElse(null);
    Instant now = clock.instant();
    if (q == null || (q.submittedAt() == null && !now.isBefore(q.expiresAt()))) {
      audit.record(
          new AuditEntry(
              "anonymous",
              ActorType.ANONYMOUS,
              AuditActions.READ,
              QUESTIONNAIRE,
              q == null ? null : Long.toString(q.id()),
              Outcome.FAILURE,
              AuditTrail.currentAddress(),
              "link-unusable"));
      return new Link(State.UNUSABLE, null, List.of(), Map.of());
    }
    if (q.submittedAt() != null) {
      return new Link(State.SPENT, q, List.of(), Map.of());
    }
    List<Question> questions =
        Question.of(q.instruments().stream().map(instruments::definition).toList());
    return new Link(State.OPEN, q, questions, repository.answers(q.id()));
  }

  private void recordThroughLink(String action, long questionnaireId, String detail) {
    recordThroughLink(action, QUESTIONNAIRE, questionnaireId, questionnaireId, detail);
  }

  private void recordThroughLink(
      String action, String objectType, long objectId, long questionnaireId, String detail) {
    audit.record(
        new AuditEntry(
            Long.toString(questionnaireId),
            ActorType.PATIENT_LINK,
            action,
            objectType,
            Long.toString(objectId),
            Outcome.SUCCESS,
            AuditTrail.currentAddress(),
            detail));
  }
}
