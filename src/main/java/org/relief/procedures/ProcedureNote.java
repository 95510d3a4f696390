package org.relief.procedures;

import java.time.Instant;

/**
 * A procedure note: a draft while the procedure is done and written up, locked once completed.
 *
 * @param bookingId the booked procedure it records, or {@code null}
 */
public record ProcedureNote(
    long id,
    long patientId,
    String procedureType,
    Long bookingId,
    long operatorUserId,
    boolean completed,
    Instant completedAt,
    int version,
    NoteDetails details) {}
