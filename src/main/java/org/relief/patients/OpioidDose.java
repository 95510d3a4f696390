package org.relief.patients;

import java.math.BigDecimal;
import org.relief.platform.RuleViolation;

/**
 * One opioid a patient takes, as given: a generic name in lower case ({@code "oxycodone"}, {@code
 * "fentanyl-transdermal"}), a daily dose (or an hourly rate for patches) and its unit. Nothing is
 * checked here; {@link MmeCalculator} refuses what it cannot convert, with a reason.
 */
public record OpioidDose(String drug, BigDecimal dose, String unit) {

  /** A daily oral dose in mg/day. */
  public static OpioidDose milligramsPerDay(String drug, String milligrams) {
    return new OpioidDose(drug, new BigDecimal(milligrams), DoseUnit.MG_PER_DAY.code());
  }

  /** A transdermal rate in mcg/h (fentanyl patches, clinical-rules.md §2a). */
  public static OpioidDose microgramsPerHour(String drug, String micrograms) {
    return new OpioidDose(drug, new BigDecimal(micrograms), DoseUnit.MCG_PER_HOUR.code());
  }

  /**
   * A regimen as prescribed, e.g. hydrocodone 5 mg four times a day: the daily dose is the dose
   * times the number of doses (clinical-rules.md §2c).
   */
  public static OpioidDose milligramsTimesDaily(String drug, String milligrams, int dosesPerDay) {
    if (dosesPerDay < 1) {
      throw new RuleViolation(
          "doses-per-day-not-positive",
          "The number of doses per day of " + drug + " must be at least 1, not " + dosesPerDay);
    }
    return new OpioidDose(
        drug,
        new BigDecimal(milligrams).multiply(BigDecimal.valueOf(dosesPerDay)),
        DoseUnit.MG_PER_DAY.code());
  }
}
