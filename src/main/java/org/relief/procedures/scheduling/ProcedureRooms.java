package org.relief.procedures.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The practice's procedure rooms and their session days, kept by the practice administrator. A room
 * or a physician never has two sessions at once (exclusion constraints, docs/decisions/0040).
 */
@Service
public class ProcedureRooms {

  private static final Logger log = LoggerFactory.getLogger(ProcedureRooms.class);

  private final ScheduleRepository schedule;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final PracticeSettings practice;
  private final Clock clock;

  ProcedureRooms(
      ScheduleRepository schedule,
      UserAccounts users,
      AuditTrail audit,
      PracticeSettings practice,
      Clock clock) {
    this.schedule = schedule;
    this.users = users;
    this.audit = audit;
    this.practice = practice;
    this.clock = clock;
  }

  public List<ProcedureRoom> rooms() {
    return schedule.rooms();
  }

  public ProcedureRoom room(long id) {
    return schedule
        .findRoom(id)
        .orElseThrow(() -> new NotFound("There is no procedure room " + id + "."));
  }

  /** Adds a room; a second room of the same name is refused. */
  public ProcedureRoom addRoom(String name, List<Imaging> imaging) {
    return addRoom(name, imaging, false);
  }

  ProcedureRoom addRoom(String name, List<Imaging> imaging, boolean synthetic) {
    String clean = roomName(name);
    if (schedule.findRoomByName(clean).isPresent()) {
      throw duplicateRoom(clean);
    }
    long id;
    try {
      id = schedule.insertRoom(clean, distinct(imaging), synthetic, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw duplicateRoom(clean);
    }
    audit.recordAccess(AuditActions.CREATE, "ProcedureRoom", Long.toString(id), Outcome.SUCCESS);
    log.info("Procedure room {} added", id);
    return room(id);
  }

  /** Renames a room, changes its imaging, or takes it out of (or back into) use. */
  public ProcedureRoom changeRoom(long id, String name, List<Imaging> imaging, boolean active) {
    room(id);
    String clean = roomName(name);
    schedule
        .findRoomByName(clean)
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw duplicateRoom(clean);
            });
    try {
      schedule.updateRoom(id, clean, distinct(imaging), active, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw duplicateRoom(clean);
    }
    audit.recordAccess(AuditActions.UPDATE, "ProcedureRoom", Long.toString(id), Outcome.SUCCESS);
    return room(id);
  }

  /** The session days from one day to another, both included. */
  public List<SessionDay> sessions(LocalDate from, LocalDate to) {
    return schedule.sessionsBetween(from, to);
  }

  public SessionDay session(long id) {
    return schedule
        .findSession(id)
        .orElseThrow(() -> new NotFound("There is no procedure session " + id + "."));
  }

  /**
   * Adds a session day: a physician in a room from one time to another. A room or physician already
   * in a session then is refused in words.
   */
  public SessionDay addSession(
      long roomId, LocalDate date, LocalTime start, LocalTime end, long physicianId) {
    return addSession(roomId, date, start, end, physicianId, false);
  }

  SessionDay addSession(
      long roomId,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      long physicianId,
      boolean synthetic) {
    ProcedureRoom room = room(roomId);
    if (!room.active()) {
      throw new RuleViolation(
          "room-inactive", "%s is not in use; put it back in use first.".formatted(room.name()));
    }
    if (date == null || start == null || end == null) {
      throw new RuleViolation(
          "session-time-missing", "Give the day, the start and the end of the session.");
    }
    if (!end.isAfter(start)) {
      throw new RuleViolation(
          "session-ends-before-start",
          "The session ends at %s, not after it starts at %s.".formatted(end, start));
    }
    if (date.isBefore(practice.today(clock))) {
      throw new RuleViolation(
          "session-in-past", "%s is in the past; sessions are planned ahead.".formatted(date));
    }
    UserAccount physician = physician(physicianId);
    Instant from = date.atTime(start).atZone(zone()).toInstant();
    Instant to = date.atTime(end).atZone(zone()).toInstant();
    long id;
    try {
      id =
          schedule.insertSession(
              roomId, date, from, to, physician.id(), synthetic, clock.instant());
    } catch (DataAccessException e) {
      if (Exclusions.violated(e).isEmpty()) {
        throw e;
      }
      throw overlappingSession(roomId, physician, from, to);
    }
    audit.recordAccess(AuditActions.CREATE, "ProcedureSession", Long.toString(id), Outcome.SUCCESS);
    return session(id);
  }

  private RuleViolation overlappingSession(
      long roomId, UserAccount physician, Instant from, Instant to) {
    return schedule.sessionsOverlapping(roomId, physician.id(), from, to).stream()
        .findFirst()
        .map(
            s ->
                new RuleViolation(
                    "session-overlaps",
                    (s.roomId() == roomId
                            ? "%s already has a session %s."
                                .formatted(
                                    s.roomName(), Exclusions.span(s.startsAt(), s.endsAt(), zone()))
                            : "%s already has a session %s in %s."
                                .formatted(
                                    physician.displayName(),
                                    Exclusions.span(s.startsAt(), s.endsAt(), zone()),
                                    s.roomName()))
                        + " Sessions of a room or a physician do not overlap."))
        .orElseGet(
            () ->
                new RuleViolation(
                    "session-overlaps",
                    "Another session was just added at that time; reload and choose another."));
  }

  private UserAccount physician(long id) {
    UserAccount user;
    try {
      user = users.get(id);
    } catch (NotFound e) {
      throw new RuleViolation("unknown-physician", "There is no user account " + id + ".");
    }
    if (!user.has(Role.PAIN_PHYSICIAN) && !user.has(Role.SURGEON)) {
      throw new RuleViolation(
          "not-a-physician",
          "%s is not a physician; a session is led by a pain physician or surgeon."
              .formatted(user.displayName()));
    }
    return user;
  }

  /** The physicians a session can be given to. */
  public List<UserAccount> physicians() {
    return users.all().stream()
        .filter(u -> u.enabled() && (u.has(Role.PAIN_PHYSICIAN) || u.has(Role.SURGEON)))
        .toList();
  }

  ZoneId zone() {
    return practice.timeZone();
  }

  private static String roomName(String name) {
    if (name == null || name.isBlank()) {
      throw new RuleViolation("room-name-missing", "Give the room a name, e.g. Room 2.");
    }
    String s = name.strip();
    if (s.length() > 60) {
      throw new RuleViolation("room-name-too-long", "A room name has at most 60 characters.");
    }
    return s;
  }

  private static List<Imaging> distinct(List<Imaging> imaging) {
    return imaging == null ? List.of() : imaging.stream().distinct().sorted().toList();
  }

  private static RuleViolation duplicateRoom(String name) {
    return new RuleViolation(
        "duplicate-room", "There is already a room called %s.".formatted(name));
  }
}
