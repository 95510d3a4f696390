package org.relief.patients.diagnoses;

import java.util.Map;
import java.util.Optional;
import org.relief.platform.ChartSection;
import org.springframework.stereotype.Component;

/** The diagnoses on the patient chart, with a link to change them. */
@Component
class DiagnosesChartSection implements ChartSection {

  private final PatientDiagnoses diagnoses;

  DiagnosesChartSection(PatientDiagnoses diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    return Optional.of(
        new Rendered(
            "patients/diagnoses-chart",
            "chart-section",
            Map.of("diagnoses", diagnoses.of(patientId))));
  }
}
