package org.relief.conferences.internal;

import java.time.Clock;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.CaseConferenceRequested;
import org.relief.consultations.PlanItem;
import org.relief.consultations.TreatmentPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a case conference asked for in a signed consultation into a request awaiting a conference,
 * with the plan item's question (docs/decisions/0063). Idempotent: one request per plan item,
 * however often the event arrives.
 */
@Component
class RequestsFromConsultations {

  static final String AUDIT_TYPE = "ConferenceRequest";
  private static final Logger log = LoggerFactory.getLogger(RequestsFromConsultations.class);

  private final RequestRepository requests;
  private final TreatmentPlans plans;
  private final AuditTrail audit;
  private final Clock clock;

  RequestsFromConsultations(
      RequestRepository requests, TreatmentPlans plans, AuditTrail audit, Clock clock) {
    this.requests = requests;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(CaseConferenceRequested event) {
    if (requests.existsFor(event.planItemId())) {
      return;
    }
    Optional<PlanItem> found = plans.item(event.planItemId());
    if (found.isEmpty()) {
      log.warn(
          "Plan item {} of visit {} asked for a case conference but is not a signed plan item",
          event.planItemId(),
          event.visitId());
      return;
    }
    PlanItem item = found.get();
    String question = item.detail() == null ? "" : item.detail().strip();
    if (question.isEmpty()) {
      question = "No question was written in the plan of visit V-" + event.visitId() + ".";
    } else if (question.length() > 1000) {
      question = question.substring(0, 999) + "…";
    }
    requests
        .insert(
            event.planItemId(),
            event.visitId(),
            event.patientId(),
            question,
            item.ownerId(),
            clock.instant())
        .ifPresent(
            id -> {
              audit.recordAccess(
                  AuditActions.CREATE,
                  AUDIT_TYPE,
                  Long.toString(id),
                  Outcome.SUCCESS,
                  "patient " + event.patientId() + ", plan item " + event.planItemId());
              log.info(
                  "Case conference request {} for patient {} awaits a conference",
                  id,
                  event.patientId());
            });
  }
}
