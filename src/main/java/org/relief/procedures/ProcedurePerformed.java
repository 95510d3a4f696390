package org.relief.procedures;

import java.time.LocalDate;

/**
 * A procedure was completed for a patient. Carries IDs and the date only; listeners read what else
 * they need through {@link PerformedProcedures}.
 */
public record ProcedurePerformed(long procedureId, long patientId, LocalDate performedOn) {}
