package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.FollowUpAnswered;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.PlanPoint.Kind;
import org.relief.followups.schedule.FollowUp.Status;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedureType;
import org.relief.procedures.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evening work-list: follow-ups due and overdue, ranked red flags first, then missed answers,
 * then routine; and the nurse's record of each call.
 *
 * <p>A call that reaches the patient (or is escalated) takes the follow-up off the list and, for a
 * phone-call time point, counts as its answer ({@link FollowUpAnswered} with no responses). An
 * escalation goes to the physician who performed the procedure.
 */
@Service
public class WorkList {

  static final String DIARY_PLAN = "diagnostic-block-pain-diary";
  private static final Logger log = LoggerFactory.getLogger(WorkList.class);

  private final FollowUpRepository followUps;
  private final EscalationRepository escalations;
  private final FollowUpRounds rounds;
  private final FollowUpSettings settings;
  private final PatientRegistry patients;
  private final UserAccounts users;
  private final ProcedureCatalogue catalogue;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  WorkList(
      FollowUpRepository followUps,
      EscalationRepository escalations,
      FollowUpRounds rounds,
      FollowUpSettings settings,
      PatientRegistry patients,
      UserAccounts users,
      ProcedureCatalogue catalogue,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.followUps = followUps;
    this.escalations = escalations;
    this.rounds = rounds;
    this.settings = settings;
    this.patients = patients;
    this.users = users;
    this.catalogue = catalogue;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** Why a follow-up is on the list, in the order the list is worked. */
  public enum Rank {
    RED_FLAG("Red flag"),
    MISSED("Missed"),
    ROUTINE("Due");

    private final String label;

    Rank(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One line of the list, with what the nurse needs to call. */
  public record Item(
      FollowUp followUp,
      Rank rank,
      boolean overdue,
      String patientName,
      String patientPhone,
      String procedureName,
      String physicianName,
      boolean diary) {}

  /** Runs the rounds, then lists what is to be called today (audited, one read per patient). */
  @Transactional
  public List<Item> load() {
    rounds.run();
    LocalDate today = today();
    List<FollowUp> listed =
        followUps.workList(today, settings.missedCallAttempts(), settings.missedListDays());
    audit.recordAccess(
        AuditActions.SEARCH,
        FollowUpScheduler.AUDIT_TYPE,
        "work-list",
        Outcome.SUCCESS,
        "found " + listed.size());
    Map<Long, Patient> seen = new HashMap<>();
    Map<Long, String> physicians = new HashMap<>();
    List<Item> items = new ArrayList<>();
    for (FollowUp f : listed) {
      Patient p = seen.computeIfAbsent(f.patientId(), patients::open);
      items.add(
          new Item(
              f,
              rank(f),
              f.dueOn().isBefore(today),
              p.displayName(),
              p.phone(),
              catalogue.find(f.procedureType()).map(ProcedureType::name).orElse(f.procedureType()),
              physicians.computeIfAbsent(f.physicianUserId(), this::physicianName),
              hasDiary(f)));
    }
    return items;
  }

  /** One follow-up as a line of the list (after a call is documented). */
  @Transactional(readOnly = true)
  public Item item(long followUpId) {
    FollowUp f = require(followUpId);
    Patient p = patients.open(f.patientId());
    return new Item(
        f,
        rank(f),
        f.dueOn().isBefore(today()),
        p.displayName(),
        p.phone(),
        catalogue.find(f.procedureType()).map(ProcedureType::name).orElse(f.procedureType()),
        physicianName(f.physicianUserId()),
        hasDiary(f));
  }

  /**
   * Records a call. Red flags ticked on the call script are kept with the follow-up; a call with no
   * answer cannot report any.
   */
  @Transactional
  public void documentCall(long followUpId, CallOutcome outcome, Collection<RedFlag> flags) {
    FollowUp f = require(followUpId);
    Set<RedFlag> reported = new LinkedHashSet<>(flags);
    if (outcome == CallOutcome.NO_ANSWER && !reported.isEmpty()) {
      throw new RuleViolation(
          "no-answer-with-red-flags",
          "A call with no answer cannot report red flags; record it as reached or escalated.");
    }
    var now = clock.instant();
    String by = AuditTrail.actorOf(SecurityContextHolder.getContext().getAuthentication());
    followUps.insertCall(f.id(), outcome.code(), reported, by, now);
    if (outcome == CallOutcome.NO_ANSWER) {
      followUps.countAttempt(f.id());
    } else {
      followUps.addRedFlags(f.id(), reported, now);
      if (f.kind() == Kind.CALL && f.open() && followUps.markCalled(f.id(), today())) {
        events.publishEvent(
            new FollowUpAnswered(
                f.id(), f.procedureId(), f.patientId(), f.timepoint(), today(), List.of()));
      }
      followUps.markHandled(f.id(), now);
      if (outcome == CallOutcome.ESCALATED) {
        Set<RedFlag> all = new LinkedHashSet<>(f.redFlags());
        all.addAll(reported);
        long id =
            escalations.insert(f, RedFlag.of(all.stream().map(RedFlag::code).toList()), by, now);
        audit.recordAccess(
            AuditActions.CREATE, "FollowUpEscalation", Long.toString(id), Outcome.SUCCESS);
        log.info("Follow-up {} escalated to physician {}", f.id(), f.physicianUserId());
      }
    }
    audit.recordAccess(
        AuditActions.UPDATE,
        FollowUpScheduler.AUDIT_TYPE,
        Long.toString(f.id()),
        Outcome.SUCCESS,
        "call " + outcome.code());
  }

  private FollowUp require(long id) {
    return followUps.find(id).orElseThrow(() -> new NotFound("There is no follow-up " + id + "."));
  }

  private Rank rank(FollowUp f) {
    if (!f.redFlags().isEmpty()
        && (f.handledAt() == null || f.handledAt().isBefore(f.redFlagsAt()))) {
      return Rank.RED_FLAG;
    }
    return f.status() == Status.MISSED ? Rank.MISSED : Rank.ROUTINE;
  }

  /** Diagnostic blocks keep a relief diary (decision 0052). */
  private boolean hasDiary(FollowUp f) {
    return catalogue
        .find(f.procedureType())
        .map(t -> t.purpose() == Purpose.DIAGNOSTIC && t.followUpPlan().equals(DIARY_PLAN))
        .orElse(false);
  }

  private String physicianName(long id) {
    try {
      return users.get(id).displayName();
    } catch (NotFound e) {
      return "user " + id;
    }
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
