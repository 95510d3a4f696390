package org.relief.assessments;

import java.time.Instant;
import java.util.Optional;

/**
 * How far a patient has got with the questionnaires sent to them, for the clinic list (the Today
 * page shows it per patient). Reading is audited as an access to the patient's questionnaires.
 */
public interface QuestionnaireProgress {

  /** The most recently sent questionnaire's state, or empty if none was ever sent. */
  Optional<Latest> latest(long patientId);

  /**
   * When the patient last completed any instrument, by link or otherwise (the history may predate
   * links); empty if never.
   */
  Optional<Instant> lastAnswered(long patientId);

  /**
   * The latest questionnaire sent to a patient.
   *
   * @param state {@code SENT}, {@code PARTLY_ANSWERED}, {@code EXPIRED} or {@code SUBMITTED}
   * @param label the state in words ("Submitted", "Sent, not started", ...)
   * @param submittedAt null unless submitted
   */
  record Latest(String state, String label, Instant sentAt, Instant submittedAt) {

    public boolean submitted() {
      return submittedAt != null;
    }
  }
}
