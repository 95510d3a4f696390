package org.relief.procedures;

import java.time.LocalDate;
import java.util.List;

/**
 * A procedure as it was performed for a patient.
 *
 * @param procedureType the catalogue code, e.g. {@code lumbar-rfa}
 * @param levels the levels treated, as the catalogue names them (empty when not level-based)
 * @param preProcedureNrs pain on the 0–10 numeric rating scale just before, if recorded
 * @param postProcedureNrs pain on the 0–10 numeric rating scale before discharge, if recorded
 */
public record PerformedProcedure(
    long id,
    long patientId,
    String procedureType,
    LocalDate performedOn,
    long operatorUserId,
    List<String> levels,
    Laterality laterality,
    Integer preProcedureNrs,
    Integer postProcedureNrs,
    boolean synthetic) {

  public PerformedProcedure {
    levels = List.copyOf(levels);
  }
}
