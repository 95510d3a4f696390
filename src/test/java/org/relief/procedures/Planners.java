package org.relief.procedures;

import java.util.List;
import java.util.Map;
import org.relief.patients.DrugClassSettings;
import org.relief.patients.DrugClassifier;

final class Planners {

  static final List<String> DEFAULT_WITHOUT_ADVICE =
      List.of("acetaminophen", "gabapentin", "oxycodone");

  private Planners() {}

  static AnticoagulationPlanner planner() {
    return planner(List.of(), Map.of());
  }

  static AnticoagulationPlanner planner(
      List<String> locallyConfirmed, Map<String, AnticoagulationSettings.UnconfirmedRow> rows) {
    return new AnticoagulationPlanner(
        new ProcedureCatalogue(),
        new DrugClassifier(new DrugClassSettings(locallyConfirmed)),
        new AnticoagulationSettings(DEFAULT_WITHOUT_ADVICE, rows));
  }
}
