package org.relief.followups;

import java.time.Clock;
import java.util.List;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.followups.schedule.EscalationRepository;
import org.relief.platform.NotFound;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups nurses escalated to the physician who performed the procedure: the query the Today
 * page lists them by, and the physician's closing of one. Reads are audited as searches of
 * follow-up data by physician.
 */
@Service
public class Escalations {

  static final String AUDIT_TYPE = "FollowUpEscalation";

  private final EscalationRepository escalations;
  private final AuditTrail audit;
  private final Clock clock;

  Escalations(EscalationRepository escalations, AuditTrail audit, Clock clock) {
    this.escalations = escalations;
    this.audit = audit;
    this.clock = clock;
  }

  /** The open escalations for this physician (the operator of the procedures), oldest first. */
  public List<Escalation> openFor(long physicianUserId) {
    List<Escalation> open = escalations.openFor(physicianUserId);
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "physician:" + physicianUserId,
        Outcome.SUCCESS,
        "found " + open.size());
    return open;
  }

  /**
   * Closes an escalation; only the physician it is for may, anyone else is told it is not there.
   */
  @Transactional
  public void close(long escalationId, long physicianUserId) {
    Escalation e =
        escalations
            .findOpen(escalationId)
            .filter(found -> found.physicianUserId() == physicianUserId)
            .orElse(null);
    if (e == null) {
      audit.recordAccess(
          AuditActions.UPDATE, AUDIT_TYPE, Long.toString(escalationId), Outcome.FAILURE);
      throw new NotFound("There is no open escalation " + escalationId + " for you.");
    }
    String by = AuditTrail.actorOf(SecurityContextHolder.getContext().getAuthentication());
    escalations.close(escalationId, by, clock.instant());
    audit.recordAccess(
        AuditActions.UPDATE, AUDIT_TYPE, Long.toString(escalationId), Outcome.SUCCESS, "closed");
  }
}
