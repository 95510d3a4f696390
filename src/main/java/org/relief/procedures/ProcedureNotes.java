package org.relief.procedures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.relief.procedures.CptDerivation.CodedLine;
import org.relief.procedures.records.ProcedureNoteRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The structured procedure note: started as a draft when the procedure starts, saved as often as
 * the operator likes, and completed once, which locks it and announces {@link ProcedurePerformed}.
 *
 * <p>Design notes. A draft accepts whatever is in range, so that nothing typed is lost; completing
 * checks everything the procedure needs and lists every gap at once. Saves carry the version they
 * were made on: a save on a stale version (a second tab, a colleague) is refused rather than
 * overwriting. Only the operator, or the supervisor of a supervised operator, completes a note.
 */
@Service
public class ProcedureNotes {

  static final String AUDIT_TYPE = PerformedProcedures.AUDIT_TYPE;
  private static final Logger log = LoggerFactory.getLogger(ProcedureNotes.class);
  private static final int MAX_INJECTATES = 10;
  private static final int MAX_TEXT = 4000;
  private static final Set<String> DEVICE_TYPES =
      Set.of("scs-trial", "scs-implant", "drg-trial", "pns-implant", "intrathecal-pump-implant");
  private static final Set<String> GENERATOR_TYPES =
      Set.of("scs-implant", "pns-implant", "intrathecal-pump-implant");
  private static final Set<String> LEAD_TYPES =
      Set.of("scs-trial", "scs-implant", "drg-trial", "pns-implant");

