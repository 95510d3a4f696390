package org.relief.assessments.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.relief.assessments.QuestionnaireProgress;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** The latest questionnaire's state for other modules (audited, by patient ID only). */
@Component
class QuestionnaireProgressQuery implements QuestionnaireProgress {

  private final QuestionnaireRepository repository;
  private final AuditTrail audit;
  private final Clock clock;

  QuestionnaireProgressQuery(QuestionnaireRepository repository, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Optional<Latest> latest(long patientId) {
    Instant now = clock.instant();
    Optional<Latest> latest =
        repository.ofPatient(patientId, 1).stream()
            .findFirst()
            .map(
                q ->
                    new Latest(
                        q.status(now).name(),
                        q.status(now).label(),
                        q.createdAt(),
                        q.submittedAt()));
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.QUESTIONNAIRE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "latest questionnaire");
    return latest;
  }
}
