package org.relief.patients.background;

import java.util.List;
import org.relief.patients.PatientBackground;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistoryDetails;
import org.springframework.stereotype.Component;

/** Puts the pain history and the diagnoses into words for other modules. */
@Component
class PatientBackgroundQuery implements PatientBackground.Query {

  private final PainHistories histories;
  private final PatientDiagnoses diagnoses;

  PatientBackgroundQuery(PainHistories histories, PatientDiagnoses diagnoses) {
    this.histories = histories;
    this.diagnoses = diagnoses;
  }

  @Override
  public PatientBackground of(long patientId) {
    var history = histories.read(patientId).map(h -> h.details());
    List<PatientBackground.Condition> conditions =
        diagnoses.of(patientId).stream()
            .map(
                d ->
                    new PatientBackground.Condition(
                        d.code().code(),
                        d.code().description(),
                        d.rank().label(),
                        d.status().label(),
                        d.status() == DiagnosisStatus.ACTIVE,
                        d.onsetDate()))
            .toList();
    if (history.isEmpty()) {
      return new PatientBackground(
          patientId, false, "—", "—", "—", "—", "—", List.of(), conditions);
    }
    PainHistoryDetails h = history.get();
    String mechanism =
        h.mechanism() == null
            ? "—"
            : h.mechanismNote() == null
                ? h.mechanism().label()
                : h.mechanism().label() + " (" + h.mechanismNote() + ")";
    List<PatientBackground.Treatment> treatments =
        h.treatments().stream()
            .map(
                t ->
                    new PatientBackground.Treatment(
                        t.type().label(),
                        t.description() == null ? "" : t.description(),
                        t.period(),
                        t.effect() == null ? "—" : t.effect().label()))
            .toList();
    return new PatientBackground(
        patientId,
        true,
        h.onset() == null ? "—" : h.onset().display(),
        mechanism,
        h.characterText(),
        h.worseWithText(),
        h.betterWithText(),
        treatments,
        conditions);
  }
}
