package org.relief.consultations;

import java.util.List;

/**
 * The relief each of a patient's procedures brought, as its follow-ups measured it. Consultations
 * asks; the module that keeps the follow-up answers ({@code outcomes}) answers by implementing this
 * interface, so that consultations, and the pre-visit summary that reads consultations, need not
 * depend on it (docs/decisions/0062). Implementations audit their reads.
 */
public interface AchievedRelief {

  /** The patient's performed procedures with their follow-ups, newest first. */
  List<TreatmentResult> of(long patientId);
}
