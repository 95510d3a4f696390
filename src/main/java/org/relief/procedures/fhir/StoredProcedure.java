package org.relief.procedures.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.relief.procedures.Imaging;
import org.relief.procedures.Laterality;

/** A procedure as the FHIR API serves it: one performed here, or one recorded elsewhere. */
sealed interface StoredProcedure {

  long id();

  long patientId();

  Instant lastUpdated();

  /** A completed procedure of this practice (a locked note or an entered record). */
  record Performed(
      long id,
      long patientId,
      String procedureType,
      LocalDate performedOn,
      long operatorUserId,
      List<String> levels,
      Laterality laterality,
      Imaging imaging,
      String approach,
      Integer musclesInjected,
      Integer leadCount,
      boolean generatorImplanted,
      Instant lastUpdated)
      implements StoredProcedure {

    public Performed {
      levels = List.copyOf(levels);
    }
  }

  /** A procedure done elsewhere, as the sending system coded it. */
  record Elsewhere(
      long id,
      long patientId,
      String codeSystem,
      String code,
      String display,
      String status,
      Instant performedStart,
      Instant performedEnd,
      Instant lastUpdated)
      implements StoredProcedure {}
}
