package org.relief.assessments.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.RecordedScore;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.springframework.stereotype.Service;

/** {@link PatientQuestionnaires} over the questionnaire tables; every read is audited. */
@Service
class QuestionnaireQueries implements PatientQuestionnaires {

  private static final int HISTORY_LIMIT = 500;

  private final QuestionnaireLinks links;
  private final Instruments instruments;
  private final QuestionnaireRepository repository;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;

  QuestionnaireQueries(
      QuestionnaireLinks links,
      Instruments instruments,
      QuestionnaireRepository repository,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock) {
    this.links = links;
    this.instruments = instruments;
    this.repository = repository;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Sent send(long patientId, List<String> instruments) {
    QuestionnaireLinks.SentLink link = links.send(patientId, instruments);
    return new Sent(
        link.questionnaireId(), link.patientId(), "/q/" + link.token(), link.expiresAt());
  }

  @Override
  @org.springframework.transaction.annotation.Transactional
  public List<Long> recordSynthetic(
      long patientId,
      Instant answeredAt,
      java.util.Map<String, java.util.Map<String, Integer>> answers) {
    requirePatient(patientId);
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (var entry : answers.entrySet()) {
      Instrument instrument = instruments.definition(entry.getKey());
      Score score = instruments.score(instrument.code(), entry.getValue(), ScoringContext.none());
      long id =
          repository.insertResponse(
              new QuestionnaireRepository.NewResponse(
                  patientId,
                  null,
                  instrument.code(),
                  instrument.version(),
                  answeredAt,
                  score.score(),
                  score.band(),
                  score.subscores(),
                  score.flags(),
                  score.answered()));
      audit.recordAccess(
          AuditActions.CREATE, QuestionnaireLinks.RESPONSE, Long.toString(id), Outcome.SUCCESS);
      ids.add(id);
    }
    return ids;
  }

  @Override
  public List<SentQuestionnaire> sentTo(long patientId) {
    requirePatient(patientId);
    Instant now = clock.instant();
    List<SentQuestionnaire> list =
        repository.ofPatient(patientId, HISTORY_LIMIT).stream()
            .map(
                q ->
                    new SentQuestionnaire(
                        q.id(),
                        q.patientId(),
                        q.instruments(),
                        q.createdAt(),
                        q.expiresAt(),
                        q.submittedAt(),
                        q.answered(),
                        Status.valueOf(q.status(now).name())))
            .toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        QuestionnaireLinks.QUESTIONNAIRE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "found " + list.size());
    return list;
  }

  @Override
  public List<RecordedScore> scores(long patientId) {
    requirePatient(patientId);
    List<RecordedScore> list =
        repository.responsesOf(patientId).stream().map(QuestionnaireQueries::recorded).toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        QuestionnaireLinks.RESPONSE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "found " + list.size());
    return list;
  }

  @Override
  public List<RecordedScore> scores(Collection<Long> responseIds) {
    List<RecordedScore> list =
        repository.responsesByIds(responseIds).stream()
            .map(QuestionnaireQueries::recorded)
            .toList();
    for (RecordedScore score : list) {
      audit.recordAccess(
          AuditActions.READ,
          QuestionnaireLinks.RESPONSE,
          Long.toString(score.id()),
          Outcome.SUCCESS);
    }
    return list;
  }

  private void requirePatient(long patientId) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
  }

  private static RecordedScore recorded(StoredResponse r) {
    return new RecordedScore(
        r.id(),
        r.patientId(),
        r.questionnaireId(),
        r.instrument(),
        r.instrumentVersion(),
        r.scoredAt(),
        r.score(),
        r.band(),
        r.subscores(),
        r.flags(),
        r.answered());
  }
}
