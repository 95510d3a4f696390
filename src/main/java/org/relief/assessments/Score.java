package org.relief.assessments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one set of answers.
 *
 * @param score the instrument's main score, or {@code null} when the answers do not allow it (a
 *     flag then says why)
 * @param subscores named part scores, in the instrument's order; a part that cannot be computed is
 *     left out and flagged
 * @param band the published severity band of the score, or {@code null} when the instrument has
 *     none
 * @param answered how many scored items were answered
 * @param unconfirmed rules this result relies on that are not confirmed against their primary
 *     source; show them next to the result
 */
public record Score(
    String instrument,
    Double score,
    Map<String, Double> subscores,
    String band,
    List<Flag> flags,
    int answered,
    List<String> unconfirmed) {

  public Score {
    subscores = Collections.unmodifiableMap(new LinkedHashMap<>(subscores));
    flags = List.copyOf(flags);
    unconfirmed = List.copyOf(unconfirmed);
  }

  /** Whether a flag with this code was raised. */
  public boolean flagged(String code) {
    return flags.stream().anyMatch(f -> f.code().equals(code));
  }
}
