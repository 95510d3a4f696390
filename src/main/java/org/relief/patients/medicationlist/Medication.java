package org.relief.patients.medicationlist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A medication on a patient's list as stored.
 *
 * @param count times a day, hours between doses, or most doses a day; {@code null} when continuous
 * @param stopDate the first day it is no longer taken; {@code null} while no stop is planned
 */
public record Medication(
    long id,
    long patientId,
    String drug,
    BigDecimal dose,
    MedicationUnit unit,
    Frequency frequency,
    Integer count,
    LocalDate startDate,
    LocalDate stopDate) {

  /** Taken on {@code day}: started on or before it and not stopped by it. */
  public boolean currentOn(LocalDate day) {
    return !startDate.isAfter(day) && (stopDate == null || stopDate.isAfter(day));
  }

  public String schedule() {
    return frequency.describe(count);
  }

  /** The dose as people write it: "7.5 mg", "25 mcg/h". */
  public String doseText() {
    return dose.stripTrailingZeros().toPlainString() + " " + unit.code();
  }
}
