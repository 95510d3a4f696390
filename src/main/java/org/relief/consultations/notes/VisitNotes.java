package org.relief.consultations.notes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.CaseConferenceRequested;
import org.relief.consultations.PlanItem;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.PlanItemStatus;
import org.relief.consultations.TreatmentPlanned;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitNoteSigned;
import org.relief.consultations.VisitStatus;
import org.relief.consultations.notes.NoteRepository.LinkedDiagnosis;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.patients.PatientConditions;
import org.relief.patients.PatientConditions.Condition;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and signs visit notes.
 *
 * <p>Design note: only the visit's own clinician writes, changes the plan of, and signs a note;
 * anyone else is refused (403) and the refusal is audited. Once signed, the note, its diagnoses and
 * its plan items are locked: every change is refused with a 422 that says to write an addendum, and
 * the database's triggers refuse it as well, so no path can lose or rewrite what was signed. Plan
 * items then move only through their status. Every read and change is audited ({@code Composition}
 * for the note, {@code CarePlan} for plan items), by ID only.
 */
@Service
public class VisitNotes {

  static final String NOTE = "Composition";
  static final String PLAN = "CarePlan";
  static final int PART_LIMIT = 8000;
  static final int GOALS_LIMIT = 2000;
  static final int DETAIL_LIMIT = 1000;
  static final int ADDENDUM_LIMIT = 4000;
  private static final DateTimeFormatter SIGNED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm");
  private static final Logger log = LoggerFactory.getLogger(VisitNotes.class);

