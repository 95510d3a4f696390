package org.relief.procedures;

/**
 * A medication the patient takes, as the planner needs it.
 *
 * @param drug the generic name in lower case, e.g. {@code apixaban}
 * @param regimen optional, for the drugs whose §1b rows depend on it: aspirin {@code
 *     primary-prophylaxis} or {@code secondary-prophylaxis}; heparin {@code iv} or {@code sc};
 *     enoxaparin {@code prophylactic} or {@code therapeutic}. Without it the planner takes the
 *     longer hold and says so.
 */
public record MedicationTaken(String drug, String regimen) {

  public MedicationTaken(String drug) {
    this(drug, null);
  }
}
