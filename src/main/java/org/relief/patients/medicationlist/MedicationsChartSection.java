package org.relief.patients.medicationlist;

import java.util.Map;
import java.util.Optional;
import org.relief.patients.MmeSettings;
import org.relief.platform.ChartSection;
import org.springframework.stereotype.Component;

/** The current medications on the patient chart with the MME total and bleeding-risk classes. */
@Component
class MedicationsChartSection implements ChartSection {

  private final MedicationList medications;

  MedicationsChartSection(MedicationList medications) {
    this.medications = medications;
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    return Optional.of(
        new Rendered(
            "patients/medications-chart",
            "chart-section",
            Map.of(
                "overview",
                medications.overview(patientId),
                "legacySetting",
                MmeSettings.LEGACY_THRESHOLD)));
  }
}
