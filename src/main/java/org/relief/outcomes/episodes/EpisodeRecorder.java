package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.RecordedScore;
import org.relief.followups.FollowUpAnswered;
import org.relief.followups.FollowUpMissed;
import org.relief.followups.FollowUpScheduled;
import org.relief.outcomes.OutcomeSettings;
import org.relief.outcomes.episodes.EpisodeRepository.AnswerScores;
import org.relief.patients.PatientConditions;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedurePerformed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the outcomes read model from the events of the procedures and follow-ups modules. Each
 * listener is idempotent: the same event twice, or events in another order, leave the same rows.
 *
 * <p>What an episode is grouped by is read once, when the procedure is announced: the primary
 * diagnosis and the ODI/NDI baseline are those of that moment, not of a later edit.
 */
@Component
class EpisodeRecorder {

  private static final Logger log = LoggerFactory.getLogger(EpisodeRecorder.class);

  /** The flag the assessments module raises on a PGIC answer that counts as a responder (§3.12). */
  private static final String PGIC_RESPONDER_FLAG = "responder";

  private final EpisodeRepository episodes;
  private final PerformedProcedures procedures;
  private final PatientConditions conditions;
  private final PatientQuestionnaires questionnaires;
  private final OutcomeSettings settings;
  private final PracticeSettings practice;
  private final Clock clock;

  EpisodeRecorder(
      EpisodeRepository episodes,
      PerformedProcedures procedures,
      PatientConditions conditions,
      PatientQuestionnaires questionnaires,
      OutcomeSettings settings,
      PracticeSettings practice,
      Clock clock) {
    this.episodes = episodes;
    this.procedures = procedures;
    this.conditions = conditions;
    this.questionnaires = questionnaires;
    this.settings = settings;
    this.practice = practice;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(ProcedurePerformed event) {
    if (episodes.findEpisode(event.procedureId()).isPresent()) {
      return;
    }
    Optional<PerformedProcedure> found = procedures.find(event.procedureId());
    if (found.isEmpty()) {
      log.warn("Procedure {} announced as performed is not in the record", event.procedureId());
      return;
    }
    PerformedProcedure p = found.get();
    Optional<PatientConditions.Condition> primary =
        conditions.of(p.patientId()).stream().filter(c -> c.primary() && c.active()).findFirst();
    List<RecordedScore> scores = questionnaires.scores(p.patientId());
    Episode episode =
        new Episode(
            p.id(),
            p.patientId(),
            p.procedureType(),
            p.levels(),
            p.laterality().code(),
            p.operatorUserId(),
            primary.map(PatientConditions.Condition::code).orElse(null),
            primary.map(PatientConditions.Condition::description).orElse(null),
            p.performedOn(),
            p.preProcedureNrs() == null ? null : BigDecimal.valueOf(p.preProcedureNrs()),
            baseline(scores, "odi", p.performedOn()),
            baseline(scores, "ndi", p.performedOn()),
            p.synthetic());
    if (episodes.insertEpisode(episode, clock.instant())) {
      log.info("Outcome episode for procedure {} recorded", p.id());
    }
  }

  @ApplicationModuleListener
  public void on(FollowUpScheduled event) {
    episodes.scheduled(
        event.followUpId(),
        event.procedureId(),
        event.patientId(),
        Timepoint.parse(event.timepoint(), "timepoint"),
        event.dueOn(),
        clock.instant());
  }

  @ApplicationModuleListener
  public void on(FollowUpAnswered event) {
    List<RecordedScore> scores = questionnaires.scores(event.responseIds());
    AnswerScores kept =
        new AnswerScores(
            score(scores, "nrs").orElse(null),
            score(scores, "odi").orElse(null),
            score(scores, "ndi").orElse(null),
            score(scores, "pgic").map(BigDecimal::intValue).orElse(null),
            score(scores, "pgic").isPresent()
                ? latest(scores, "pgic").orElseThrow().flagged(PGIC_RESPONDER_FLAG)
                : null);
    episodes.answered(
        event.followUpId(),
        event.procedureId(),
        event.patientId(),
        Timepoint.parse(event.timepoint(), "timepoint"),
        event.answeredOn(),
        kept,
        clock.instant());
  }

  @ApplicationModuleListener
  public void on(FollowUpMissed event) {
    episodes.missed(
        event.followUpId(),
        event.procedureId(),
        event.patientId(),
        Timepoint.parse(event.timepoint(), "timepoint"),
        clock.instant());
  }

  /** The latest score of an instrument on or before the procedure day, within the window. */
  private BigDecimal baseline(
      List<RecordedScore> scores, String instrument, LocalDate performedOn) {
    ZoneId zone = practice.timeZone();
    LocalDate earliest = performedOn.minus(settings.baselineWindow());
    return scores.stream()
        .filter(s -> s.instrument().equals(instrument) && s.score() != null)
        .filter(
            s -> {
              LocalDate day = s.scoredAt().atZone(zone).toLocalDate();
              return !day.isAfter(performedOn) && !day.isBefore(earliest);
            })
        .max(Comparator.comparing(RecordedScore::scoredAt))
        .map(s -> BigDecimal.valueOf(s.score()))
        .orElse(null);
  }

  private static Optional<BigDecimal> score(List<RecordedScore> scores, String instrument) {
    return latest(scores, instrument)
        .filter(s -> s.score() != null)
        .map(s -> BigDecimal.valueOf(s.score()));
  }

  private static Optional<RecordedScore> latest(List<RecordedScore> scores, String instrument) {
    return scores.stream()
        .filter(s -> s.instrument().equals(instrument))
        .max(Comparator.comparing(RecordedScore::scoredAt));
  }
}
