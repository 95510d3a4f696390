package org.relief.consultations;

import java.time.Instant;

/**
 * A booked visit: who sees whom, when, and why.
 *
 * @param noteSigned whether the clinician has signed the visit note
 */
public record Visit(
    long id,
    long patientId,
    long clinicianId,
    VisitKind kind,
    Instant startsAt,
    Instant endsAt,
    VisitStatus status,
    boolean noteSigned) {}
