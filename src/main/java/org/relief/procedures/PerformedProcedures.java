package org.relief.procedures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import org.relief.procedures.records.ProcedureRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedures performed for patients: the query other modules read them through, and the one way
 * a completed procedure enters the record, which announces {@link ProcedurePerformed}.
 *
 * <p>Reads for one patient are audited as accesses to patient data; reads by operator (for a case
 * log) carry no patient detail beyond IDs and are audited as such.
 */
@Service
public class PerformedProcedures {

  static final String AUDIT_TYPE = "Procedure";
  private static final Logger log = LoggerFactory.getLogger(PerformedProcedures.class);

  private final ProcedureRecordRepository records;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  PerformedProcedures(
      ProcedureRecordRepository records,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      UserAccounts users,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.records = records;
    this.catalogue = catalogue;
    this.patients = patients;
    this.users = users;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** A completed procedure to enter, e.g. from a note just finished or an outside record. */
  public record Completed(
      long patientId,
      String procedureType,
      LocalDate performedOn,
      long operatorUserId,
      List<String> levels,
      Laterality laterality,
      Integer preProcedureNrs,
      Integer postProcedureNrs) {

    public Completed {
      levels = levels == null ? List.of() : List.copyOf(levels);
    }
  }

  /** One performed procedure (audited). */
  public Optional<PerformedProcedure> find(long id) {
    Optional<PerformedProcedure> found = records.findCompleted(id);
    found.ifPresent(
        p -> audit.recordAccess(AuditActions.READ, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS));
    return found;
  }

  /** The patient's performed procedures, oldest first (audited). */
  public List<PerformedProcedure> forPatient(long patientId) {
    return readForPatient(patientId, () -> records.findCompletedByPatient(patientId));
  }

  /** Reads a list of the patient's procedures, refusing an unknown patient, audited as a search. */
  <T> List<T> readForPatient(long patientId, java.util.function.Supplier<List<T>> read) {
    if (!patients.exists(patientId)) {
      throw new PatientNotFound(patientId);
    }
    List<T> list = read.get();
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "found " + list.size());
    return list;
  }

  /** What one operator performed in a period, both days included, oldest first (audited). */
  public List<PerformedProcedure> byOperator(long operatorUserId, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new RuleViolation(
          "invalid-period", "The period starts on %s, after it ends on %s".formatted(from, to));
    }
    List<PerformedProcedure> list = records.findCompletedByOperator(operatorUserId, from, to);
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "operator:" + operatorUserId,
        Outcome.SUCCESS,
        "%s..%s found %d".formatted(from, to, list.size()));
    return list;
  }

  /** Enters a completed procedure and announces it; refuses what the catalogue does not allow. */
  @Transactional
  public PerformedProcedure recordCompleted(Completed done) {
    return recordCompleted(done, false);
  }

  /** As {@link #recordCompleted(Completed)}, for the synthetic demo practice. */
  @Transactional
  public PerformedProcedure recordSynthetic(Completed done) {
    return recordCompleted(done, true);
  }

  private PerformedProcedure recordCompleted(Completed done, boolean synthetic) {
    validate(done);
    long id = records.insertCompleted(done, synthetic, clock.instant());
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    announce(id, done.patientId(), done.performedOn());
    return records.findCompleted(id).orElseThrow(() -> new NotFound("Procedure " + id));
  }

  /** Tells the other modules a procedure was completed (within the completing transaction). */
  void announce(long id, long patientId, LocalDate performedOn) {
    events.publishEvent(new ProcedurePerformed(id, patientId, performedOn));
    log.info("Procedure {} performed for patient {}", id, patientId);
  }

  /**
   * Checks a completed procedure against the catalogue and the calendar (used by the notes too).
   */
  void validate(Completed done) {
    if (!patients.exists(done.patientId())) {
      throw new PatientNotFound(done.patientId());
    }
    ProcedureType type = catalogue.require(done.procedureType());
    if (done.performedOn() == null) {
      throw new RuleViolation("performed-on-missing", "Give the date the procedure was performed.");
    }
    if (done.performedOn().isAfter(today())) {
      throw new RuleViolation(
          "performed-in-future",
          "A procedure cannot be recorded as performed on %s, which is in the future."
              .formatted(done.performedOn()));
    }
    if (done.laterality() == null) {
      throw new RuleViolation(
          "laterality-missing",
          "Give the side: left, right, bilateral, midline or not-applicable.");
    }
    checkLevels(type, done.levels());
    checkNrs("before", done.preProcedureNrs());
    checkNrs("after", done.postProcedureNrs());
    requirePhysician(done.operatorUserId());
  }

  /** The account of a physician who may perform procedures; a 422 naming the user otherwise. */
  UserAccount requirePhysician(long userId) {
    UserAccount operator = operator(userId);
    if (!operator.has(Role.PAIN_PHYSICIAN) && !operator.has(Role.SURGEON)) {
      throw new RuleViolation(
          "operator-not-physician",
          "User %d is not a physician; only a pain physician or surgeon performs procedures."
              .formatted(operator.id()));
    }
    return operator;
  }

  private UserAccount operator(long id) {
    try {
      return users.get(id);
    } catch (NotFound e) {
      throw new RuleViolation("unknown-operator", "There is no user account " + id);
    }
  }

  static void checkLevels(ProcedureType type, List<String> levels) {
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

  static void checkNrs(String when, Integer nrs) {
    if (nrs != null && (nrs < 0 || nrs > 10)) {
      throw new RuleViolation(
          "nrs-out-of-range",
          "Pain %s the procedure must be 0 to 10 on the numeric rating scale; %d was given."
              .formatted(when, nrs));
    }
  }

  /** Today in the practice's time zone: a procedure's day is the practice's day. */
  private LocalDate today() {
    return practice.today(clock);
  }
}
