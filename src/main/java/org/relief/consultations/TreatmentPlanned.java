package org.relief.consultations;

/**
 * A treatment-plan item was agreed in a signed visit note.
 *
 * @param procedureCode the procedure catalogue code for a procedure, else null
 */
public record TreatmentPlanned(
    long planItemId, long visitId, long patientId, PlanItemKind kind, String procedureCode) {}
