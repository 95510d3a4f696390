package org.relief.assessments;

import java.time.Instant;
import java.util.List;

/**
 * One scored instrument as stored for a patient.
 *
 * @param instrument the instrument's code ({@code nrs}, {@code odi}, {@code phq9}, ...)
 * @param score the main score, {@code null} when the answers did not allow one (a flag says why)
 * @param band the severity band of the score, {@code null} when the instrument has none
 * @param flags what the clinician must act on, such as the PHQ-9 item-9 flag {@link
 *     ScoreHistory#SUICIDE_RISK}
 */
public record RecordedScore(
    long id, String instrument, Instant scoredAt, Double score, String band, List<Flag> flags) {

  public RecordedScore {
    flags = List.copyOf(flags);
  }

  /** Whether a flag with this code was raised. */
  public boolean flagged(String code) {
    return flags.stream().anyMatch(f -> f.code().equals(code));
  }
}
