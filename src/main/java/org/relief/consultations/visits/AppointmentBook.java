package org.relief.consultations.visits;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.ClinicList;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitBooked;
import org.relief.consultations.VisitKind;
import org.relief.consultations.VisitStatus;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's appointment book: the front desk books visits with a pain physician or spine
 * surgeon, marks arrivals, cancellations and no-shows. A clinician is never booked twice at the
 * same time (checked here in words, and by the database's exclusion constraint against races).
 * Every read and change is audited as an {@code Encounter}, by ID only.
 */
@Service
public class AppointmentBook implements ClinicList {

  static final String AUDIT_TYPE = "Encounter";
  static final Duration SHORTEST = Duration.ofMinutes(5);
  static final Duration LONGEST = Duration.ofHours(4);
  private static final String EXCLUSION_VIOLATION = "23P01";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Logger log = LoggerFactory.getLogger(AppointmentBook.class);

  private final VisitRepository visits;
  private final PatientRegistry patients;
  private final UserAccounts accounts;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  AppointmentBook(
      VisitRepository visits,
      PatientRegistry patients,
      UserAccounts accounts,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.visits = visits;
    this.patients = patients;
    this.accounts = accounts;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** What the front desk asks for. */
  public record Booking(
      long patientId, Long clinicianId, VisitKind kind, LocalDateTime startsAt, Integer minutes) {}

  /** Books a visit that starts now or later. */
  @Transactional
  public Visit book(Booking booking, long bookedBy) {
    return book(booking, bookedBy, false);
  }

  /** Books a synthetic demo visit, which may lie in the past week. */
  @Transactional
  public Visit bookSynthetic(Booking booking, long bookedBy) {
    return book(booking, bookedBy, true);
  }

  private Visit book(Booking booking, long bookedBy, boolean pastAllowed) {
    if (!patients.exists(booking.patientId())) {
      throw new PatientNotFound(booking.patientId());
    }
    if (booking.clinicianId() == null) {
      throw new RuleViolation("missing-clinician", "Choose the clinician the patient will see.");
    }
    UserAccount clinician = bookable(booking.clinicianId());
    if (booking.kind() == null) {
      throw new RuleViolation(
          "missing-kind", "Choose the kind of visit: new patient, follow-up or post-procedure.");
    }
    if (booking.startsAt() == null) {
      throw new RuleViolation("missing-time", "Give the date and time of the visit.");
    }
    Duration length =
        booking.minutes() == null
            ? booking.kind().usualLength()
            : Duration.ofMinutes(booking.minutes());
    if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
      throw new RuleViolation(
          "visit-length", "A visit lasts between 5 minutes and 4 hours (240 minutes).");
    }
    ZoneId zone = practice.timeZone();
    Instant starts = booking.startsAt().atZone(zone).toInstant();
    Instant ends = starts.plus(length);
    Instant now = clock.instant();
    if (!pastAllowed && starts.isBefore(now.minus(Duration.ofMinutes(1)))) {
      throw new RuleViolation(
          "visit-in-past",
          "The time "
              + booking.startsAt().toLocalDate()
              + " "
              + TIME.format(booking.startsAt())
              + " has passed; book a time from now on.");
    }
    List<Visit> clash = visits.overlapping(clinician.id(), starts, ends);
    if (!clash.isEmpty()) {
      throw doubleBooked(clinician, clash.get(0));
    }
    long id;
    try {
      id =
          visits.insert(
              booking.patientId(), clinician.id(), booking.kind(), starts, ends, bookedBy, now);
    } catch (DataIntegrityViolationException raced) {
      if (exclusionViolation(raced)) {
        throw doubleBooked(clinician, null);
      }
      throw raced;
    }
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    events.publishEvent(new VisitBooked(id, booking.patientId(), clinician.id()));
    log.info(
        "Visit {} booked for patient {} with clinician {}",
        id,
        booking.patientId(),
        clinician.id());
    return visits.find(id).orElseThrow();
  }

  /** The patient is in the waiting room. */
  @Transactional
  public void markArrived(long visitId) {
    move(visitId, VisitStatus.BOOKED, VisitStatus.ARRIVED);
  }

  /** The visit will not take place; the clinician's time is free again. */
  @Transactional
  public void cancel(long visitId) {
    move(visitId, VisitStatus.BOOKED, VisitStatus.CANCELLED);
  }

  /** The patient did not come; the clinician's time is free again. */
  @Transactional
  public void markNoShow(long visitId) {
    move(visitId, VisitStatus.BOOKED, VisitStatus.NO_SHOW);
  }

  /** The clinician has seen the patient (the note is signed); a visit never marked arrived too. */
  @Transactional
  public void markSeen(long visitId) {
    Visit visit = require(visitId);
    if (visit.status() == VisitStatus.DONE) {
      return;
    }
    if (visit.status() != VisitStatus.BOOKED && visit.status() != VisitStatus.ARRIVED) {
      throw new RuleViolation(
          "visit-not-open",
          "Visit V-"
              + visitId
              + " is "
              + visit.status().label().toLowerCase()
              + "; only a booked or arrived visit can be seen.");
    }
    move(visitId, visit.status(), VisitStatus.DONE);
  }

  private void move(long visitId, VisitStatus from, VisitStatus to) {
    Visit visit = require(visitId);
    if (visit.status() != from || !visits.changeStatus(visitId, from, to, clock.instant())) {
      throw new RuleViolation(
          "visit-status",
          "Visit V-"
              + visitId
              + " is "
              + visit.status().label().toLowerCase()
              + "; only a "
              + from.label().toLowerCase()
              + " visit can be marked "
              + to.label().toLowerCase()
              + ".");
    }
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(visitId), Outcome.SUCCESS, to.name());
    log.info("Visit {} now {}", visitId, to);
  }

  /** The clinicians visits can be booked with: enabled pain physicians and spine surgeons. */
  public List<UserAccount> clinicians() {
    return accounts.all().stream()
        .filter(UserAccount::enabled)
        .filter(a -> a.has(Role.PAIN_PHYSICIAN) || a.has(Role.SURGEON))
        .sorted(Comparator.comparing(UserAccount::displayName))
        .toList();
  }

  @Override
  public List<Visit> day(LocalDate day) {
    ZoneId zone = practice.timeZone();
    List<Visit> list =
        visits.between(
            day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    auditList(list);
    return list;
  }

  @Override
  public List<Visit> day(long clinicianId, LocalDate day) {
    ZoneId zone = practice.timeZone();
    List<Visit> list =
        visits.between(
            clinicianId,
            day.atStartOfDay(zone).toInstant(),
            day.plusDays(1).atStartOfDay(zone).toInstant());
    auditList(list);
    return list;
  }

  @Override
  public Optional<Visit> visit(long visitId) {
    Optional<Visit> visit = visits.find(visitId);
    audit.recordAccess(
        AuditActions.READ,
        AUDIT_TYPE,
        Long.toString(visitId),
        visit.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return visit;
  }

  @Override
  public Optional<Visit> lastVisitBefore(long patientId, LocalDate day) {
    Optional<Visit> visit =
        visits.lastTakenPlaceBefore(patientId, day.atStartOfDay(practice.timeZone()).toInstant());
    visit.ifPresent(
        v ->
            audit.recordAccess(
                AuditActions.READ,
                AUDIT_TYPE,
                Long.toString(v.id()),
                Outcome.SUCCESS,
                "last visit of patient " + patientId));
    return visit;
  }

  /** The visit, or a 404 naming it (audited). */
  public Visit require(long visitId) {
    return visit(visitId).orElseThrow(() -> new NotFound("There is no visit V-" + visitId + "."));
  }

  private void auditList(List<Visit> list) {
    for (Visit v : list) {
      audit.recordAccess(
          AuditActions.READ, AUDIT_TYPE, Long.toString(v.id()), Outcome.SUCCESS, "clinic list");
    }
  }

  private UserAccount bookable(long clinicianId) {
    UserAccount account;
    try {
      account = accounts.get(clinicianId);
    } catch (NotFound e) {
      throw new RuleViolation(
          "unknown-clinician", "Choose the clinician from the list of physicians and surgeons.");
    }
    if (!account.enabled() || !(account.has(Role.PAIN_PHYSICIAN) || account.has(Role.SURGEON))) {
      throw new RuleViolation(
          "not-a-clinician",
          "Visits are booked with an active pain physician or spine surgeon; choose one from the"
              + " list.");
    }
    return account;
  }

  private RuleViolation doubleBooked(UserAccount clinician, Visit existing) {
    ZoneId zone = practice.timeZone();
    String when =
        existing == null
            ? "at that time"
            : "from "
                + TIME.format(existing.startsAt().atZone(zone))
                + " to "
                + TIME.format(existing.endsAt().atZone(zone))
                + " on "
                + existing.startsAt().atZone(zone).toLocalDate();
    return new RuleViolation(
        "clinician-double-booked",
        clinician.displayName() + " already has a visit " + when + "; choose another time.");
  }

  private static boolean exclusionViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
