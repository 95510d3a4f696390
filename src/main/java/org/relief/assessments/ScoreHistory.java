package org.relief.assessments;

import java.util.List;

/**
 * A patient's questionnaire results over time, for modules that show them next to other data (the
 * pre-visit summary). Reading is audited as an access to the patient's {@code
 * QuestionnaireResponse}s.
 */
public interface ScoreHistory {

  /**
   * The flag PHQ-9 raises when item 9 is answered 1 or more: assess suicide risk now, whatever the
   * total (clinical-rules.md §3.6).
   */
  String SUICIDE_RISK = "suicide-risk-assessment-needed";

  /** Every result of the patient, oldest first. */
  List<RecordedScore> forPatient(long patientId);
}
