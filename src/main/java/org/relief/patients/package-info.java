/**
 * Patients: for now only the medication knowledge the clinic needs, morphine milligram equivalents
 * ({@link org.relief.patients.MmeCalculator}). The patient registry itself will join this module
 * later.
 *
 * <p>Everything here is decision support drawn from {@code clinical-rules.md} §2; each value says
 * where it comes from and whether it is confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package org.relief.patients;
