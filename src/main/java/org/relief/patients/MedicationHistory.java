package org.relief.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every medication on a patient's list, current and past, in order of start date, with today's
 * total MME.
 *
 * @param mme the total daily MME of the opioids taken on {@code asOf}, with thresholds and guidance
 *     (clinical-rules.md §2d); empty when none is taken
 */
public record MedicationHistory(
    long patientId, LocalDate asOf, List<MedicationCourse> courses, Optional<MmeCalculation> mme) {

  public MedicationHistory {
    courses = List.copyOf(courses);
  }
}
