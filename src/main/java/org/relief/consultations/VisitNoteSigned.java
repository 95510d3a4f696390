package org.relief.consultations;

/** A clinician signed the note of a visit; it is locked from now on. */
public record VisitNoteSigned(long visitId, long patientId, long clinicianId) {}
