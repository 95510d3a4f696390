package org.relief.procedures.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.BookingSearch;
import org.relief.procedures.BookingStatus;
import org.relief.procedures.Levels;
import org.relief.procedures.ProcedureBooking;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureScheduling;
import org.relief.procedures.ProcedureType;
import org.relief.procedures.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Books procedures into session days, starts and cancels them.
 *
 * <p>Design notes. A booking is one INSERT outside any transaction: the database's exclusion
 * constraints decide between two people booking the same room or patient at the same instant, and
 * the loser's refusal is put into words by reading the booking that won (docs/decisions/0040). The
 * friendly check before the insert only saves a round trip; it is not what keeps the schedule
 * right.
 */
@Service
class SchedulingService implements ProcedureScheduling {

  private static final Logger log = LoggerFactory.getLogger(SchedulingService.class);
  static final String AUDIT_TYPE = ReadinessChecklists.AUDIT_TYPE;

  private final ScheduleRepository schedule;
  private final ProcedureRooms rooms;
  private final ReadinessChecklists checklists;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final SchedulingSettings settings;
  private final PracticeSettings practice;
  private final Clock clock;

  SchedulingService(
      ScheduleRepository schedule,
      ProcedureRooms rooms,
      ReadinessChecklists checklists,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      UserAccounts users,
      AuditTrail audit,
      SchedulingSettings settings,
      PracticeSettings practice,
      Clock clock) {
    this.schedule = schedule;
    this.rooms = rooms;
    this.checklists = checklists;
    this.catalogue = catalogue;
    this.patients = patients;
    this.users = users;
    this.audit = audit;
    this.settings = settings;
    this.practice = practice;
    this.clock = clock;
  }

  @Override
  public BookedProcedure book(ProcedureBooking request, long bookedByUserId) {
    return book(request, bookedByUserId, false);
  }