  private final ProcedureNoteRepository notes;
  private final PerformedProcedures performed;
  private final ProcedureCatalogue catalogue;
  private final PatientRegistry patients;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  ProcedureNotes(
      ProcedureNoteRepository notes,
      PerformedProcedures performed,
      ProcedureCatalogue catalogue,
      PatientRegistry patients,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.notes = notes;
    this.performed = performed;
    this.catalogue = catalogue;
    this.patients = patients;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** What starting a note needs. */
  public record Start(
      long patientId,
      String procedureType,
      Long bookingId,
      long operatorUserId,
      LocalDate performedOn,
      List<String> levels,
      Laterality laterality) {

    public Start {
      levels = levels == null ? List.of() : List.copyOf(levels);
    }
  }

  /**
   * Starts a draft note; for a booked procedure that already has one, returns that one (starting
   * twice opens the same note).
   */
  @Transactional
  public ProcedureNote start(Start start) {
    return start(start, false);
  }

  /** As {@link #start(Start)}, for the synthetic demo practice. */
  @Transactional
  public ProcedureNote startSynthetic(Start start) {
    return start(start, true);
  }

  private ProcedureNote start(Start start, boolean synthetic) {
    if (start.bookingId() != null) {
      var existing = notes.findByBooking(start.bookingId());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    if (!patients.exists(start.patientId())) {
      throw new PatientNotFound(start.patientId());
    }
    ProcedureType type = catalogue.require(start.procedureType());
    performed.requirePhysician(start.operatorUserId());
    if (start.performedOn() == null) {
      throw new RuleViolation("performed-on-missing", "Give the day of the procedure.");
    }
    if (start.performedOn().isAfter(today())) {
      throw new RuleViolation(
          "performed-in-future",
          "A note for %s cannot be started before the day of the procedure."
              .formatted(start.performedOn()));
    }
    if (start.laterality() == null) {
      throw new RuleViolation(
          "laterality-missing",
          "Give the side: left, right, bilateral, midline or not-applicable.");
    }
    checkLevelsAllowed(type, start.levels());
    long id =
        notes.insertDraft(
            start.patientId(),
            type.code(),
            start.bookingId(),
            start.operatorUserId(),
            NoteDetails.draft(start.performedOn(), start.levels(), start.laterality()),
            synthetic,
            clock.instant());
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    log.info("Procedure note {} started for patient {}", id, start.patientId());
    return notes.find(id).orElseThrow();
  }

  /** One note (audited). */
  public ProcedureNote get(long id) {
    ProcedureNote note =
        notes.find(id).orElseThrow(() -> new NotFound("There is no procedure note " + id));
    audit.recordAccess(AuditActions.READ, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    return note;
  }

  /** The note of a booked procedure, if it was started (audited when found). */
  public java.util.Optional<ProcedureNote> forBooking(long bookingId) {
    var note = notes.findByBooking(bookingId);
    note.ifPresent(
        n ->
            audit.recordAccess(
                AuditActions.READ, AUDIT_TYPE, Long.toString(n.id()), Outcome.SUCCESS));
    return note;
  }

  /** The patient's notes, drafts and completed, newest first (audited). */
  public List<ProcedureNote> ofPatient(long patientId) {
    return performed.readForPatient(patientId, () -> notes.ofPatient(patientId));
  }

  /** Saves a draft as it stands; refuses values out of range and a completed or stale note. */
  @Transactional
  public ProcedureNote save(long id, int version, NoteDetails details) {
    ProcedureNote note = get(id);
    requireDraft(note);
    checkRanges(catalogue.require(note.procedureType()), details);
    if (!notes.updateDraft(id, version, details, clock.instant())) {
      requireDraft(notes.find(id).orElseThrow());
      throw new RuleViolation(
          "changed-meanwhile",
          "Procedure note %d was saved by someone else meanwhile; reload it to see their changes."
              .formatted(id));
    }
    audit.recordAccess(AuditActions.UPDATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
    return notes.find(id).orElseThrow();
  }

  /**
   * Completes the note as saved at {@code version}: checks that everything the procedure needs is
   * there, locks it, and announces {@link ProcedurePerformed}.
   */
  @Transactional
  public ProcedureNote complete(long id, int version, long actingUserId) {
    ProcedureNote note = get(id);
    requireDraft(note);
    NoteDetails d = note.details();
    boolean operator = note.operatorUserId() == actingUserId;
    boolean supervisor =
        d.operatorRole() == NoteDetails.OperatorRole.SUPERVISED
            && d.supervisorUserId() != null
            && d.supervisorUserId() == actingUserId;
    if (!operator && !supervisor) {
      audit.recordAccess(AuditActions.UPDATE, AUDIT_TYPE, Long.toString(id), Outcome.DENIED);
      throw new AccessDeniedException(
          "Only the operator or the supervising physician completes procedure note " + id);
    }
    ProcedureType type = catalogue.require(note.procedureType());
    List<String> gaps = gaps(type, d);
    if (!gaps.isEmpty()) {
      throw new RuleViolation(
          "note-incomplete",
          "Procedure note %d cannot be completed yet: %s.".formatted(id, String.join("; ", gaps)));
    }
    if (!notes.markCompleted(id, version, clock.instant())) {
      throw new RuleViolation(
          "changed-meanwhile",
          "Procedure note %d was changed meanwhile; review it and complete again.".formatted(id));
    }
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS, "completed");
    performed.announce(id, note.patientId(), d.performedOn());
    return notes.find(id).orElseThrow();
  }

  /** The codes and units this note derives (clinical-rules.md §5d). */
  public List<CodedLine> coding(ProcedureNote note) {
    NoteDetails d = note.details();
    return CptDerivation.derive(
        catalogue.require(note.procedureType()),
        new CptDerivation.Facts(
            d.levels(),
            d.laterality(),
            d.imaging(),
            d.approach(),
            d.musclesInjected(),
            d.device() == null ? null : d.device().leadCount(),
            d.device() != null && d.device().generatorImplanted()));
  }

  /** Whether this procedure type records a device (stimulator or pump). */
  public static boolean recordsDevice(String procedureType) {
    return DEVICE_TYPES.contains(procedureType);
  }

  /** Whether this procedure type records radiofrequency parameters. */
  public static boolean recordsRf(String procedureType) {
    return procedureType.endsWith("-rfa");
  }

  /** Whether this procedure type records the muscles injected. */
  public static boolean recordsMuscles(String procedureType) {
    return procedureType.equals("trigger-point-injection");
  }

  private static void requireDraft(ProcedureNote note) {
    if (note.completed()) {
      throw new RuleViolation(
          "note-completed",
          "Procedure note %d was completed on %s and is locked; it cannot be changed."
              .formatted(note.id(), note.completedAt()));
    }
  }

  private static void checkLevelsAllowed(ProcedureType type, List<String> levels) {
    for (String level : levels) {
      if (!type.levels().allows(level)) {
        throw new RuleViolation(
            "level-not-allowed",
            "%s is not a level for %s; allowed: %s"
                .formatted(level, type.name(), String.join(", ", type.levels().allowed())));
      }
    }
  }

  /** What a draft may not hold even while being written: values out of range. */
  private void checkRanges(ProcedureType type, NoteDetails d) {
    if (d.performedOn() == null) {
      throw new RuleViolation("performed-on-missing", "Give the day of the procedure.");
    }
    if (d.performedOn().isAfter(today())) {
      throw new RuleViolation(
          "performed-in-future",
          "The procedure date %s is in the future.".formatted(d.performedOn()));
    }
    if (d.laterality() == null) {
      throw new RuleViolation(
          "laterality-missing",
          "Give the side: left, right, bilateral, midline or not-applicable.");
    }
    checkLevelsAllowed(type, d.levels());
    PerformedProcedures.checkNrs("before", d.preProcedureNrs());
    PerformedProcedures.checkNrs("after", d.postProcedureNrs());
    if (d.injectates().size() > MAX_INJECTATES) {
      throw new RuleViolation(
          "too-many-injectates", "A note lists at most " + MAX_INJECTATES + " injectates.");
    }
    for (String text :
        new String[] {
          d.approach(), d.contrastAgent(), d.sedationDrugs(), d.complicationNote(), d.note()
        }) {
      if (text != null && text.length() > MAX_TEXT) {
        throw new RuleViolation(
            "text-too-long", "A text field holds at most " + MAX_TEXT + " characters.");
      }
    }
    if (d.supervisorUserId() != null) {
      performed.requirePhysician(d.supervisorUserId());
    }
  }

  /** Everything a completed note needs that this one lacks, in the order of the form. */
  private List<String> gaps(ProcedureType type, NoteDetails d) {
    List<String> gaps = new ArrayList<>();
    if (!type.levels().allowed().isEmpty() && d.levels().isEmpty()) {
      gaps.add("give at least one level");
    }
    if (type.levels().allowed().isEmpty() && !d.levels().isEmpty()) {
      gaps.add(type.name() + " is not done at spinal levels; clear the levels");
    }
    if (d.operatorRole() == NoteDetails.OperatorRole.SUPERVISED && d.supervisorUserId() == null) {
      gaps.add("name the supervising physician");
    }
    if (d.imaging() == null) {
      gaps.add("give the image guidance (or none)");
    }
    if (d.imaging() == Imaging.FLUOROSCOPY
        && (d.fluoroSeconds() == null || d.fluoroDoseMgy() == null)) {
      gaps.add("give the fluoroscopy time and dose");
    }
    if ((d.contrastMl() == null) != (d.contrastAgent() == null || d.contrastAgent().isBlank())) {
      gaps.add("give both the contrast agent and its volume, or neither");
    }
    for (Injectate injectate : d.injectates()) {
      if (injectate.drug().corticosteroid() && injectate.doseMg() == null) {
        gaps.add("give the dose in mg of " + injectate.drug().code());
      }
      if (injectate.doseMg() == null && injectate.volumeMl() == null) {
        gaps.add("give a dose or a volume for " + injectate.drug().code());
      }
    }
    if (recordsRf(type.code())) {
      NoteDetails.RfParameters rf = d.rf();
      if (rf == null
          || rf.mode() == null
          || rf.temperatureC() == null
          || rf.seconds() == null
          || rf.lesions() == null) {
        gaps.add("give the radiofrequency mode, temperature, duration and number of lesions");
      }
    }
    if (recordsDevice(type.code())) {
      NoteDetails.Device device = d.device();
      if (device == null || blank(device.manufacturer()) || blank(device.model())) {
        gaps.add("give the device manufacturer and model");
      }
      if (LEAD_TYPES.contains(type.code())
          && (device == null || device.leadCount() == null || device.leadCount() < 1)) {
        gaps.add("give the number of leads placed");
      }
      if (GENERATOR_TYPES.contains(type.code())
          && (device == null
              || blank(device.generatorModel())
              || blank(device.generatorSerial()))) {
        gaps.add("give the generator (or pump) model and serial number");
      }
    }
    if (recordsMuscles(type.code()) && (d.musclesInjected() == null || d.musclesInjected() < 1)) {
      gaps.add("give the number of muscles injected");
    }
    if (d.sedation() == null) {
      gaps.add("give the sedation (or none)");
    }
    if (d.complications().contains(Complication.OTHER) && blank(d.complicationNote())) {
      gaps.add("describe the other complication");
    }
    if (d.preProcedureNrs() == null || d.postProcedureNrs() == null) {
      gaps.add("give the pain score before and after the procedure");
    }
    return gaps;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Today in the practice's time zone: a procedure's day is the practice's day. */
  private LocalDate today() {
    return practice.today(clock);
  }
}
