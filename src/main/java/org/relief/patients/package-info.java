/**
 * Patients: the registry (identity, contact, search by name, MRN or birth date) and the medication
 * knowledge the clinic needs, morphine milligram equivalents ({@link
 * org.relief.patients.MmeCalculator}) and the classes of anticoagulants, antiplatelets and NSAIDs
 * ({@link org.relief.patients.DrugClassifier}).
 *
 * <p>The medication knowledge is decision support drawn from {@code clinical-rules.md} §1b, §1c and
 * §2; each value says where it comes from and whether it is confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package org.relief.patients;
