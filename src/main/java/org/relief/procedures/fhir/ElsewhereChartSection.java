package org.relief.procedures.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Component;

/**
 * "Procedures recorded elsewhere" on the chart: what other systems reported (a Synthea import, a
 * referring practice), kept apart from the practice's own procedures. Left out when there are none.
 */
@Component
class ElsewhereChartSection implements ChartSection {

  private final ProcedureFhirStore store;
  private final AuditTrail audit;
  private final PracticeSettings practice;

  ElsewhereChartSection(ProcedureFhirStore store, AuditTrail audit, PracticeSettings practice) {
    this.store = store;
    this.audit = audit;
    this.practice = practice;
  }

  /** One line of the section; the day is the practice's. */
  record Line(String date, String display, String code, String status) {}

  @Override
  public int order() {
    return 455;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    List<StoredProcedure.Elsewhere> elsewhere = store.elsewhere(patientId);
    audit.recordAccess(
        AuditActions.SEARCH,
        "Procedure",
        "patient:" + patientId,
        Outcome.SUCCESS,
        "recorded elsewhere, found " + elsewhere.size());
    if (elsewhere.isEmpty()) {
      return Optional.empty();
    }
    List<Line> lines =
        elsewhere.stream()
            .map(
                p ->
                    new Line(
                        p.performedStart() == null
                            ? "date not given"
                            : p.performedStart()
                                .atZone(practice.timeZone())
                                .toLocalDate()
                                .toString(),
                        p.display(),
                        p.code(),
                        p.status()))
            .toList();
    return Optional.of(
        new Rendered("procedures/elsewhere", "chart-section", Map.of("procedures", lines)));
  }
}
