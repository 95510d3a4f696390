package org.relief.consultations;

import java.time.Instant;

/**
 * One item of a visit's treatment plan.
 *
 * @param procedureCode the procedure catalogue code for a {@link PlanItemKind#PROCEDURE}, else null
 * @param detail what the clinician wrote about it (the question for a case conference, the drug
 *     change, the therapy)
 * @param ownerId the clinician who has to act on it
 */
public record PlanItem(
    long id,
    long visitId,
    long patientId,
    PlanItemKind kind,
    String procedureCode,
    String detail,
    long ownerId,
    PlanItemStatus status,
    Instant statusChangedAt) {}
