package org.relief.followups.diary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.BlockDiary;
import org.relief.followups.MessageChannel;
import org.relief.followups.MessageChannel.OutboundMessage;
import org.relief.followups.diary.DiaryRepository.StoredDiary;
import org.relief.followups.schedule.FollowUpSettings;
import org.relief.followups.schedule.Messages;
import org.relief.followups.schedule.PatientToken;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedurePerformed;
import org.relief.procedures.ProcedureType;
import org.relief.procedures.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a relief diary after each diagnostic block (catalogue purpose diagnostic, plan {@code
 * diagnostic-block-pain-diary}; stimulator trials are diagnostic too but last days, not hours) and
 * sends the patient its link, which works for two days. Entries come from the patient's link or
 * from staff copying a paper diary; a later entry for the same mark replaces the earlier one.
 */
@Service
class DiaryKeeper {

  static final String DIARY_PLAN = "diagnostic-block-pain-diary";
  static final Duration LINK_LIFETIME = Duration.ofDays(2);
  private static final Logger log = LoggerFactory.getLogger(DiaryKeeper.class);

  private final DiaryRepository diaries;
  private final PerformedProcedures procedures;
  private final ProcedureCatalogue catalogue;
  private final MessageChannel channel;
  private final FollowUpSettings settings;
  private final AuditTrail audit;
  private final Clock clock;

  DiaryKeeper(
      DiaryRepository diaries,
      PerformedProcedures procedures,
      ProcedureCatalogue catalogue,
      MessageChannel channel,
      FollowUpSettings settings,
      AuditTrail audit,
      Clock clock) {
    this.diaries = diaries;
    this.procedures = procedures;
    this.catalogue = catalogue;
    this.channel = channel;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ProcedurePerformed performed) {
    open(performed);
  }

  /** Opens the diary of a diagnostic block once; returns whether it was opened now. */
  @Transactional
  boolean open(ProcedurePerformed performed) {
    Optional<PerformedProcedure> found = procedures.find(performed.procedureId());
    if (found.isEmpty()) {
      return false;
    }
    PerformedProcedure p = found.get();
    ProcedureType type = catalogue.require(p.procedureType());
    if (type.purpose() != Purpose.DIAGNOSTIC || !type.followUpPlan().equals(DIARY_PLAN)) {
      return false;
    }
    String token = PatientToken.generate();
    Instant now = clock.instant();
    Optional<Long> id =
        diaries.insertOnce(
            p.id(),
            p.patientId(),
            p.procedureType(),
            p.levels(),
            p.laterality().code(),
            p.performedOn(),
            PatientToken.digest(token),
            now.plus(LINK_LIFETIME),
            now);
    if (id.isEmpty()) {
      return false;
    }
    channel.send(
        new OutboundMessage(p.patientId(), "diary", Messages.diary(settings.linkBaseUrl(), token)));
    audit.recordAccess(AuditActions.CREATE, "BlockDiary", Long.toString(id.get()), Outcome.SUCCESS);
    log.info("Diary {} opened for procedure {}", id.get(), p.id());
    return true;
  }

  /** The diary behind a patient's link, while it works (audited either way). */
  Optional<StoredDiary> byLink(String token) {
    Optional<StoredDiary> found =
        diaries
            .byDigest(PatientToken.digest(token))
            .filter(d -> d.linkExpiresAt() != null && clock.instant().isBefore(d.linkExpiresAt()));
    audit.recordAccess(
        AuditActions.READ,
        "BlockDiaryLink",
        found.map(d -> Long.toString(d.id())).orElse("unknown"),
        found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return found;
  }

  StoredDiary forProcedure(long procedureId) {
    return diaries
        .forProcedure(procedureId)
        .orElseThrow(() -> new NotFound("Procedure " + procedureId + " has no relief diary."));
  }

  /**
   * Records % relief per mark (minutes → text as typed; blank leaves a mark as it is). Every value
   * is checked before any is saved, so a bad one loses nothing.
   */
  @Transactional
  void record(StoredDiary diary, Map<Integer, String> typed, String source) {
    Map<Integer, Integer> values = new java.util.TreeMap<>();
    for (var e : typed.entrySet()) {
      if (!BlockDiary.MARKS.contains(e.getKey())) {
        throw new RuleViolation("unknown-mark", "The diary has no mark at " + e.getKey() + " min.");
      }
      String text = e.getValue() == null ? "" : e.getValue().strip().replace("%", "");
      if (text.isEmpty()) {
        continue;
      }
      int percent;
      try {
        percent = Integer.parseInt(text);
      } catch (NumberFormatException ex) {
        throw new RuleViolation(
            "relief-not-a-number",
            "Relief is a whole number from 0 to 100; \"" + text + "\" is not.");
      }
      if (percent < 0 || percent > 100) {
        throw new RuleViolation(
            "relief-out-of-range", "Relief is 0 to 100 %; " + percent + " was given.");
      }
      values.put(e.getKey(), percent);
    }
    String by =
        source.equals("patient")
            ? "patient link"
            : org.relief.audit.AuditTrail.actorOf(
                SecurityContextHolder.getContext().getAuthentication());
    Instant now = clock.instant();
    values.forEach(
        (minutes, percent) -> diaries.record(diary.id(), minutes, percent, source, by, now));
    audit.recordAccess(
        AuditActions.UPDATE,
        "BlockDiary",
        Long.toString(diary.id()),
        Outcome.SUCCESS,
        source + ": " + values.size() + " marks");
  }

  @Transactional
  void recordAnaesthetic(StoredDiary diary, String anaesthetic) {
    if (anaesthetic == null || anaesthetic.isBlank()) {
      return;
    }
    if (!settings.anaesthetics().containsKey(anaesthetic)) {
      throw new RuleViolation(
          "unknown-anaesthetic",
          "Choose one of the anaesthetics set up for the practice: "
              + String.join(", ", settings.anaesthetics().keySet()));
    }
    diaries.recordAnaesthetic(diary.id(), anaesthetic);
    audit.recordAccess(
        AuditActions.UPDATE,
        "BlockDiary",
        Long.toString(diary.id()),
        Outcome.SUCCESS,
        "anaesthetic");
  }
}
