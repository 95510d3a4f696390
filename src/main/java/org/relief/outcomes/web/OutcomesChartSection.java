package org.relief.outcomes.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.outcomes.episodes.Episode;
import org.relief.outcomes.episodes.EpisodeOutcomes;
import org.relief.platform.ChartSection;
import org.springframework.stereotype.Component;

/** The patient's procedures with a link to what each brought, on the patient chart. */
@Component
class OutcomesChartSection implements ChartSection {

  private final EpisodeOutcomes outcomes;

  OutcomesChartSection(EpisodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public int order() {
    return 700;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    List<Episode> list = outcomes.ofPatient(patientId);
    return list.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Rendered("outcomes/chart-section", "chart-section", Map.of("episodes", list)));
  }
}
