package org.relief.patients;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One medication a patient currently takes.
 *
 * @param drug generic name in lower case, words joined by hyphens
 * @param dose the amount of one dose (or the rate, for a continuous mcg/h dose)
 * @param unit mg, mcg, g, mcg/h, units or mL
 * @param schedule how often, in words ("3 times a day", "as needed, at most 4 a day")
 * @param stopDate {@code null} while no stop is planned
 * @param mme the daily MME for an opioid of the CDC 2022 table (clinical-rules.md §2a); {@code
 *     null} for other drugs
 * @param drugClass the ASRA 2018 class (clinical-rules.md §1b, §1c), {@link DrugClass#NOT_KNOWN}
 *     for drugs outside those tables
 */
public record CurrentMedication(
    long id,
    String drug,
    BigDecimal dose,
    String unit,
    String schedule,
    LocalDate startDate,
    LocalDate stopDate,
    MedicationMme mme,
    DrugClassification drugClass) {

  public boolean opioid() {
    return mme != null;
  }
}
