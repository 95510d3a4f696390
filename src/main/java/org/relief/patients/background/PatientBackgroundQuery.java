package org.relief.patients.background;

import java.util.List;
import org.relief.patients.PatientBackground;
import org.relief.patients.history.PainHistories;
import org.relief.patients.history.PainHistoryDetails;
import org.springframework.stereotype.Component;

/** Puts the pain history into words for other modules. */
@Component
class PatientBackgroundQuery implements PatientBackground.Query {

  private final PainHistories histories;

  PatientBackgroundQuery(PainHistories histories) {
    this.histories = histories;
  }

  @Override
  public PatientBackground of(long patientId) {
    var history = histories.read(patientId).map(h -> h.details());
    if (history.isEmpty()) {
      return new PatientBackground(patientId, false, "—", "—", "—", "—", "—", List.of());
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
        treatments);
  }
}
