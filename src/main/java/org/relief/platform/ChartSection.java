package org.relief.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A part of the patient chart contributed by the module that owns its data (pain history,
 * diagnoses, medications, questionnaire scores, procedures...). The chart, in {@code patients},
 * renders every section bean in {@link #order()} without knowing the modules behind them, so no
 * module has to depend on all the others.
 *
 * <p>A section reads its own data for the patient and audits that read (it is an access to patient
 * data); it returns empty when it has nothing to show.
 */
public interface ChartSection {

  /** Position on the chart, smaller first (pain history 100, body map 200, ...). */
  int order();

  /** What to render for this patient, or empty to leave the section out. */
  Optional<Rendered> render(long patientId);

  /**
   * A Thymeleaf fragment and its data: the fragment sees {@code data} and {@code patientId} as
   * local variables.
   */
  record Rendered(String template, String fragment, Map<String, Object> data) {}
}
