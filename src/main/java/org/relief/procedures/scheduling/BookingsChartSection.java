package org.relief.procedures.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.relief.procedures.Readiness;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The patient's upcoming procedures on the chart, with their readiness and a booking link. */
@Component
class BookingsChartSection implements ChartSection {

  private static final Set<String> BOOKERS =
      Set.of(Role.PAIN_PHYSICIAN.authority(), Role.NURSE.authority(), Role.FRONT_DESK.authority());

  private final SchedulingService scheduling;
  private final ReadinessChecklists checklists;
  private final ProcedureCatalogue catalogue;
  private final PracticeSettings practice;

  BookingsChartSection(
      SchedulingService scheduling,
      ReadinessChecklists checklists,
      ProcedureCatalogue catalogue,
      PracticeSettings practice) {
    this.scheduling = scheduling;
    this.checklists = checklists;
    this.catalogue = catalogue;
    this.practice = practice;
  }

  /** One upcoming booking as the chart shows it. */
  record Line(
      long id,
      String when,
      String procedure,
      String status,
      String readiness,
      String readinessClass) {}

  @Override
  public int order() {
    return 600;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    List<Line> lines = scheduling.upcomingFor(patientId).stream().map(this::line).toList();
    return Optional.of(
        new Rendered(
            "procedures/bookings-chart",
            "chart-section",
            Map.of("bookings", lines, "canBook", canBook())));
  }

  private Line line(BookedProcedure b) {
    Readiness readiness = b.status() == BookingStatus.BOOKED ? checklists.readiness(b) : null;
    return new Line(
        b.id(),
        LocalDate.ofInstant(b.startsAt(), practice.timeZone())
            + " "
            + Exclusions.span(b.startsAt(), b.endsAt(), practice.timeZone()),
        catalogue.find(b.procedureType()).map(ProcedureType::name).orElse(b.procedureType()),
        b.status().label(),
        readiness == null ? b.status().label() : readiness.summary(),
        readiness == null
            ? "tag-off"
            : switch (readiness.state()) {
              case READY -> "tag-ok";
              case OVERRIDDEN -> "tag-warn";
              case NOT_READY -> "tag-open";
            });
  }

  private static boolean canBook() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(BOOKERS::contains);
  }
}