  private final NoteRepository notes;
  private final AppointmentBook book;
  private final PatientConditions conditions;
  private final ProcedureCatalogue catalogue;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  VisitNotes(
      NoteRepository notes,
      AppointmentBook book,
      PatientConditions conditions,
      ProcedureCatalogue catalogue,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.notes = notes;
    this.book = book;
    this.conditions = conditions;
    this.catalogue = catalogue;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  private ZoneId zone() {
    return practice.timeZone();
  }

  /** Everything written for a visit. */
  public record NoteView(
      Visit visit,
      VisitNote note,
      List<LinkedDiagnosis> diagnoses,
      List<PlanItem> plan,
      List<Addendum> addenda) {

    public boolean addresses(long diagnosisId) {
      return diagnoses.stream().anyMatch(d -> d.diagnosisId() == diagnosisId);
    }
  }

  /** The visit's note (blank if nothing was written yet), audited as a read. */
  public NoteView open(long visitId) {
    Visit visit = book.require(visitId);
    VisitNote note = notes.find(visitId).orElse(VisitNote.blank(visitId));
    audit.recordAccess(AuditActions.READ, NOTE, Long.toString(visitId), Outcome.SUCCESS);
    return new NoteView(
        visit, note, notes.diagnoses(visitId), notes.items(visitId), notes.addenda(visitId));
  }

  /** Saves the draft; refused once the note is signed. */
  @Transactional
  public void save(long visitId, long actor, NoteDraft draft) {
    Visit visit = writable(visitId, actor);
    List<LinkedDiagnosis> linked = check(visit, draft);
    notes.ensure(visitId, actor, clock.instant());
    try {
      if (!notes.update(visitId, draft, actor, clock.instant())) {
        throw signedNote(visitId);
      }
      notes.replaceDiagnoses(visitId, linked);
    } catch (DataAccessException lockedMeanwhile) {
      throw signedNote(visitId);
    }
    audit.recordAccess(AuditActions.UPDATE, NOTE, Long.toString(visitId), Outcome.SUCCESS);
    log.info("Note of visit {} saved", visitId);
  }

  /**
   * Saves the draft and signs it: the note is locked from now on and the visit counts as seen. A
   * note is signed with an assessment; a plan with a procedure needs the patient's goals first.
   */
  @Transactional
  public void sign(long visitId, long actor, NoteDraft draft) {
    save(visitId, actor, draft);
    Visit visit = book.require(visitId);
    if (draft.assessment().isBlank()) {
      throw new RuleViolation(
          "assessment-missing", "Write the assessment before signing the note.");
    }
    List<PlanItem> plan = notes.items(visitId);
    boolean procedurePlanned = plan.stream().anyMatch(i -> i.kind() == PlanItemKind.PROCEDURE);
    boolean goalsRecorded =
        !draft.functionalGoals().isBlank() && draft.expectedReliefPercent() != null;
    if (procedurePlanned && !goalsRecorded) {
      throw new RuleViolation(
          "goals-before-treatment",
          "Record the patient's functional goals and the relief they expect (in %) before"
              + " planning a procedure; they are what the outcome is measured against.");
    }
    book.markSeen(visitId);
    if (!notes.sign(visitId, actor, clock.instant())) {
      throw signedNote(visitId);
    }
    audit.recordAccess(
        AuditActions.UPDATE, NOTE, Long.toString(visitId), Outcome.SUCCESS, "signed");
    events.publishEvent(new VisitNoteSigned(visitId, visit.patientId(), visit.clinicianId()));
    for (PlanItem item : plan) {
      events.publishEvent(
          new TreatmentPlanned(
              item.id(), visitId, visit.patientId(), item.kind(), item.procedureCode()));
      if (item.kind() == PlanItemKind.CASE_CONFERENCE) {
        events.publishEvent(new CaseConferenceRequested(visitId, visit.patientId(), item.id()));
      }
    }
    log.info("Note of visit {} signed with {} plan items", visitId, plan.size());
  }

  /** Adds an item to the draft plan; its owner is the visit's clinician. */
  @Transactional
  public PlanItem addPlanItem(
      long visitId, long actor, PlanItemKind kind, String procedureCode, String detail) {
    Visit visit = writable(visitId, actor);
    if (kind == null) {
      throw new RuleViolation(
          "plan-kind-missing",
          "Choose what the plan item is: procedure, physical therapy, medication change,"
              + " psychology, referral to a surgeon or case conference.");
    }
    String text = detail == null ? "" : detail.strip();
    if (text.length() > DETAIL_LIMIT) {
      throw new RuleViolation(
          "plan-detail-too-long", "A plan item's detail has at most 1000 characters.");
    }
    String code = null;
    if (kind == PlanItemKind.PROCEDURE) {
      code = catalogue.require(procedureCode).code();
    } else if (text.isEmpty()) {
      throw new RuleViolation(
          "plan-detail-missing",
          switch (kind) {
            case CASE_CONFERENCE -> "Write the question the case conference should answer.";
            case SURGICAL_REFERRAL -> "Write what the surgeon is asked to assess.";
            case MEDICATION_CHANGE -> "Write the medication change (drug, dose, how).";
            default -> "Write what the " + kind.label().toLowerCase() + " should address.";
          });
    }
    notes.ensure(visitId, actor, clock.instant());
    long id;
    try {
      id =
          notes.insertItem(
              visitId,
              visit.patientId(),
              kind,
              code,
              text,
              visit.clinicianId(),
              actor,
              clock.instant());
    } catch (DataAccessException lockedMeanwhile) {
      throw signedNote(visitId);
    }
    audit.recordAccess(AuditActions.CREATE, PLAN, Long.toString(id), Outcome.SUCCESS);
    return notes.items(visitId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
  }

  /** Takes an item off the draft plan. */
  @Transactional
  public void removePlanItem(long visitId, long itemId, long actor) {
    writable(visitId, actor);
    boolean removed;
    try {
      removed = notes.deleteItem(visitId, itemId);
    } catch (DataAccessException lockedMeanwhile) {
      throw signedNote(visitId);
    }
    if (!removed) {
      throw new NotFound("Visit V-" + visitId + " has no plan item " + itemId + ".");
    }
    audit.recordAccess(AuditActions.DELETE, PLAN, Long.toString(itemId), Outcome.SUCCESS);
  }

  /** Moves an item of a signed plan on (ordered, done, declined, cancelled). */
  @Transactional
  public void changeItemStatus(long visitId, long itemId, long actor, PlanItemStatus to) {
    book.require(visitId);
    VisitNote note = notes.find(visitId).orElse(VisitNote.blank(visitId));
    PlanItem item =
        notes.items(visitId).stream()
            .filter(i -> i.id() == itemId)
            .findFirst()
            .orElseThrow(
                () -> new NotFound("Visit V-" + visitId + " has no plan item " + itemId + "."));
    if (!note.signed()) {
      throw new RuleViolation(
          "plan-not-signed",
          "The plan is a draft until the note is signed; change the item in the note instead.");
    }
    if (to == null || !item.status().next().contains(to)) {
      throw new RuleViolation(
          "plan-status",
          "The "
              + item.kind().label().toLowerCase()
              + " item is "
              + item.status().label().toLowerCase()
              + "; it cannot become "
              + (to == null ? "that" : to.label().toLowerCase())
              + ".");
    }
    if (!notes.changeItemStatus(itemId, item.status(), to, actor, clock.instant())) {
      throw new RuleViolation(
          "plan-changed-meanwhile", "Someone changed this item meanwhile; look at it again.");
    }
    audit.recordAccess(
        AuditActions.UPDATE, PLAN, Long.toString(itemId), Outcome.SUCCESS, to.name());
  }

  /** Adds a later word to a signed note. */
  @Transactional
  public Addendum addAddendum(long visitId, long actor, String text) {
    book.require(visitId);
    VisitNote note = notes.find(visitId).orElse(VisitNote.blank(visitId));
    if (!note.signed()) {
      throw new RuleViolation(
          "addendum-before-signing",
          "The note is not signed yet; change the note itself instead of adding an addendum.");
    }
    String clean = text == null ? "" : text.strip().replace("\r\n", "\n");
    if (clean.isEmpty()) {
      throw new RuleViolation("addendum-empty", "Write the addendum before saving it.");
    }
    if (clean.length() > ADDENDUM_LIMIT) {
      throw new RuleViolation("addendum-too-long", "An addendum has at most 4000 characters.");
    }
    long id = notes.insertAddendum(visitId, actor, clean, clock.instant());
    audit.recordAccess(
        AuditActions.CREATE, NOTE, Long.toString(visitId), Outcome.SUCCESS, "addendum " + id);
    return notes.addenda(visitId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }

  /** The visit, if {@code actor} may write its note now; refused otherwise. */
  private Visit writable(long visitId, long actor) {
    Visit visit = book.require(visitId);
    if (visit.clinicianId() != actor) {
      audit.recordAccess(
          AuditActions.UPDATE, NOTE, Long.toString(visitId), Outcome.FAILURE, "not the author");
      throw new AccessDeniedException("Only the visit's own clinician writes and signs its note.");
    }
    VisitNote current = notes.find(visitId).orElse(VisitNote.blank(visitId));
    if (current.signed()) {
      throw signedNote(visitId, current.signedAt());
    }
    if (visit.status() == VisitStatus.CANCELLED || visit.status() == VisitStatus.NO_SHOW) {
      throw new RuleViolation(
          "visit-not-held",
          "Visit V-"
              + visitId
              + " is "
              + visit.status().label().toLowerCase()
              + "; there is no note to write.");
    }
    return visit;
  }

  private List<LinkedDiagnosis> check(Visit visit, NoteDraft d) {
    limit(d.presentIllness(), PART_LIMIT, "history of present illness");
    limit(d.examFindings(), PART_LIMIT, "exam findings");
    limit(d.imagingReviewed(), PART_LIMIT, "imaging reviewed");
    limit(d.assessment(), PART_LIMIT, "assessment");
    limit(d.freeText(), PART_LIMIT, "free text");
    limit(d.functionalGoals(), GOALS_LIMIT, "functional goals");
    Integer relief = d.expectedReliefPercent();
    if (relief != null && (relief < 0 || relief > 100)) {
      throw new RuleViolation(
          "expected-relief-range", "The expected relief is a percentage from 0 to 100.");
    }
    if (d.diagnosisIds().isEmpty()) {
      return List.of();
    }
    Map<Long, Condition> known =
        conditions.of(visit.patientId()).stream()
            .collect(Collectors.toMap(Condition::id, Function.identity()));
    List<LinkedDiagnosis> linked = new ArrayList<>();
    for (Long id : d.diagnosisIds().stream().distinct().toList()) {
      Condition c = known.get(id);
      if (c == null) {
        throw new RuleViolation(
            "unknown-diagnosis",
            "Choose the diagnoses from the patient's problem list; add a new one there first.");
      }
      linked.add(new LinkedDiagnosis(c.id(), c.code()));
    }
    return linked;
  }

  private static void limit(String text, int limit, String part) {
    if (text.length() > limit) {
      throw new RuleViolation(
          "note-part-too-long", "The " + part + " has at most " + limit + " characters.");
    }
  }

  private RuleViolation signedNote(long visitId) {
    return signedNote(visitId, null);
  }

  private RuleViolation signedNote(long visitId, Instant signedAt) {
    return new RuleViolation(
        "note-signed",
        "The note of visit V-"
            + visitId
            + " was signed"
            + (signedAt == null ? "" : " on " + SIGNED_AT.format(signedAt.atZone(zone())))
            + " and cannot change. Write an addendum instead.");
  }
}
