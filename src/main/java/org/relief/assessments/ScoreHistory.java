package org.relief.assessments;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's questionnaire scores over time, for modules that show a trajectory beside their own
 * records (the case conference packet and its follow-through). Reading is audited as a read of the
 * patient's questionnaire responses.
 */
public interface ScoreHistory {

  /** Every scored result of the patient, oldest first, in the practice's time zone. */
  List<ScoredResult> of(long patientId);

  /**
   * One scored instrument.
   *
   * @param instrument the instrument code ({@code nrs}, {@code odi}, ...)
   * @param name the abbreviation clinicians use ("NRS", "ODI")
   * @param score {@code null} when the response could not be scored
   * @param band the severity band's label, or {@code null}
   */
  record ScoredResult(
      String instrument,
      String name,
      LocalDate scoredOn,
      Double score,
      String band,
      double minScore,
      double maxScore) {}
}
