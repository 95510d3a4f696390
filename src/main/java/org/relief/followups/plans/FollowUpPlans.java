package org.relief.followups.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.relief.assessments.Instruments;
import org.relief.assessments.UnknownInstrument;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RuleViolation;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's follow-up plans, one per plan name of the procedure catalogue, each versioned by
 * the date it takes effect. A schedule is made from the version in force on the procedure date and
 * keeps it; editing a plan adds a version and never changes a schedule already made.
 */
@Service
public class FollowUpPlans {

  static final String AUDIT_TYPE = "FollowUpPlan";

  private final PlanRepository plans;
  private final Instruments instruments;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  FollowUpPlans(
      PlanRepository plans,
      Instruments instruments,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.plans = plans;
    this.instruments = instruments;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  public List<String> names() {
    return plans.names();
  }

  /** Every version of a plan, the latest effective date first. */
  public List<FollowUpPlan> versions(String name) {
    List<FollowUpPlan> versions = plans.versions(name);
    if (versions.isEmpty()) {
      throw new NotFound("There is no follow-up plan called " + name);
    }
    return versions;
  }

  /** The version in force on a day (a procedure's date), if the plan has one by then. */
  public Optional<FollowUpPlan> inForce(String name, LocalDate on) {
    return plans.inForce(name, on);
  }

  public Optional<FollowUpPlan> find(long id) {
    return plans.find(id);
  }

  /**
   * Adds a version of a plan from the editor's text, in force from {@code effectiveFrom} (today or
   * later, so that what was in force on a past day stays as it was).
   */
  @Transactional
  public FollowUpPlan addVersion(String name, LocalDate effectiveFrom, String text) {
    versions(name);
    if (effectiveFrom == null) {
      throw new RuleViolation(
          "effective-date-missing", "Give the date the new version takes effect.");
    }
    LocalDate today = practice.today(clock);
    if (effectiveFrom.isBefore(today)) {
      throw new RuleViolation(
          "effective-date-past",
          "A new version takes effect today or later; %s has passed.".formatted(effectiveFrom));
    }
    if (plans.exists(name, effectiveFrom)) {
      throw new RuleViolation(
          "effective-date-taken",
          "A version of this plan already takes effect on %s; choose another date."
              .formatted(effectiveFrom));
    }
    List<PlanPoint> points = PlanText.parse(text, this::knownInstrument);
    String by = actor();
    long id = plans.insert(name, effectiveFrom, points, clock.instant(), by);
    audit.recordAccess(AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS, name);
    return plans.find(id).orElseThrow();
  }

  private boolean knownInstrument(String code) {
    try {
      instruments.definition(code);
      return true;
    } catch (UnknownInstrument e) {
      return false;
    }
  }

  private static String actor() {
    return AuditTrail.actorOf(SecurityContextHolder.getContext().getAuthentication());
  }
}
