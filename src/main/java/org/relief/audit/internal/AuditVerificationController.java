package org.relief.audit.internal;

import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.audit.internal.AuditLedger.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditVerificationController {

  private final AuditLedger ledger;
  private final AuditTrail trail;

  AuditVerificationController(AuditLedger ledger, AuditTrail trail) {
    this.ledger = ledger;
    this.trail = trail;
  }

  @GetMapping("/api/v1/audit/verify")
  ChainVerification verify() {
    ChainVerification result = ledger.verify();
    trail.recordAccess(AuditActions.AUDIT_VERIFY, "AuditTrail", null, Outcome.SUCCESS);
    return result;
  }
}
