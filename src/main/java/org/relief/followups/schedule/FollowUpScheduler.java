package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.QuestionnaireSubmitted;
import org.relief.assessments.RecordedScore;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.FollowUpAnswered;
import org.relief.followups.FollowUpScheduled;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.FollowUpPlan;
import org.relief.followups.plans.FollowUpPlans;
import org.relief.followups.plans.PlanPoint;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.Levels;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.procedures.ProcedurePerformed;
import org.relief.procedures.ProcedureType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a procedure's follow-ups from the plan in force on its date when it is performed, and marks
 * a follow-up answered when the patient submits its questionnaire.
 *
 * <p>Both listeners are idempotent: a follow-up is unique per procedure and time point (the insert
 * does nothing the second time, and only a row actually inserted is announced), and an answer only
 * moves an open follow-up.
 */
@Service
public class FollowUpScheduler {

  static final String AUDIT_TYPE = "FollowUp";
  private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);

  private final FollowUpRepository followUps;
  private final FollowUpPlans plans;
  private final PerformedProcedures procedures;
  private final ProcedureCatalogue catalogue;
  private final PatientQuestionnaires questionnaires;
  private final FollowUpSettings settings;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  FollowUpScheduler(
      FollowUpRepository followUps,
      FollowUpPlans plans,
      PerformedProcedures procedures,
      ProcedureCatalogue catalogue,
      PatientQuestionnaires questionnaires,
      FollowUpSettings settings,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.followUps = followUps;
    this.plans = plans;
    this.procedures = procedures;
    this.catalogue = catalogue;
    this.questionnaires = questionnaires;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  @ApplicationModuleListener
  void on(ProcedurePerformed performed) {
    if (settings.scheduleOnProcedure()) {
      schedule(performed);
    }
  }

  /** Makes the follow-ups of a performed procedure; returns those made now (none the 2nd time). */
  @Transactional
  public List<FollowUpScheduled> schedule(ProcedurePerformed performed) {
    Optional<PerformedProcedure> found = procedures.find(performed.procedureId());
    if (found.isEmpty()) {
      log.warn("Procedure {} performed but not found; no follow-ups", performed.procedureId());
      return List.of();
    }
    PerformedProcedure procedure = found.get();
    ProcedureType type = catalogue.require(procedure.procedureType());
    Optional<FollowUpPlan> plan = plans.inForce(type.followUpPlan(), procedure.performedOn());
    if (plan.isEmpty()) {
      log.warn(
          "No follow-up plan {} in force for procedure {}", type.followUpPlan(), procedure.id());
      return List.of();
    }
    List<FollowUpScheduled> made = new ArrayList<>();
    for (PlanPoint point : plan.get().points()) {
      LocalDate due = procedure.performedOn().plus(point.period());
      List<String> instruments = instrumentsFor(point, type.levels());
      if (point.kind() == PlanPoint.Kind.QUESTIONNAIRE && instruments.isEmpty()) {
        continue;
      }
      followUps
          .insertOnce(
              procedure.id(),
              procedure.patientId(),
              procedure.operatorUserId(),
              procedure.procedureType(),
              plan.get().id(),
              point.timepoint(),
              point.kind(),
              instruments,
              due,
              point.windowDays(),
              clock.instant())
          .ifPresent(
              id -> {
                audit.recordAccess(
                    AuditActions.CREATE, AUDIT_TYPE, Long.toString(id), Outcome.SUCCESS);
                FollowUpScheduled event =
                    new FollowUpScheduled(
                        id, procedure.id(), procedure.patientId(), point.timepoint(), due);
                events.publishEvent(event);
                made.add(event);
              });
    }
    log.info("Procedure {}: {} follow-ups scheduled", procedure.id(), made.size());
    return made;
  }

  /**
   * {@code disability} becomes NDI after a cervical procedure, ODI after another spinal one, and is
   * left out after a procedure not done at spinal levels (decision 0050).
   */
  static List<String> instrumentsFor(PlanPoint point, Levels levels) {
    List<String> resolved = new ArrayList<>();
    for (String code : point.instruments()) {
      if (!code.equals(PlanPoint.DISABILITY)) {
        resolved.add(code);
      } else if (levels.region().equals("cervical")) {
        resolved.add("ndi");
      } else if (!levels.region().equals(Levels.NOT_LEVEL_BASED)) {
        resolved.add("odi");
      }
    }
    return resolved.stream().distinct().toList();
  }

  @ApplicationModuleListener
  void on(QuestionnaireSubmitted submitted) {
    answer(submitted);
  }

  /** Marks the follow-up of this questionnaire answered, and flags a much worse PGIC. */
  @Transactional
  public void answer(QuestionnaireSubmitted submitted) {
    List<FollowUp> matching = followUps.byQuestionnaire(submitted.questionnaireId());
    if (matching.isEmpty()) {
      return;
    }
    LocalDate today = practice.today(clock);
    for (FollowUp f : matching) {
      if (!followUps.markAnswered(f.id(), submitted.responseIds(), today)) {
        log.info(
            "Follow-up {} was {}; a late answer is kept by assessments only", f.id(), f.status());
        continue;
      }
      audit.recordAccess(AuditActions.UPDATE, AUDIT_TYPE, Long.toString(f.id()), Outcome.SUCCESS);
      if (muchWorse(submitted.responseIds())) {
        followUps.addRedFlags(f.id(), List.of(RedFlag.SEVERE_WORSENING), clock.instant());
      }
      events.publishEvent(
          new FollowUpAnswered(
              f.id(),
              f.procedureId(),
              f.patientId(),
              f.timepoint(),
              today,
              submitted.responseIds()));
      log.info("Follow-up {} answered", f.id());
    }
  }

  /** A PGIC at or beyond the setting (clinical-rules.md §3.12: 6 "much worse", 7 "very much"). */
  private boolean muchWorse(List<Long> responseIds) {
    if (responseIds.isEmpty()) {
      return false;
    }
    return questionnaires.scores(responseIds).stream()
        .filter(s -> s.instrument().equals("pgic"))
        .map(RecordedScore::score)
        .anyMatch(score -> score != null && score >= settings.severeWorseningPgicFrom());
  }
}
