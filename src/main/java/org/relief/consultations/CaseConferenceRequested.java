package org.relief.consultations;

/**
 * A signed visit note asks for the patient to be discussed at a spine-surgeon case conference. The
 * question to answer is the plan item's detail, read through {@link TreatmentPlans#item(long)}.
 */
public record CaseConferenceRequested(long visitId, long patientId, long planItemId) {}
