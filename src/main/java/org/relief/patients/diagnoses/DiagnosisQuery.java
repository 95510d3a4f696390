package org.relief.patients.diagnoses;

import java.util.List;
import org.relief.patients.PatientConditions;
import org.springframework.stereotype.Component;

/** The problem list for other modules, read through {@link PatientDiagnoses} (which audits). */
@Component
class DiagnosisQuery implements PatientConditions {

  private final PatientDiagnoses diagnoses;

  DiagnosisQuery(PatientDiagnoses diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public List<Condition> of(long patientId) {
    return diagnoses.of(patientId).stream()
        .map(
            d ->
                new Condition(
                    d.id(),
                    d.code().code(),
                    d.code().description(),
                    d.rank() == DiagnosisRank.PRIMARY,
                    d.status() == DiagnosisStatus.ACTIVE,
                    d.rank().label() + ", " + d.status().label().toLowerCase()))
        .toList();
  }
}
