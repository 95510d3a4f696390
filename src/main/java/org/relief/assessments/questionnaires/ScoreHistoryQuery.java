package org.relief.assessments.questionnaires;

import java.util.List;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.ScoreHistory;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Component;

/** The stored, scored responses of a patient as {@link ScoreHistory} presents them. */
@Component
class ScoreHistoryQuery implements ScoreHistory {

  private final QuestionnaireRepository repository;
  private final Instruments instruments;
  private final AuditTrail audit;
  private final PracticeSettings practice;

  ScoreHistoryQuery(
      QuestionnaireRepository repository,
      Instruments instruments,
      AuditTrail audit,
      PracticeSettings practice) {
    this.repository = repository;
    this.instruments = instruments;
    this.audit = audit;
    this.practice = practice;
  }

  @Override
  public List<ScoredResult> of(long patientId) {
    List<StoredResponse> responses = repository.responsesOf(patientId);
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.RESPONSE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "by patient, results " + responses.size());
    return responses.stream()
        .map(
            r -> {
              Instrument i = instruments.definition(r.instrument());
              return new ScoredResult(
                  i.code(),
                  i.shortName(),
                  r.scoredAt().atZone(practice.timeZone()).toLocalDate(),
                  r.score(),
                  r.band(),
                  i.minScore(),
                  i.maxScore());
            })
        .toList();
  }
}
