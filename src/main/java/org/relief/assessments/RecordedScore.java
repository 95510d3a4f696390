package org.relief.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scored instrument as stored for a patient.
 *
 * @param questionnaireId the questionnaire it was answered in, or {@code null} when it came another
 *     way (entered by staff, imported, synthetic history)
 * @param score the main score, or {@code null} when the answers did not allow one
 */
public record RecordedScore(
    long id,
    long patientId,
    Long questionnaireId,
    String instrument,
    String instrumentVersion,
    Instant scoredAt,
    Double score,
    String band,
    Map<String, Double> subscores,
    List<Flag> flags,
    int answered) {

  public RecordedScore {
    subscores = Map.copyOf(subscores);
    flags = List.copyOf(flags);
  }

  /** Whether a flag with this code was raised. */
  public boolean flagged(String code) {
    return flags.stream().anyMatch(f -> f.code().equals(code));
  }
}
