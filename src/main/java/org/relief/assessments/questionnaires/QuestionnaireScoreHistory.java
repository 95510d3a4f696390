package org.relief.assessments.questionnaires;

import java.util.List;
import org.relief.assessments.RecordedScore;
import org.relief.assessments.ScoreHistory;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** The stored questionnaire results, read for other modules; each read is audited by patient. */
@Component
class QuestionnaireScoreHistory implements ScoreHistory {

  private final QuestionnaireRepository repository;
  private final AuditTrail audit;

  QuestionnaireScoreHistory(QuestionnaireRepository repository, AuditTrail audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Override
  public List<RecordedScore> forPatient(long patientId) {
    List<RecordedScore> scores =
        repository.responsesOf(patientId).stream()
            .map(
                r ->
                    new RecordedScore(
                        r.id(), r.instrument(), r.scoredAt(), r.score(), r.band(), r.flags()))
            .toList();
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.RESPONSE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "by patient, results " + scores.size());
    return scores;
  }
}