  BookedProcedure book(ProcedureBooking request, long bookedByUserId, boolean synthetic) {
    ProcedureType type = catalogue.require(request.procedureType());
    if (!patients.exists(request.patientId())) {
      throw new PatientNotFound(request.patientId());
    }
    SessionDay session =
        schedule
            .findSession(request.sessionId())
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "unknown-session",
                        "There is no procedure session " + request.sessionId() + "."));
    if (request.physicianId() != null && request.physicianId() != session.physicianId()) {
      throw new RuleViolation(
          "physician-not-on-session",
          "%s is not on the session of %s on %s; %s is. Choose that physician's session."
              .formatted(
                  name(request.physicianId()),
                  session.roomName(),
                  session.date(),
                  name(session.physicianId())));
    }
    ProcedureRoom room = rooms.room(session.roomId());
    if (!room.active()) {
      throw new RuleViolation(
          "room-inactive", "%s is not in use at the moment.".formatted(room.name()));
    }
    if (request.laterality() == null) {
      throw new RuleViolation(
          "laterality-missing",
          "Give the side: left, right, bilateral, midline or not applicable.");
    }
    checkLevels(type, request.levels());
    if (request.startTime() == null) {
      throw new RuleViolation("start-missing", "Give the start time, e.g. 14:00.");
    }
    int minutes =
        request.durationMinutes() != null
            ? request.durationMinutes()
            : settings.minutesFor(type.code());
    if (minutes < 5 || minutes > 480) {
      throw new RuleViolation(
          "duration-out-of-range",
          "A procedure takes 5 to 480 minutes; %d was given.".formatted(minutes));
    }
    Instant startsAt = session.date().atTime(request.startTime()).atZone(zone()).toInstant();
    Instant endsAt = startsAt.plusSeconds(minutes * 60L);
    if (startsAt.isBefore(session.startsAt()) || endsAt.isAfter(session.endsAt())) {
      throw new RuleViolation(
          "outside-session",
          "The session of %s on %s runs %s; %s does not fit in it."
              .formatted(
                  session.roomName(),
                  session.date(),
                  Exclusions.span(session.startsAt(), session.endsAt(), zone()),
                  Exclusions.span(startsAt, endsAt, zone())));
    }
    // The demo practice fills today's list even when the afternoon has begun.
    if (!synthetic && startsAt.isBefore(clock.instant())) {
      throw new RuleViolation(
          "booking-in-past",
          "%s on %s has already begun; book a time still ahead."
              .formatted(Exclusions.span(startsAt, endsAt, zone()), session.date()));
    }
    boolean steroid =
        request.steroid() != null ? request.steroid() : settings.steroidByDefault(type.code());
    ScheduleRepository.NewBooking booking =
        new ScheduleRepository.NewBooking(
            session,
            request.patientId(),
            type.code(),
            request.levels(),
            request.laterality(),
            request.sedation(),
            steroid,
            request.highBleedingRisk(),
            startsAt,
            endsAt);
    refuseIfTaken(booking, room);
    long id;
    try {
      id = schedule.insertBooking(booking, bookedByUserId, synthetic, clock.instant());
    } catch (DataAccessException e) {
      if (Exclusions.violated(e).isEmpty()) {
        throw e;
      }
      refuseIfTaken(booking, room);
      throw new RuleViolation(
          "slot-taken", "That time was booked a moment ago; reload the list and choose another.");
    }
    audit.recordAccess(
        AuditActions.CREATE,
        AUDIT_TYPE,
        Long.toString(id),
        Outcome.SUCCESS,
        "patient:" + request.patientId());
    log.info("Procedure booking {} for patient {}", id, request.patientId());
    return schedule.findBooking(id).orElseThrow();
  }

  private void refuseIfTaken(ScheduleRepository.NewBooking b, ProcedureRoom room) {
    List<BookedProcedure> taken =
        schedule.overlapping(room.id(), b.patientId(), b.startsAt(), b.endsAt());
    for (BookedProcedure other : taken) {
      String span = Exclusions.span(other.startsAt(), other.endsAt(), zone());
      if (other.roomId() == room.id()) {
        throw new RuleViolation(
            "room-double-booked",
            "%s is already booked %s for another procedure.".formatted(room.name(), span));
      }
      throw new RuleViolation(
          "patient-double-booked",
          "The patient is already booked %s in %s for another procedure."
              .formatted(span, rooms.room(other.roomId()).name()));
    }
  }

  @Override
  public BookingSearch.Page search(BookingSearch search, int offset, int limit) {
    BookingSearch.Page page = schedule.search(search, Math.max(0, offset), limit);
    return new BookingSearch.Page(
        page.bookings().stream()
            .map(
                l ->
                    new BookingSearch.Listing(
                        l.booking(),
                        catalogue
                            .find(l.booking().procedureType())
                            .map(ProcedureType::name)
                            .orElse(l.booking().procedureType()),
                        l.roomName(),
                        l.lastChanged()))
            .toList(),
        page.total());
  }

  @Override
  public Optional<BookedProcedure> find(long bookingId) {
    Optional<BookedProcedure> found = schedule.findBooking(bookingId);
    found.ifPresent(
        b ->
            audit.recordAccess(
                AuditActions.READ, AUDIT_TYPE, Long.toString(bookingId), Outcome.SUCCESS));
    return found;
  }

  @Override
  public List<BookedProcedure> upcomingFor(long patientId) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
    List<BookedProcedure> list = schedule.upcomingFor(patientId, clock.instant());
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "upcoming " + list.size());
    return list;
  }

  @Override
  public Readiness readiness(long bookingId) {
    return checklists.of(bookingId).readiness();
  }

  @Override
  public BookedProcedure start(long bookingId, long physicianUserId) {
    BookedProcedure booking = require(bookingId);
    if (!user(physicianUserId).has(Role.PAIN_PHYSICIAN)) {
      throw new RuleViolation("physician-starts", "Only a pain physician starts a procedure.");
    }
    if (booking.status() != BookingStatus.BOOKED) {
      throw new RuleViolation(
          "booking-not-booked",
          "This procedure is %s; only a booked procedure can be started."
              .formatted(booking.status().label().toLowerCase(Locale.ROOT)));
    }
    Checklist checklist = checklists.of(bookingId);
    if (!checklist.openItems().isEmpty()) {
      throw new RuleViolation(
          "not-ready",
          "Not ready to start. Open: "
              + checklist.openItems().stream()
                  .map(i -> i.item().label())
                  .collect(Collectors.joining("; "))
              + ". Complete them, or a pain physician overrides them with a reason.");
    }
    LocalDate day = LocalDate.ofInstant(booking.startsAt(), zone());
    LocalDate today = practice.today(clock);
    if (!day.equals(today)) {
      throw new RuleViolation(
          "not-the-day",
          "This procedure is booked for %s; it is started on that day.".formatted(day));
    }
    if (!schedule.start(bookingId, physicianUserId, clock.instant())) {
      throw new RuleViolation(
          "booking-changed-meanwhile", "The booking changed meanwhile; reload the checklist.");
    }
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(bookingId), Outcome.SUCCESS, "started");
    log.info("Procedure booking {} started", bookingId);
    return schedule.findBooking(bookingId).orElseThrow();
  }

  @Override
  public BookedProcedure cancel(long bookingId, String reason, long byUserId) {
    BookedProcedure booking = require(bookingId);
    if (booking.status() != BookingStatus.BOOKED) {
      throw new RuleViolation(
          "booking-not-booked",
          "This procedure is %s; only a booked procedure can be cancelled."
              .formatted(booking.status().label().toLowerCase(Locale.ROOT)));
    }
    String why = ReadinessChecklists.clean(reason, 300);
    if (why == null) {
      throw new RuleViolation("reason-missing", "Give the reason for cancelling.");
    }
    if (!schedule.cancel(bookingId, byUserId, why, clock.instant())) {
      throw new RuleViolation(
          "booking-changed-meanwhile", "The booking changed meanwhile; reload the list.");
    }
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(bookingId), Outcome.SUCCESS, "cancelled");
    return schedule.findBooking(bookingId).orElseThrow();
  }

  @Override
  public void markCompleted(long bookingId, long procedureId) {
    BookedProcedure booking = require(bookingId);
    if (booking.status() == BookingStatus.COMPLETED
        && Long.valueOf(procedureId).equals(booking.procedureId())) {
      return;
    }
    if (!schedule.complete(bookingId, procedureId, clock.instant())) {
      throw new RuleViolation(
          "booking-not-in-progress",
          "Booking %d is %s; only a started procedure is completed."
              .formatted(bookingId, booking.status().label().toLowerCase(Locale.ROOT)));
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        AUDIT_TYPE,
        Long.toString(bookingId),
        Outcome.SUCCESS,
        "completed as procedure " + procedureId);
    log.info("Procedure booking {} completed as procedure {}", bookingId, procedureId);
  }

  /** One row of the afternoon list. */
  public record Row(
      BookedProcedure booking,
      String time,
      String patientName,
      String mrn,
      String procedureName,
      String roomName,
      String physicianName,
      Readiness readiness) {}

  /** The day's bookings, for one room or one physician or all, with their readiness (audited). */
  List<Row> day(LocalDate day, Long roomId, Long physicianId) {
    Instant from = day.atStartOfDay(zone()).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone()).toInstant();
    List<BookedProcedure> bookings =
        schedule.bookingsBetween(from, to).stream()
            .filter(b -> roomId == null || b.roomId() == roomId)
            .filter(b -> physicianId == null || b.physicianId() == physicianId)
            .toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        null,
        Outcome.SUCCESS,
        "day " + day + " results " + bookings.size());
    return bookings.stream()
        .map(
            b -> {
              var patient = patients.open(b.patientId());
              return new Row(
                  b,
                  Exclusions.span(b.startsAt(), b.endsAt(), zone()),
                  patient.displayName(),
                  patient.mrn(),
                  catalogue
                      .find(b.procedureType())
                      .map(ProcedureType::name)
                      .orElse(b.procedureType()),
                  rooms.room(b.roomId()).name(),
                  name(b.physicianId()),
                  b.status() == BookingStatus.BOOKED ? checklists.readiness(b) : null);
            })
        .toList();
  }

  private BookedProcedure require(long bookingId) {
    return schedule
        .findBooking(bookingId)
        .orElseThrow(() -> new NotFound("There is no booked procedure " + bookingId + "."));
  }

  private UserAccount user(long id) {
    try {
      return users.get(id);
    } catch (NotFound e) {
      throw new RuleViolation("unknown-user", "There is no user account " + id + ".");
    }
  }

  String name(long userId) {
    try {
      return users.get(userId).displayName();
    } catch (NotFound e) {
      return "User " + userId;
    }
  }

  ZoneId zone() {
    return practice.timeZone();
  }

  private static void checkLevels(ProcedureType type, List<String> levels) {
    Levels allowed = type.levels();
    if (allowed.allowed().isEmpty()) {
      if (!levels.isEmpty()) {
        throw new RuleViolation(
            "levels-not-applicable",
            "%s is not done at spinal levels; leave the levels empty.".formatted(type.name()));
      }
      return;
    }
    if (levels.isEmpty()) {
      throw new RuleViolation(
          "levels-missing", "Give at least one level for %s.".formatted(type.name()));
    }
    for (String level : levels) {
      if (!allowed.allows(level)) {
        throw new RuleViolation(
            "level-not-allowed",
            "%s is not a level for %s; allowed: %s"
                .formatted(level, type.name(), String.join(", ", allowed.allowed())));
      }
    }
    if (levels.stream().distinct().count() != levels.size()) {
      throw new RuleViolation("duplicate-level", "A level is given twice.");
    }
  }
}
