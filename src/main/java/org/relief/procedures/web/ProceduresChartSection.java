package org.relief.procedures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.SteroidExposure;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The patient's procedures and steroid exposure on the chart, with a way to start a note. */
@Component
class ProceduresChartSection implements ChartSection {

  private final ProcedureNotes notes;
  private final SteroidExposure steroids;
  private final ProcedureCatalogue catalogue;
  private final Clock clock;
  private final PracticeSettings practice;

  ProceduresChartSection(
      ProcedureNotes notes,
      SteroidExposure steroids,
      ProcedureCatalogue catalogue,
      Clock clock,
      PracticeSettings practice) {
    this.notes = notes;
    this.steroids = steroids;
    this.catalogue = catalogue;
    this.clock = clock;
    this.practice = practice;
  }

  @Override
  public int order() {
    return 450;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    LocalDate today = practice.today(clock);
    return Optional.of(
        new Rendered(
            "procedures/chart",
            "chart-section",
            Map.of(
                "notes", notes.ofPatient(patientId),
                "exposure", steroids.forPatient(patientId, today),
                "catalogue", catalogue,
                "mayWrite", mayWrite())));
  }

  /** Physicians and nurses start and write notes; the front desk sees the history only. */
  private static boolean mayWrite() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals(Role.PAIN_PHYSICIAN.authority())
                        || a.getAuthority().equals(Role.SURGEON.authority())
                        || a.getAuthority().equals(Role.NURSE.authority()));
  }
}
