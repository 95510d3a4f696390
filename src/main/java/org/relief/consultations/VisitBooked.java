package org.relief.consultations;

/** A visit was booked for a patient with a clinician. */
public record VisitBooked(long visitId, long patientId, long clinicianId) {}
