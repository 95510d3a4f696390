package org.relief.patients.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves patients' pain histories. Every read and save is audited as {@code PainHistory}
 * with the patient's ID; logs carry IDs only.
 */
@Service
public class PainHistories {

  static final String AUDIT_TYPE = "PainHistory";
  static final int MAX_TEXT = 200;
  static final int MAX_TREATMENTS = 20;
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final Logger log = LoggerFactory.getLogger(PainHistories.class);

  private final PainHistoryRepository histories;
  private final PatientRegistry registry;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  PainHistories(
      PainHistoryRepository histories,
      PatientRegistry registry,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.histories = histories;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** The patient's pain history, or empty when none was recorded yet (audited as a read). */
  public Optional<PainHistory> read(long patientId) {
    requirePatient(patientId, AuditActions.READ);
    Optional<PainHistory> history = histories.find(patientId);
    audit.recordAccess(AuditActions.READ, AUDIT_TYPE, id(patientId), Outcome.SUCCESS);
    return history;
  }

  /**
   * Saves the history if nobody else saved it since {@code version} was read ({@code null}: the
   * editor saw no history yet). Refuses details that break a rule, with a message that says which.
   */
  @Transactional
  public PainHistory save(long patientId, Integer version, PainHistoryDetails details) {
    PainHistoryDetails clean = validate(details);
    requirePatient(patientId, version == null ? AuditActions.CREATE : AuditActions.UPDATE);
    boolean saved =
        version == null
            ? histories.insert(patientId, clean, clock.instant())
            : histories.update(patientId, version, clean, clock.instant());
    if (!saved) {
      throw new PainHistoryChangedMeanwhile(patientId);
    }
    audit.recordAccess(
        version == null ? AuditActions.CREATE : AuditActions.UPDATE,
        AUDIT_TYPE,
        id(patientId),
        Outcome.SUCCESS);
    log.info("Pain history of patient {} saved", patientId);
    return histories.find(patientId).orElseThrow(() -> new PatientNotFound(patientId));
  }

  private void requirePatient(long patientId, String action) {
    if (!registry.exists(patientId)) {
      audit.recordAccess(action, AUDIT_TYPE, id(patientId), Outcome.FAILURE);
      throw new PatientNotFound(patientId);
    }
  }

  PainHistoryDetails validate(PainHistoryDetails d) {
    LocalDate today = practice.today(clock);
    Onset onset = d.onset();
    if (onset != null) {
      if (onset.date().isBefore(EARLIEST)) {
        throw new RuleViolation(
            "onset-too-early", "The onset " + onset.display() + " is before 1900.");
      }
      boolean future =
          switch (onset.precision()) {
            case DAY -> onset.date().isAfter(today);
            case MONTH -> YearMonth.from(onset.date()).isAfter(YearMonth.from(today));
            case YEAR -> onset.date().getYear() > today.getYear();
          };
      if (future) {
        throw new RuleViolation(
            "onset-in-future", "The onset " + onset.display() + " is in the future.");
      }
    }
    String note = text(d.mechanismNote(), "The note on how the pain began");
    if (d.mechanism() == OnsetMechanism.OTHER && note == null) {
      throw new RuleViolation(
          "missing-mechanism-note", "Describe how the pain began when you choose Other.");
    }
    List<PriorTreatment> treatments = d.treatments() == null ? List.of() : d.treatments();
    if (treatments.size() > MAX_TREATMENTS) {
      throw new RuleViolation(
          "too-many-treatments",
          "Record at most " + MAX_TREATMENTS + " prior treatments; combine similar ones.");
    }
    List<PriorTreatment> cleanTreatments = new ArrayList<>();
    for (int i = 0; i < treatments.size(); i++) {
      cleanTreatments.add(validate(treatments.get(i), i + 1, today));
    }
    return new PainHistoryDetails(
        onset,
        d.mechanism(),
        note,
        copy(d.characters(), PainCharacter.class),
        copy(d.aggravating(), AggravatingFactor.class),
        text(d.aggravatingOther(), "Other aggravating factors"),
        copy(d.relieving(), RelievingFactor.class),
        text(d.relievingOther(), "Other relieving factors"),
        List.copyOf(cleanTreatments));
  }

  private static PriorTreatment validate(PriorTreatment t, int row, LocalDate today) {
    String where = "Prior treatment " + row + ": ";
    if (t.type() == null) {
      throw new RuleViolation("missing-treatment-type", where + "choose the type of treatment.");
    }
    for (LocalDate date : new LocalDate[] {t.startedOn(), t.endedOn()}) {
      if (date != null && date.isAfter(today)) {
        throw new RuleViolation(
            "treatment-in-future", where + "the date " + date + " is in the future.");
      }
      if (date != null && date.isBefore(EARLIEST)) {
        throw new RuleViolation(
            "treatment-too-early", where + "the date " + date + " is before 1900.");
      }
    }
    if (t.startedOn() != null && t.endedOn() != null && t.endedOn().isBefore(t.startedOn())) {
      throw new RuleViolation(
          "treatment-ends-before-start",
          where + "it ends (" + t.endedOn() + ") before it starts (" + t.startedOn() + ").");
    }
    return new PriorTreatment(
        t.type(),
        text(t.description(), where + "the description"),
        t.startedOn(),
        t.endedOn(),
        t.effect());
  }

  private static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new RuleViolation(
          "text-too-long",
          what + " has " + v.length() + " characters; at most " + MAX_TEXT + " fit.");
    }
    return v;
  }

  private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
    return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
  }

  private static String id(long patientId) {
    return Long.toString(patientId);
  }
}
