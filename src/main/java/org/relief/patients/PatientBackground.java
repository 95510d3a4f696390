package org.relief.patients;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's pain history, prior treatments and diagnoses in words, for modules that present them
 * beside their own records (the case conference packet). Reading is audited by the owners of the
 * data as reads of the pain history and of the diagnoses.
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
    List<Treatment> priorTreatments,
    List<Condition> diagnoses) {

  public PatientBackground {
    priorTreatments = List.copyOf(priorTreatments);
    diagnoses = List.copyOf(diagnoses);
  }

  /** A treatment tried for this pain, as the pain history records it. */
  public record Treatment(String type, String description, String period, String effect) {}

  /** A diagnosis on the problem list. */
  public record Condition(
      String code,
      String description,
      String rank,
      String status,
      boolean active,
      LocalDate onset) {}

  /** Reads a patient's background. */
  public interface Query {

    /** The background of an existing patient; {@link PatientNotFound} otherwise. */
    PatientBackground of(long patientId);
  }
}
