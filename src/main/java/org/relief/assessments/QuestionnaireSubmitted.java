package org.relief.assessments;

import java.util.List;

/**
 * A patient submitted a questionnaire sent through a secure link; {@code responseIds} are the
 * scored instruments it produced (read them through {@link PatientQuestionnaires#scores}).
 */
public record QuestionnaireSubmitted(long questionnaireId, long patientId, List<Long> responseIds) {

  public QuestionnaireSubmitted {
    responseIds = List.copyOf(responseIds);
  }
}
