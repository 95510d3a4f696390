package org.relief.patients;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One medication on a patient's list, current or not, from its start date until the day before its
 * stop date.
 *
 * @param drug generic name in lower case, words joined by hyphens
 * @param stopDate the first day it is no longer taken; {@code null} while no stop is planned
 * @param mme the daily MME while it is taken, for an opioid of the CDC 2022 table
 *     (clinical-rules.md §2a); {@code null} for other drugs
 * @param drugClass the ASRA 2018 class (clinical-rules.md §1b, §1c)
 */
public record MedicationCourse(
    long id,
    String drug,
    BigDecimal dose,
    String unit,
    String schedule,
    LocalDate startDate,
    LocalDate stopDate,
    MedicationMme mme,
    DrugClassification drugClass) {

  /** Taken on {@code day}: started on or before it and not stopped by it. */
  public boolean takenOn(LocalDate day) {
    return !startDate.isAfter(day) && (stopDate == null || stopDate.isAfter(day));
  }

  public boolean opioid() {
    return mme != null;
  }

  /** The daily MME counted in totals while it is taken; zero for drugs that are not counted. */
  public BigDecimal countedMme() {
    return mme != null && mme.counted() ? mme.mme() : BigDecimal.ZERO;
  }

  /** The dose as people write it: "7.5 mg", "25 mcg/h". */
  public String doseText() {
    return dose.stripTrailingZeros().toPlainString() + " " + unit;
  }
}
