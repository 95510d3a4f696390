package org.relief.procedures;

import java.time.Instant;
import java.util.List;

/**
 * A procedure booked for a patient in a session of a procedure room.
 *
 * @param procedureType the catalogue code, e.g. {@code lumbar-tfesi}
 * @param levels as the catalogue names them; empty when not level-based
 * @param sedation whether sedation is planned (the checklist then asks for a driver and fasting)
 * @param steroid whether a steroid is planned (the checklist then asks diabetics for a glucose
 *     plan)
 * @param highBleedingRisk whether the anticoagulation plan raises the risk class one step
 *     (clinical-rules.md §1a modifiers)
 * @param procedureId the performed-procedure record once completed; {@code null} before
 */
public record BookedProcedure(
    long id,
    long patientId,
    long sessionId,
    long roomId,
    long physicianId,
    String procedureType,
    List<String> levels,
    Laterality laterality,
    boolean sedation,
    boolean steroid,
    boolean highBleedingRisk,
    Instant startsAt,
    Instant endsAt,
    BookingStatus status,
    Long procedureId,
    boolean synthetic) {

  public BookedProcedure {
    levels = List.copyOf(levels);
  }
}
