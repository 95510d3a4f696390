package org.relief.assessments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What other modules may ask of the questionnaires sent to patients and their scored results. Reads
 * are audited as accesses to patient data.
 */
public interface PatientQuestionnaires {

  /**
   * Sends these instruments to the patient as a new secure link.
   *
   * @return the link's path (e.g. {@code /q/...}); it is known only now and must go to the patient
   *     only, never into a log or a message with health information
   */
  Sent send(long patientId, List<String> instruments);

  /** The patient's questionnaires, newest first, with how far each got. */
  List<SentQuestionnaire> sentTo(long patientId);

  /** The patient's scored instruments, oldest first. */
  List<RecordedScore> scores(long patientId);

  /** Scored instruments by ID (e.g. those of a {@link QuestionnaireSubmitted}), oldest first. */
  List<RecordedScore> scores(Collection<Long> responseIds);

  /**
   * Scores and stores answers given for the synthetic demo practice (no link, no questionnaire), as
   * if answered at {@code answeredAt}; returns the stored results' IDs in the order given. Answers
   * that do not score are refused as for any caller.
   */
  List<Long> recordSynthetic(
      long patientId,
      java.time.Instant answeredAt,
      java.util.Map<String, java.util.Map<String, Integer>> answers);

  /** A link just created. */
  record Sent(long questionnaireId, long patientId, String path, Instant expiresAt) {}

  /** A questionnaire sent to a patient and where it stands. */
  record SentQuestionnaire(
      long questionnaireId,
      long patientId,
      List<String> instruments,
      Instant sentAt,
      Instant expiresAt,
      Instant submittedAt,
      int itemsAnswered,
      Status status) {

    public SentQuestionnaire {
      instruments = List.copyOf(instruments);
    }
  }

  /** Where a questionnaire stands. */
  enum Status {
    SENT,
    PARTLY_ANSWERED,
    EXPIRED,
    SUBMITTED
  }
}
