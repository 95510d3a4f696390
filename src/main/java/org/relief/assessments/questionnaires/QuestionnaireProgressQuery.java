package org.relief.assessments.questionnaires;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.relief.assessments.QuestionnaireProgress;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The latest questionnaire's state for other modules (audited, by patient ID only). */
@Component
class QuestionnaireProgressQuery implements QuestionnaireProgress {

  private final QuestionnaireRepository repository;
  private final AuditTrail audit;
  private final Clock clock;
  private final JdbcClient jdbc;

  QuestionnaireProgressQuery(
      QuestionnaireRepository repository, AuditTrail audit, Clock clock, JdbcClient jdbc) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Instant> lastAnswered(long patientId) {
    Optional<Instant> last =
        Optional.ofNullable(
                jdbc.sql(
                        "SELECT max(scored_at) FROM questionnaire_response"
                            + " WHERE patient_id = :patient")
                    .param("patient", patientId)
                    .query(Timestamp.class)
                    .optional()
                    .orElse(null))
            .map(Timestamp::toInstant);
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.RESPONSE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "last answered");
    return last;
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
