package org.relief.patients.history;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.relief.platform.ChartSection;
import org.springframework.stereotype.Component;

/** The pain history on the patient chart, with a link to edit it. */
@Component
class PainHistorySection implements ChartSection {

  private final PainHistories histories;

  PainHistorySection(PainHistories histories) {
    this.histories = histories;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    Map<String, Object> data = new HashMap<>();
    histories.read(patientId).ifPresent(h -> data.put("history", h));
    return Optional.of(new Rendered("patients/pain-history-section", "section", data));
  }
}
