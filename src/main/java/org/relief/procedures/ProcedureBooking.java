package org.relief.procedures;

import java.time.LocalTime;
import java.util.List;

/**
 * A request to book a procedure into a session.
 *
 * @param sessionId the session day (its room and physician)
 * @param procedureType the catalogue code
 * @param levels as the catalogue names them; empty when not level-based
 * @param steroid {@code null} takes the type's default (epidural steroid injections: yes)
 * @param physicianId {@code null} takes the session's physician; another physician is refused
 * @param startTime the start, in the practice's time zone, on the session's day
 * @param durationMinutes {@code null} takes the type's default duration
 */
public record ProcedureBooking(
    long patientId,
    long sessionId,
    String procedureType,
    List<String> levels,
    Laterality laterality,
    boolean sedation,
    Boolean steroid,
    boolean highBleedingRisk,
    Long physicianId,
    LocalTime startTime,
    Integer durationMinutes) {

  public ProcedureBooking {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }
}
