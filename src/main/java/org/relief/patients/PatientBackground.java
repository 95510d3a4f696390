package org.relief.patients;

import java.util.List;

/**
 * A patient's pain history and prior treatments in words, for modules that present them beside
 * their own records (the case conference packet). Reading is audited as a read of the pain history.
 * Diagnoses are read through {@link PatientConditions}.
 *
 * @param recorded whether a pain history was recorded at all
 * @param onset "March 2024", or "—"
 */
public record PatientBackground(
    long patientId,
    boolean recorded,
    String onset,
    String mechanism,
    String character,
    String worseWith,
    String betterWith,
    List<Treatment> priorTreatments) {

  public PatientBackground {
    priorTreatments = List.copyOf(priorTreatments);
  }

  /** A treatment tried for this pain, as the pain history records it. */
  public record Treatment(String type, String description, String period, String effect) {}

  /** Reads a patient's background. */
  public interface Query {

    /** The background of an existing patient; {@link PatientNotFound} otherwise. */
    PatientBackground of(long patientId);
  }
}
