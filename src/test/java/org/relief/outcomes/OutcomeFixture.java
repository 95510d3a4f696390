package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.Item;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.RecordedScore;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.assessments.questionnaires.QuestionnaireRepository.NewResponse;
import org.relief.followups.FollowUpAnswered;
import org.relief.followups.FollowUpMissed;
import org.relief.followups.FollowUpScheduled;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds outcome episodes through the real modules: a procedure recorded in the procedures module
 * (which announces it), scores stored in the assessments module, and the follow-up events the
 * follow-ups module would publish, each in a transaction of its own as in the application.
 */
public final class OutcomeFixture {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final AtomicLong FOLLOW_UP = new AtomicLong(900_000_000L);

  private final PatientRegistry registry;
  private final PatientDiagnoses diagnoses;
  private final UserAccounts accounts;
  private final PerformedProcedures procedures;
  private final Instruments instruments;
  private final QuestionnaireRepository responses;
  private final PatientQuestionnaires questionnaires;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;

  public OutcomeFixture(
      PatientRegistry registry,
      PatientDiagnoses diagnoses,
      UserAccounts accounts,
      PerformedProcedures procedures,
      Instruments instruments,
      QuestionnaireRepository responses,
      PatientQuestionnaires questionnaires,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      JdbcClient jdbc) {
    this.registry = registry;
    this.diagnoses = diagnoses;
    this.accounts = accounts;
    this.procedures = procedures;
    this.instruments = instruments;
    this.responses = responses;
    this.questionnaires = questionnaires;
    this.events = events;
    this.tx = tx;
    this.jdbc = jdbc;
  }

  public UserAccount physician() {
    return accounts.create(
        new UserAccounts.NewUser(
            "outcomes-dr-" + SEQ.incrementAndGet(),
            "Dr Outcome " + SEQ.get(),
            "a-long-enough-pass",
            Set.of(Role.PAIN_PHYSICIAN)));
  }

  public Patient patient(String primaryDiagnosis) {
    int n = SEQ.incrementAndGet();
    Patient p =
        registry.register(
            new PatientDetails(
                "OUT-" + n,
                "Outcome",
                "Olive" + n,
                LocalDate.of(1960, 1, 1),
                Sex.FEMALE,
                null,
                null,
                "en"));
    if (primaryDiagnosis != null) {
      diagnoses.add(p.id(), primaryDiagnosis, DiagnosisRank.PRIMARY, DiagnosisStatus.ACTIVE, null);
    }
    return p;
  }

  public PerformedProcedure procedure(
      Patient patient,
      UserAccount operator,
      String type,
      LocalDate on,
      List<String> levels,
      Integer preNrs) {
    PerformedProcedure p =
        procedures.recordCompleted(
            new PerformedProcedures.Completed(
                patient.id(), type, on, operator.id(), levels, Laterality.RIGHT, preNrs, null));
    awaitListeners();
    return p;
  }

  /** Stores scored instruments for the patient at a moment; returns their IDs. */
  public List<Long> scores(long patientId, LocalDate on, Map<String, Integer> itemValues) {
    Instant at = on.atTime(15, 0).toInstant(ZoneOffset.UTC).plusMillis(SEQ.incrementAndGet());
    List<NewResponse> rows = new ArrayList<>();
    itemValues.forEach(
        (code, value) -> {
          Instrument instrument = instruments.definition(code);
          Map<String, Integer> answers = new LinkedHashMap<>();
          for (Item item : instrument.items()) {
            if (item.scored()) {
              answers.put(item.key(), value);
            }
          }
          Score s = instruments.score(code, answers, ScoringContext.none());
          rows.add(
              new NewResponse(
                  patientId,
                  null,
                  code,
                  instrument.version(),
                  at,
                  s.score(),
                  s.band(),
                  s.subscores(),
                  s.flags(),
                  s.answered()));
        });
    responses.insertResponses(rows);
    return questionnaires.scores(patientId).stream()
        .filter(s -> s.scoredAt().equals(at))
        .map(RecordedScore::id)
        .toList();
  }

  public long scheduled(PerformedProcedure p, String timepoint, LocalDate due) {
    long id = FOLLOW_UP.incrementAndGet();
    publish(new FollowUpScheduled(id, p.id(), p.patientId(), timepoint, due));
    return id;
  }

  public void answered(
      PerformedProcedure p, String timepoint, LocalDate on, Map<String, Integer> items) {
    List<Long> ids = scores(p.patientId(), on, items);
    publish(
        new FollowUpAnswered(
            FOLLOW_UP.incrementAndGet(), p.id(), p.patientId(), timepoint, on, ids));
  }

  public void missed(PerformedProcedure p, String timepoint) {
    publish(new FollowUpMissed(FOLLOW_UP.incrementAndGet(), p.id(), p.patientId(), timepoint));
  }

  /** Publishes as a module would: inside a transaction, delivered to listeners after commit. */
  public void publish(Object event) {
    tx.executeWithoutResult(status -> events.publishEvent(event));
    awaitListeners();
  }

  /**
   * Waits until the outcomes listeners have handled every event published so far (they run
   * asynchronously after commit), and fails if one of them failed.
   */
  public void awaitListeners() {
    String listener = "%EpisodeRecorder%";
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                jdbc.sql(
                                "SELECT count(*) FROM event_publication WHERE listener_id LIKE :l"
                                    + " AND completion_date IS NULL")
                            .param("l", listener)
                            .query(Long.class)
                            .single()
                        == 0
                    || failed(listener) > 0);
    assertThat(failed(listener)).as("outcomes listeners that failed").isZero();
  }

  private long failed(String listener) {
    return jdbc.sql(
            "SELECT count(*) FROM event_publication WHERE listener_id LIKE :l"
                + " AND status = 'FAILED'")
        .param("l", listener)
        .query(Long.class)
        .single();
  }
}
