package org.relief.procedures.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Readiness;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/procedures/bookings?date=YYYY-MM-DD}: the day's booked procedures with their
 * readiness, for systems that show the afternoon list elsewhere. Needs {@code Appointment} read.
 */
@RestController
class BookingsApiController {

  /** One booking as the API gives it: IDs, codes and times, no names. */
  record BookingJson(
      long id,
      long patientId,
      String procedure,
      List<String> levels,
      String side,
      boolean sedation,
      boolean steroid,
      Instant start,
      Instant end,
      long roomId,
      String room,
      long physicianId,
      String status,
      ReadinessJson readiness) {}

  /** Readiness of a booked procedure; {@code null} once started, completed or cancelled. */
  record ReadinessJson(String state, int openItems, int overriddenItems) {}

  private final SchedulingService scheduling;

  BookingsApiController(SchedulingService scheduling) {
    this.scheduling = scheduling;
  }

  @GetMapping("/api/v1/procedures/bookings")
  List<BookingJson> day(@RequestParam(value = "date", required = false) String date) {
    LocalDate day;
    try {
      day = LocalDate.parse(date == null ? "" : date.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new RuleViolation(
          "date-invalid", "Give the day as date=YYYY-MM-DD, e.g. date=2026-12-01.");
    }
    return scheduling.day(day, null, null).stream()
        .map(
            r -> {
              var b = r.booking();
              Readiness readiness = r.readiness();
              return new BookingJson(
                  b.id(),
                  b.patientId(),
                  b.procedureType(),
                  b.levels(),
                  b.laterality().code(),
                  b.sedation(),
                  b.steroid(),
                  b.startsAt(),
                  b.endsAt(),
                  b.roomId(),
                  r.roomName(),
                  b.physicianId(),
                  b.status().code(),
                  readiness == null
                      ? null
                      : new ReadinessJson(
                          readiness.state().code(),
                          readiness.openItems(),
                          readiness.overriddenItems()));
            })
        .toList();
  }
}
